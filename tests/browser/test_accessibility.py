"""Accessibility gate: axe-core finds no violation on any page of any site we build.

Every HTML page of the built real site and of every fixture site under tests/fixtures/
is checked (found by walking the built folder, not a list), at a desktop and a phone
width, against WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices, and again in
the dark colour scheme for every site that offers one. Zero violations is the bar. Stock Material 9.8.1 fails three rules; standards_site/mkdocs/theme/ and
standards.css fix them (see docs/accessibility.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe_runner import axe_violations, describe
from tests.conftest import ROOT, fixture_site_configs

VIEWPORTS = {"wide": {"width": 1280, "height": 900}, "narrow": {"width": 390, "height": 844}}

SITES = [pytest.param(None, id="real-site")] + [
    pytest.param(config, id=f"fixture-{config.parent.name}") for config in fixture_site_configs()
]


def _has_dark_scheme(config: Path | None) -> bool:
    """Whether a site's theme offers Material's dark scheme (`scheme: slate` in its palette)."""
    text = (config or ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(r"^\s*scheme:\s*slate\b", text, re.MULTILINE) is not None


# (site, colour scheme): every site in light, and in dark those that offer it. The
# browser is told the system prefers that scheme, as a reader's phone would.
SITE_SCHEMES = [pytest.param(site.values[0], "light", id=f"{site.id}-light") for site in SITES] + [
    pytest.param(site.values[0], "dark", id=f"{site.id}-dark") for site in SITES if _has_dark_scheme(site.values[0])
]


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page in a built site, as a URL path relative to the site root.

    Redirect stubs (mkdocs-redirects' pages that send the browser on at once) are left
    out: a reader never sees them, the browser would be checking the page they lead to,
    and the links test checks where they lead."""
    pages = sorted(
        path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")
        if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")
    )
    return [page.removesuffix("index.html") for page in pages]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("config, scheme", SITE_SCHEMES)
def test_every_page_has_no_axe_violations(
    page: Page, config, scheme, viewport, built_site, build_fixture_site, serve_site
):
    site_dir = built_site if config is None else build_fixture_site(config)
    base_url = serve_site(site_dir)
    pages = html_pages(site_dir)
    assert pages, f"no HTML pages in {site_dir}"
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)

    problems = []
    for path in pages:
        page.goto(base_url + path)
        if scheme == "dark":   # the page really is dark, or this would check the light one again
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        problems += describe(f"/{path}", axe_violations(page))

    assert not problems, f"{len(problems)} axe violations on {len(pages)} pages:\n" + "\n".join(problems)


STANDARD = "standards/2018/1.2/"


# The search box, open with results, is checked by test_search.py at two widths.


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("levels", ["good requires-improvement", "outstanding inadequate"])
def test_two_levels_compared_have_no_axe_violations(page: Page, site_url: str, viewport, levels):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + STANDARD)
    page.locator(".levels-compare > summary").click()
    first, second = levels.split()
    page.locator("#levels-compare-first").select_option(first)
    page.locator("#levels-compare-second").select_option(second)
    expect(page.locator(f'.levels-pair[data-levels="{levels}"]')).to_be_visible()
    assert not describe(f"levels compared ({levels})", axe_violations(page))


def test_every_page_reflows_at_320_css_pixels(page: Page, built_site: Path, site_url: str):
    """WCAG 1.4.10 Reflow: at 320 CSS px wide (1280 px zoomed to 400%) nothing scrolls
    sideways. Code blocks and wide tables scroll inside their own box, which is allowed."""
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = []
    for path in html_pages(built_site):
        page.goto(site_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"/{path}: {width}px")
    assert not too_wide, "pages wider than the 320px window:\n" + "\n".join(too_wide)
