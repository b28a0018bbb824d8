"""Editions in a real browser: current-edition redirects keep the fragment, the citation
is copied by keyboard, comparisons are marked for screen readers, and the new pages pass
axe-core's WCAG 2.2 A/AA rules."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

AXE = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_current_url_keeps_the_level_fragment(page: Page, site_url: str):
    page.goto(site_url + "standards/current/1.2/#good")
    expect(page).to_have_url(re.compile(r"/standards/2018/1\.2/#good$"))
    expect(page.locator("input#good")).to_be_checked()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("1.2 Staff"))


def test_current_url_of_a_moved_standard_leads_to_its_new_number(page: Page, two_editions_url: str):
    page.goto(two_editions_url + "standards/current/1.3/#requires-improvement")
    expect(page).to_have_url(re.compile(r"/standards/2021/2\.1/#requires-improvement$"))
    expect(page.locator("input#requires-improvement")).to_be_checked()


def test_citation_is_copied_with_the_keyboard(page: Page, site_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "standards/2018/1.2/")
    today = datetime.date.today()
    citation = page.locator(".citation--standard code")
    expect(citation).to_contain_text(f"(accessed {today.day} {today:%B} {today.year}).")
    # Start at the "Cite this standard" heading's permalink and Tab to the copy button.
    page.locator("#cite a.headerlink").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.citation--standard button')"):
            break
    assert page.evaluate("document.activeElement.matches('.citation--standard button')"), "copy button not reached by Tab"
    expect(page.locator(".citation--standard button")).to_have_accessible_name(re.compile("copy", re.I))
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("HMI Probation (2018). Standard 1.2 Staff. In: Standards framework 2018. Available at: ")
    assert f"/standards/2018/1.2/ (accessed {today.day} {today:%B} {today.year})." in copied


def test_diff_markers_are_hidden_from_sight_but_in_the_text(page: Page, two_editions_url: str):
    page.goto(two_editions_url + "standards/2018/1.1/compare/2021/")
    inserted = page.locator("ins").first
    expect(inserted).to_contain_text("[inserted:")
    marker = inserted.locator(".diff-marker").first
    box = marker.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1
    style = inserted.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert style == "underline", "insertions are underlined, not told apart by colour alone"
    assert page.locator("del").first.evaluate("el => getComputedStyle(el).textDecorationLine") == "line-through"


@pytest.mark.parametrize("site, path", [
    ("two_editions_url", "standards/2018/1.4/"),              # superseded notice, split
    ("two_editions_url", "standards/2018/1.1/compare/2021/"),  # word-level comparison
    ("two_editions_url", "standards/crosswalk/2018/2021/"),    # crosswalk table
    ("two_editions_url", "standards/current/1.7/"),            # retired: no current equivalent
    ("site_url", "standards/2018/1.2/"),                       # citation box on the real site
    ("site_url", "how-to-cite/"),
    ("site_url", "data/"),
])
def test_new_pages_pass_axe(page: Page, request, site: str, path: str):
    assert AXE.exists(), "axe-core is missing: run `make test` (it runs npm ci in tests/node)"
    page.goto(request.getfixturevalue(site) + path)
    page.evaluate(AXE.read_text(encoding="utf-8"))   # through DevTools: the site's CSP allows no inline script
    violations = page.evaluate(
        """async (tags) => (await axe.run(document.querySelector('article'), {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})).violations
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""",
        WCAG,
    )
    assert violations == []
