"""A standard page in a real browser: level anchors open their tab, tabs work by
keyboard, and print shows every level. The comparison of two levels, the wrapping and
sticky tab labels: test_level_compare.py.

The level anchors (#outstanding, #good, #requires-improvement, #inadequate) are part
of the public URL contract: providers link straight to a level.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

STANDARD = "standards/2018/1.2/"
LEVELS = {  # anchor               tab label
    "outstanding":          "Outstanding",
    "good":                 "Good",
    "requires-improvement": "Requires improvement",
    "inadequate":           "Inadequate",
}


def selected_level(page: Page) -> str:
    """The id of the checked tab (a radio input) in the levels tab set."""
    return page.evaluate("document.querySelector('.levels input:checked').id")


def visible_panels(page: Page) -> list[int]:
    """Positions (0-3) of the level panels a reader can see."""
    blocks = page.locator(".levels .tabbed-block")
    return [index for index in range(blocks.count()) if blocks.nth(index).is_visible()]


@pytest.mark.parametrize("anchor", LEVELS)
def test_level_anchor_opens_its_tab(page: Page, site_url: str, anchor: str):
    page.goto(f"{site_url}{STANDARD}#{anchor}")
    assert selected_level(page) == anchor
    position = list(LEVELS).index(anchor)
    assert visible_panels(page) == [position]


def test_good_anchor_shows_the_good_characteristics(page: Page, site_url: str):
    page.goto(f"{site_url}{STANDARD}#good")
    panel = page.locator(".levels .tabbed-block").nth(1)
    expect(panel).to_be_visible()
    # 1.2 Good opens with this summary line in the source document (tests/sources/).
    expect(panel.locator("strong").first).to_have_text(
        "Staff within the organisation are sufficiently empowered to deliver a high-quality, personalised "
        "and responsive service for all service users."
    )


def test_anchor_wins_over_a_tab_remembered_from_another_page(page: Page, site_url: str):
    """Material remembers the last tab chosen (content.tabs.link); a link's anchor must win."""
    page.goto(f"{site_url}standards/2018/1.1/")
    page.locator(".levels .tabbed-labels > label", has_text="Inadequate").click()
    page.goto(f"{site_url}{STANDARD}#good")
    assert selected_level(page) == "good"


def test_choosing_a_tab_puts_its_anchor_in_the_address(page: Page, site_url: str):
    page.goto(site_url + STANDARD)
    page.locator(".levels .tabbed-labels > label", has_text="Requires improvement").click()
    assert page.evaluate("location.hash") == "#requires-improvement"


def test_tabs_work_with_the_keyboard(page: Page, site_url: str):
    page.goto(site_url + STANDARD)
    page.locator(".levels-compare > summary").focus()
    page.keyboard.press("Tab")  # the next stop after the closed comparison is the tab set
    assert page.evaluate("document.activeElement.id") == "outstanding"
    for expected in ["good", "requires-improvement", "inadequate"]:
        page.keyboard.press("ArrowRight")
        assert selected_level(page) == expected
        assert visible_panels(page) == [list(LEVELS).index(expected)]
    page.keyboard.press("ArrowLeft")
    assert selected_level(page) == "requires-improvement"


def test_focused_tab_has_a_visible_outline(page: Page, site_url: str):
    page.goto(site_url + STANDARD)
    page.locator(".levels-compare > summary").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    label = page.locator(".levels .tabbed-labels > label[for='good']")
    assert label.evaluate("l => getComputedStyle(l).outlineStyle") == "solid"


def test_print_shows_all_four_levels(page: Page, site_url: str):
    page.goto(site_url + STANDARD)
    page.emulate_media(media="print")
    assert visible_panels(page) == [0, 1, 2, 3]
    expect(page.locator(".levels .tabbed-labels")).to_be_hidden()
    expect(page.locator(".levels-compare")).to_be_hidden()   # the levels are all there in full
    headings = page.evaluate(
        "[...document.querySelectorAll('.levels .tabbed-block')]"
        ".map(b => getComputedStyle(b, '::before').content)"
    )
    assert headings == [f'"{label}"' for label in LEVELS.values()]

