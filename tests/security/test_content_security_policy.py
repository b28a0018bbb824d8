"""The Content-Security-Policy (standards_site/mkdocs/csp.py) in Chromium.

The pages keep working under it (search with Pagefind's WebAssembly, level tabs, the
tracker's filters, the citation copy button), with no violation reported; a script
written into a page, as a hostile string would be if it slipped through, does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import SiteServer

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""
STANDARD = "standards/2018/1.2/"
TRACKER = "inspections/nps-central-functions-2020/action-plan/"


def test_every_page_carries_the_policy(built_site):
    pages = [p for p in built_site.rglob("*.html") if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")]
    missing = [p.relative_to(built_site).as_posix() for p in pages
               if 'http-equiv="Content-Security-Policy"' not in p.read_text(encoding="utf-8")]
    assert pages and missing == []


@pytest.mark.parametrize("site", ["built_site", "example_site"])   # example: no theme.palette, so Material's palette script
def test_every_inline_script_of_every_page_is_allowed_by_its_hash(site, request):
    """Else the theme's own scripts (local storage, the linked tab, the colour scheme) would be blocked."""
    built_site = request.getfixturevalue(site)
    blocked = []
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        for script in re.findall(r"<script>(.*?)</script>", html, re.DOTALL):
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            if policy and f"'sha256-{digest}'" not in policy.group(1):
                blocked.append(f"{path.relative_to(built_site)}: {script[:40]}")
    assert blocked == []


def test_the_site_works_under_the_policy_with_no_violation(page: Page, site_url: str):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + STANDARD + "#good")
    # The theme's inline script opened the tab the address names.
    page.wait_for_function("document.querySelector('.levels input:checked').id === 'good'")
    page.keyboard.press("/")
    page.get_by_role("searchbox", name="Search").fill("workload")
    expect(page.get_by_role("list", name="Search results").get_by_role("link").first).to_be_visible(timeout=10_000)
    assert page.evaluate("window.__violations") == []
    page.goto(site_url + TRACKER)
    expect(page.locator("main select").first).to_be_visible()
    assert page.evaluate("window.__violations") == []


def test_a_script_written_into_a_page_does_not_run(page: Page, built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    target = site / STANDARD / "index.html"
    html = target.read_text(encoding="utf-8")
    target.write_text(html.replace("</article>", "<script>window.__ran = 1</script>"
                                   '<img src="x" onerror="window.__ran = 2"></article>', 1), encoding="utf-8")
    server = SiteServer(site)
    try:
        page.add_init_script(RECORD_VIOLATIONS)
        page.goto(server.url + STANDARD, wait_until="load")
        page.wait_for_function("window.__violations.length >= 2")
        assert page.evaluate("window.__ran") is None
        assert all(v.startswith("script-src") for v in page.evaluate("window.__violations"))
    finally:
        server.close()
