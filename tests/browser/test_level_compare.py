"""Comparing two rating levels of a standard, and reaching the level tabs, on a phone
(390 px, and 320 px for reflow) and a desktop (1280 px), in Chromium.

Standard 1.2 of the 2018 edition, whose Good and Requires improvement texts differ as
issue 14 says: "... staff are actively managed" -> "... staff are inconsistently managed".
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

STANDARD = "standards/2018/1.2/"
WIDTHS = {  # name   viewport
    "narrow": {"width": 390, "height": 844},
    "wide":   {"width": 1280, "height": 900},
}
SMALLEST = {"width": 320, "height": 640}
LABELS = ["Outstanding", "Good", "Requires improvement", "Inadequate"]


def open_comparison(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(".levels-compare > summary").click()
    expect(page.locator(".levels-compare__picker")).to_be_visible()


def shown_pairs(page: Page) -> list[str]:
    """The `data-levels` of the pairs a reader can see, in page order."""
    pairs = page.locator(".levels-pair")
    return [pairs.nth(i).get_attribute("data-levels") for i in range(pairs.count()) if pairs.nth(i).is_visible()]


def marked(page: Page, side: str, tag: str, paragraph: int) -> list[str]:
    """The words in <del> or <ins> of one paragraph (0: the summary) of one side of the shown pair,
    as a screen reader gets them (with the visually hidden words)."""
    locator = page.locator(f".levels-pair:visible .levels-pair__side:{side} > p").nth(paragraph).locator(tag)
    return locator.all_text_contents()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("anchor, expected", [
    # anchor                  the pair shown first: the open tab's level and the next one down
    ("",                      ("outstanding", "good")),
    ("#good",                 ("good", "requires-improvement")),
    ("#requires-improvement", ("requires-improvement", "inadequate")),
    ("#inadequate",           ("requires-improvement", "inadequate")),   # the last level: with the one up
])
def test_the_comparison_opens_on_the_open_level_and_its_neighbour(page: Page, site_url: str, width, anchor,
                                                                  expected):
    page.set_viewport_size(WIDTHS[width])
    open_comparison(page, site_url + STANDARD + anchor)
    assert (page.locator("#levels-compare-first").input_value(),
            page.locator("#levels-compare-second").input_value()) == expected
    assert shown_pairs(page) == [" ".join(expected)]


@pytest.mark.parametrize("width", WIDTHS)
def test_good_and_requires_improvement_mark_the_words_that_change(page: Page, site_url: str, width):
    page.set_viewport_size(WIDTHS[width])
    open_comparison(page, site_url + STANDARD + "#good")
    expect(page.locator(".levels-pair:visible h3")).to_have_text("Good and Requires improvement")
    expect(page.locator(".levels-pair:visible h4")).to_have_text(["Good", "Requires improvement"])
    # the summary, then the first paragraph: exactly these words, with what a screen reader says
    assert marked(page, "first-child", "del", 0) == ["[deleted: sufficiently]"]
    assert marked(page, "last-child", "ins", 0) == ["[inserted: insufficiently]"]
    assert marked(page, "first-child", "del", 1) == ["[deleted: actively]"]
    assert marked(page, "last-child", "ins", 1) == [
        "[inserted: not always]", "[inserted: inconsistently]", "[inserted: not always]",
    ]
    assert marked(page, "first-child", "ins", 1) == [] and marked(page, "last-child", "del", 1) == []
    # The words for screen readers are not seen; the changed words are (struck through, underlined).
    marker = page.locator(".levels-pair:visible del .diff-marker").first
    assert marker.evaluate("e => [e.getBoundingClientRect().width, getComputedStyle(e).position]") == [1, "absolute"]
    styles = page.locator(".levels-pair:visible del").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine")
    assert styles == "line-through"
    assert page.locator(".levels-pair:visible ins").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine") == "underline"


def test_side_by_side_on_a_desktop_with_paragraphs_aligned(page: Page, site_url: str):
    page.set_viewport_size(WIDTHS["wide"])
    open_comparison(page, site_url + STANDARD + "#good")
    upper, lower = (page.locator(".levels-pair:visible .levels-pair__side").nth(i) for i in (0, 1))
    a, b = upper.bounding_box(), lower.bounding_box()
    assert a["y"] == b["y"] and a["x"] + a["width"] <= b["x"], "the two levels should sit side by side"
    # each paragraph starts level with its counterpart
    tops = [[round(side.locator("p").nth(i).bounding_box()["y"]) for i in range(6)] for side in (upper, lower)]
    assert tops[0] == tops[1]


def test_one_above_the_other_on_a_phone(page: Page, site_url: str):
    page.set_viewport_size(WIDTHS["narrow"])
    open_comparison(page, site_url + STANDARD + "#good")
    upper, lower = (page.locator(".levels-pair:visible .levels-pair__side").nth(i).bounding_box() for i in (0, 1))
    assert upper["x"] == lower["x"] and upper["y"] + upper["height"] <= lower["y"]
    assert page.evaluate("document.documentElement.scrollWidth") == 390


@pytest.mark.parametrize("width", WIDTHS)
def test_choosing_other_levels_shows_that_pair(page: Page, site_url: str, width):
    page.set_viewport_size(WIDTHS[width])
    open_comparison(page, site_url + STANDARD)
    page.locator("#levels-compare-second").select_option("inadequate")
    assert shown_pairs(page) == ["outstanding inadequate"]
    expect(page.locator(".levels-pair:visible h3")).to_have_text("Outstanding and Inadequate")
    # in either order: the higher level is shown first
    page.locator("#levels-compare-first").select_option("requires-improvement")
    assert shown_pairs(page) == ["requires-improvement inadequate"]
    page.locator("#levels-compare-second").select_option("good")
    assert shown_pairs(page) == ["good requires-improvement"]
    expect(page.locator(".levels-pair:visible h4")).to_have_text(["Good", "Requires improvement"])
    # a level is never compared with itself: picking the other list's level moves that list
    # to the picked level's neighbour (the next one down, or up from the last)
    page.locator("#levels-compare-second").select_option("requires-improvement")   # first shows it too
    assert shown_pairs(page) == ["requires-improvement inadequate"]
    assert page.locator("#levels-compare-first").input_value() == "inadequate"
    page.locator("#levels-compare-first").select_option("good")
    page.locator("#levels-compare-second").select_option("good")
    assert (page.locator("#levels-compare-first").input_value(), shown_pairs(page)) == (
        "requires-improvement", ["good requires-improvement"])


def test_the_comparison_works_with_the_keyboard(page: Page, site_url: str):
    page.goto(site_url + STANDARD + "#good")
    summary = page.locator(".levels-compare > summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".levels-compare")).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "levels-compare-first"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "levels-compare-second"
    page.keyboard.press("ArrowDown")   # Requires improvement -> Inadequate
    assert shown_pairs(page) == ["good inadequate"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")     # Good -> Outstanding
    assert shown_pairs(page) == ["outstanding inadequate"]
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".levels-pair:visible")).to_have_count(0)


def test_without_javascript_the_comparison_shows_each_pair_of_neighbours(browser, site_url: str):
    context = browser.new_context(java_script_enabled=False, viewport=WIDTHS["narrow"])
    page = context.new_page()
    page.goto(site_url + STANDARD)
    page.locator(".levels-compare > summary").click()
    expect(page.locator(".levels-compare__picker")).to_be_hidden()
    assert shown_pairs(page) == ["outstanding good", "good requires-improvement", "requires-improvement inadequate"]
    # and the tabs still work (radio buttons and CSS)
    page.locator(".levels .tabbed-labels > label", has_text="Inadequate").click()
    expect(page.locator(".levels .tabbed-block").nth(3)).to_be_visible()
    context.close()


def test_all_level_labels_are_visible_at_320_px(page: Page, site_url: str):
    page.set_viewport_size(SMALLEST)
    page.goto(site_url + STANDARD)
    page.locator(".levels .tabbed-labels").scroll_into_view_if_needed()
    labels = page.locator(".levels .tabbed-labels > label")
    assert labels.all_text_contents() == LABELS
    for index in range(labels.count()):
        box = labels.nth(index).bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 320, f"{LABELS[index]} is cut off: {box}"
        # nothing (such as Material's scroll arrow) covers it
        on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('label')?.textContent",
                               [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert on_top == LABELS[index]


def test_no_sideways_scroll_at_320_px_with_the_comparison_open(page: Page, site_url: str):
    page.set_viewport_size(SMALLEST)
    open_comparison(page, site_url + STANDARD)
    for other in ("requires-improvement", "inadequate"):
        page.locator("#levels-compare-second").select_option(other)
        assert page.evaluate("document.documentElement.scrollWidth") == 320


@pytest.mark.parametrize("width", WIDTHS)
def test_the_level_tabs_stay_in_reach_while_a_long_level_is_read(page: Page, site_url: str, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url + STANDARD + "#good")
    # read on: the tab set's start 600 px above the window, in the middle of Good
    page.evaluate("window.scrollBy(0, document.querySelector('.levels .tabbed-set').getBoundingClientRect().top + 600)")
    assert page.locator(".levels .tabbed-block").nth(1).bounding_box()["y"] < -400
    labels = page.locator(".levels .tabbed-labels")
    header = page.locator(".md-header").bounding_box()
    assert round(labels.bounding_box()["y"]) == round(header["y"] + header["height"]), "stuck under the header"
    page.locator(".levels .tabbed-labels > label", has_text="Inadequate").click()
    assert page.evaluate("document.querySelector('.levels input:checked').id") == "inadequate"
    expect(page.locator(".levels .tabbed-labels > label.levels__label--open")).to_have_text("Inadequate")
    # the new level is shown from its start, just under the labels
    expect(page.locator(".levels .tabbed-block").nth(3).locator("p").first).to_be_in_viewport()
    first = page.locator(".levels .tabbed-block").nth(3).locator("p").first.bounding_box()
    assert 0 < first["y"] - (labels.bounding_box()["y"] + labels.bounding_box()["height"]) < 60


@pytest.mark.parametrize("anchor, label", [("", "Outstanding"), ("#good", "Good"), ("#inadequate", "Inadequate")])
def test_the_open_levels_label_is_underlined_whatever_line_it_is_on(page: Page, site_url: str, anchor, label):
    page.set_viewport_size(SMALLEST)   # the labels on two lines: Material's sliding underline is off
    page.goto(site_url + STANDARD + anchor)
    opened = page.locator(".levels .tabbed-labels > label.levels__label--open")
    expect(opened).to_have_text(label)
    assert opened.evaluate("l => getComputedStyle(l).borderBottomStyle") == "solid"
    assert opened.evaluate("l => getComputedStyle(l).borderBottomColor") != "rgba(0, 0, 0, 0)"
