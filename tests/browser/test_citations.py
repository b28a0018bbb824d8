"""A rating level's citation in a real browser: open a level's tab, Tab to its copy
button, and the clipboard holds that level's citation (`#<level>`, "at level <Label>",
today's date), at a phone's width and a desktop's; without JavaScript the tab still
shows it, with "[date]" for the reader to fill in.
"""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Browser, Page, expect

WIDTHS = [390, 1280]


def today() -> str:
    day = datetime.date.today()
    return f"{day.day} {day:%B} {day.year}"


def panel(page: Page, label: str):
    return page.locator(f'.levels .tabbed-block[data-label="{label}"]')


def copy_with_the_keyboard(page: Page, label: str) -> str:
    """From the open tab's label, Tab to the copy button of its citation and press Enter."""
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.tabbed-block .citation button')"):
            break
    focused = page.evaluate("document.activeElement.closest('.tabbed-block')?.dataset.label")
    assert focused == label, "the copy button of the open level's citation is not the next stop"
    page.keyboard.press("Enter")
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_level_citation_is_copied_from_inside_its_tab(page: Page, site_url: str, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "standards/2018/1.2/")
    page.locator(".levels-compare > summary").focus()
    page.keyboard.press("Tab")                      # the tab set: Outstanding
    page.keyboard.press("ArrowRight")               # Good
    citation = panel(page, "Good").locator(".citation code")
    expect(citation).to_be_visible()
    expected = ("HMI Probation (2018). Standard 1.2 Staff, at level Good. In: Standards framework 2018. "
                f"Available at: https://standards.example.org/standards/2018/1.2/#good (accessed {today()}).")
    expect(citation).to_have_text(expected)
    assert citation.evaluate("el => el.scrollWidth <= el.clientWidth"), "the citation wraps, never scrolls"
    assert copy_with_the_keyboard(page, "Good") == expected


def test_each_level_of_a_five_level_scale_has_its_citation(page: Page, example_site, serve_site):
    page.goto(serve_site(example_site) + "standards/2026/1.1/")
    for level_id, label in [("exemplary", "Exemplary"), ("strong", "Strong"), ("adequate", "Adequate"),
                            ("weak", "Weak"), ("failing", "Failing")]:
        page.locator(".levels .tabbed-labels > label", has_text=label).click()
        citation = panel(page, label).locator(".citation code")
        expect(citation).to_be_visible()
        expect(citation).to_have_text(
            f"EICS (2026). Standard 1.1 Keeping people safe, at level {label}. In: Care standards 2026. "
            f"Available at: https://care-standards.example.org/standards/2026/1.1/#{level_id} (accessed {today()}).")
        expect(panel(page, label).locator(".citation button")).to_be_visible()


def test_without_javascript_the_tab_shows_its_citation_with_a_date_to_fill_in(browser: Browser, site_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "standards/2018/1.2/")
    page.locator(".levels .tabbed-labels > label", has_text="Requires improvement").click()
    expect(panel(page, "Requires improvement").locator(".citation code")).to_have_text(
        "HMI Probation (2018). Standard 1.2 Staff, at level Requires improvement. In: Standards framework 2018. "
        "Available at: https://standards.example.org/standards/2018/1.2/#requires-improvement (accessed [date]).")
    expect(panel(page, "Good").locator(".citation code")).to_be_hidden()
    context.close()
