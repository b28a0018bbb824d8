"""The home page and the 404 page as a reader meets them, on a phone and on a desktop.

The desktop home page used to hide the menu and link only to the standards: every
route must be on screen at both widths, with nothing cut off or scrolled sideways.
"""

import re

import pytest
from playwright.sync_api import Page, expect

WIDTHS = [390, 1280]

HOME_ROUTES = ["Find a standard", "Guidance", "Glossary", "Inspections", re.compile(r": action plan tracker$"),
               "Cite and reuse", "Data"]
NOT_FOUND_ROUTES = ["Home", "Standards framework", "Guidance library", "Glossary", "Inspections", "How to cite"]


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_page_shows_every_route_and_the_publisher(page: Page, site_url: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url)
    content = page.locator("article")
    expect(content.get_by_text("Published by HM Inspectorate of Probation.")).to_be_visible()
    for name in HOME_ROUTES:
        link = content.get_by_role("link", name=name)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{name} is cut off at {width}px: {box}"
    no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_pages_routes_are_reached_by_keyboard(page: Page, site_url: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url)
    page.get_by_role("link", name="Find a standard").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "standards/")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_404_page_offers_search_and_the_main_routes(page: Page, site_url: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(site_url + "404.html")
    assert response.ok
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("search", name="Search the site").get_by_role("searchbox")).to_be_visible()
    routes = page.locator(".not-found-routes")
    for name in NOT_FOUND_ROUTES:
        expect(routes.get_by_role("link", name=name, exact=True)).to_be_visible()
    no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_help_for_authors_is_one_footer_link_away(page: Page, site_url: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "standards/2018/1.2/")
    link = page.get_by_role("contentinfo").get_by_role("link", name="Help for authors")
    link.scroll_into_view_if_needed()
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/authors/" in page.url


#: The home page, a standard, and the page with the longest title (the tracker's).
HEADER_PAGES = ["", "standards/2018/1.2/", "inspections/nps-central-functions-2020/action-plan/"]


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize("path", HEADER_PAGES)
def test_the_header_shows_the_sites_name_whole(page: Page, site_url: str, path, width):
    """The header's title wraps on a phone instead of being cut ("…effective pract…"). The
    site's name shows whole; a page's title (shown once the heading scrolls away) may be cut
    after three lines, since the heading itself shows it, but never spills out of the header."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + path)
    header = page.locator(".md-header").bounding_box()
    site_name, page_title = page.locator(".md-header__topic > .md-ellipsis").all()
    expect(site_name).to_have_text("Inspection standards and effective practice")
    cut = "el => [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight]"
    assert max(site_name.evaluate(cut)) <= 1, f"the site's name is cut at {width}px on /{path}"
    for title in (site_name, page_title):
        box = title.bounding_box()
        assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], (
            f"the header's title spills out of the header at {width}px on /{path}: {box} in {header}")
    no_sideways_scroll(page)
