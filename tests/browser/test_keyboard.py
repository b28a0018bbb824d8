"""Everything works with a keyboard alone, and the reader can always see where focus is.

Covers the skip link, search (open, type, reach a result, open it), the copy buttons
on code blocks, and a visible focus ring on every Tab stop of every page of the site.
Content tabs are covered in test_standard_page.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from playwright.sync_api import Page, expect

from tests.browser.test_accessibility import html_pages

STANDARD = "standards/2018/1.2/"

_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // Focus may leave the page after its last stop, or wrap straight back to its first one.
  window.__tabOrder = window.__tabOrder || [];
  const seen = window.__tabOrder.indexOf(e);
  if (seen >= 0) return {repeat: seen};
  window.__tabOrder.push(e);
  // A content tab is a radio input hidden behind its label: the label shows the focus.
  // The colour-scheme toggle is the same, but Material shows the focus on the label that
  // follows the input (the button that names the next scheme), not the one that targets it.
  const shown = e.matches('.tabbed-set > input') ? document.querySelector(`label[for="${e.id}"]`)
              : e.matches('input.md-option') ? e.nextElementSibling : e;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    what: e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
          + ' "' + (e.getAttribute('aria-label') || e.title || e.textContent || e.id).trim().slice(0, 40) + '"',
    outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
              && box.right > 0 && box.left < innerWidth,
  };
}"""


# Waits for elements that are sliding (CSS transform transitions) to come to rest.
_MOVEMENT_DONE = """Promise.all(document.getAnimations()
    .filter(a => a.transitionProperty === 'transform')
    .map(a => a.finished.catch(() => null)))"""


def tab_stops(page: Page, limit: int = 1000) -> list[dict]:
    """Press Tab until focus leaves the page or comes back to its first stop; describe each
    element that took focus. Focus that comes back to any other stop is a keyboard trap."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        # Judge where focus is once things have stopped moving (the drawer slides in).
        page.evaluate(_MOVEMENT_DONE)
        focused = page.evaluate(_FOCUSED)
        if focused is None or focused.get("repeat") == 0:
            return stops
        if "repeat" in focused:
            raise AssertionError(f"a keyboard trap on {page.url}: after {stops[-1]['what']}, focus went back to "
                                 f"{stops[focused['repeat']]['what']} instead of on or off the page")
        stops.append(focused)
    raise AssertionError(f"focus never left {page.url} after {limit} Tab presses (a keyboard trap?); "
                         f"the last stops: {[stop['what'] for stop in stops[-5:]]}")


VIEWPORTS = {"wide": {"width": 1280, "height": 900}, "narrow": {"width": 390, "height": 844}}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_tab_stop_shows_a_focus_ring(page: Page, site_url: str, built_site: Path, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    problems = []
    for path in html_pages(built_site):
        page.goto(site_url + path)
        stops = tab_stops(page)
        assert stops, f"/{path}: nothing on the page takes keyboard focus"
        problems += [
            f"/{path}: {stop['what']}: outline {stop['outline']}px, on screen: {stop['onScreen']}"
            for stop in stops
            if stop["outline"] < 2 or not stop["onScreen"]
        ]
    assert not problems, "focus is not visible on:\n" + "\n".join(problems)


def test_skip_link_is_first_and_moves_focus_to_the_content(page: Page, site_url: str):
    page.goto(site_url + STANDARD)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#12-staff"
    page.keyboard.press("Tab")  # the next stop is inside the page content, past header and nav
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")


def test_search_is_reached_by_tab_and_a_result_by_arrow_keys(page: Page, site_url: str):
    """Tab (not only the shortcut) reaches the search box; results are then reached by keyboard.

    The search box's own behaviour (shortcuts, Escape, phone) is tested in test_search.py.
    """
    page.goto(site_url)
    search = page.get_by_role("searchbox", name="Search")
    for _ in range(6):  # skip link, logo, then the search box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role') === 'searchbox' || document.activeElement.type === 'search'"):
            break
    expect(search).to_be_focused()
    page.keyboard.type("workload")
    results = page.get_by_role("list", name="Search results")
    expect(results).to_have_attribute("aria-busy", "false", timeout=10_000)
    expect(results.get_by_role("link").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(results.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(site_url + STANDARD)))


def test_copy_button_works_by_keyboard(page: Page, site_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "authors/macros/")
    button = page.locator(".md-code__button[data-md-type='copy']").first
    expect(button).to_have_accessible_name("Copy to clipboard")
    # accessibility.js: a copy button's wrapper is not a navigation landmark.
    expect(page.locator("nav.md-code__nav").first).to_have_attribute("role", "none")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-code__button')"):
            break
    expect(button).to_be_focused()
    # Still named once focused (its title stays: the site has no Material tooltips).
    expect(button).to_have_accessible_name("Copy to clipboard")
    page.keyboard.press("Enter")
    expect(page.locator(".md-dialog")).to_contain_text("Copied to clipboard")
    code = page.locator("pre code").first.inner_text()
    assert page.evaluate("navigator.clipboard.readText()").strip() == code.strip()


def test_narrow_screen_drawer_opens_while_it_has_focus(page: Page, site_url: str):
    """On a phone-sized screen the navigation drawer opens when Tab reaches it, and
    closes when focus moves on (its menu button is a <label>, which a keyboard cannot use)."""
    page.set_viewport_size(VIEWPORTS["narrow"])
    page.goto(site_url + STANDARD)
    drawer = page.locator("#__drawer")
    home = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Home")
    home.focus()
    expect(drawer).to_be_checked()
    expect(home).to_be_in_viewport()
    page.locator(".md-content a").first.focus()
    expect(drawer).not_to_be_checked()
