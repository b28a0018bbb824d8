"""Site search (Pagefind, standards_site/mkdocs/theme/partials/site-search.html), driven by keyboard in Chromium.

The search box must find standards by number, topic and rating level, open and
close from the keyboard as Material's did, announce its results, hand focus back,
work on a phone-sized screen and pass axe-core.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT

AXE = ROOT / "tests" / "node" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def search_box(page: Page):
    return page.get_by_role("searchbox", name="Search")


def results(page: Page):
    return page.get_by_role("list", name="Search results").get_by_role("link")


def status(page: Page):
    return page.get_by_role("status")


def wait_for_results(page: Page, announcement: str | re.Pattern = re.compile(r"^\d+ matching pages?")):
    """Wait until the results of everything typed are shown (the list is no longer busy)."""
    expect(page.get_by_role("list", name="Search results")).to_have_attribute("aria-busy", "false", timeout=10_000)
    expect(status(page)).to_have_text(announcement)


@pytest.mark.parametrize(
    "query, expected_page",
    [
        # query               the standard page the first result must be on
        ("1.2",                "standards/2018/1.2/"),
        ("workload",           "standards/2018/1.2/"),
        ("succession planning", "standards/2018/1.2/"),
        ("requires improvement", None),  # any standard page: every one has the level
    ],
)
def test_search_finds_the_standard(page: Page, site_url: str, query: str, expected_page):
    page.goto(site_url)
    page.keyboard.press("/")
    expect(search_box(page)).to_be_focused()
    page.keyboard.type(query)
    wait_for_results(page)
    href = results(page).first.get_attribute("href").split("#")[0]   # where on the page: tests below
    if expected_page:
        assert href.endswith(expected_page), f"first result for {query!r} was {href}"
    else:
        assert "standards/2018/1." in href, f"first result for {query!r} was {href}"


def test_a_standard_ranks_above_a_public_page_that_matches_too(page: Page, site_url: str):
    # Without the standards' boost (`search: boost: 2`), the accessibility statement comes first.
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("feedback")
    wait_for_results(page)
    hrefs = results(page).evaluate_all("links => links.map(a => a.getAttribute('href').split('#')[0])")
    assert hrefs[0].endswith("standards/2018/1.2/"), f"first result for 'feedback' was {hrefs[0]}"
    assert [h for h in hrefs if h.endswith("accessibility/")], f"accessibility/ should still be found: {hrefs}"


# Words the help for authors uses too: "Macros for authors" came second for "1.2", and
# the old home page's help text second for "workload".
@pytest.mark.parametrize("query", ["1.2", "workload", "rating", "publish", "macros"])
def test_help_for_authors_is_never_a_public_search_result(page: Page, site_url: str, query):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type(query)
    wait_for_results(page, re.compile(r"^(\d+ matching pages?|No matching pages)"))
    hrefs = results(page).evaluate_all("links => links.map(a => a.getAttribute('href'))")
    help_pages = [h for h in hrefs if re.search(r"(^|/)(authors|maintainers)/|how-to-publish/", h)]
    assert not help_pages, f"help pages in the results for {query!r}: {help_pages}"


def test_results_are_links_with_title_and_excerpt_and_the_count_is_announced(page: Page, site_url: str):
    page.goto(site_url)
    page.keyboard.press("s")
    page.keyboard.type("succession planning")
    wait_for_results(page)
    first = results(page).first
    # the title names the level the excerpt comes from, which the link opens
    expect(first.locator(".site-search__title")).to_have_text("1.2 Staff (2018 edition): Outstanding")
    expect(first.locator(".site-search__excerpt mark").first).to_have_text("succession", ignore_case=True)


def test_no_result_is_announced(page: Page, site_url: str):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("zzyzx")
    wait_for_results(page, "No matching pages")
    expect(results(page)).to_have_count(0)


def test_arrow_keys_walk_the_results_and_enter_opens_one(page: Page, site_url: str):
    page.goto(site_url + "standards/")
    page.keyboard.press("f")
    page.keyboard.type("1.2")
    wait_for_results(page, re.compile(r"^\d+ matching pages"))
    page.keyboard.press("ArrowDown")
    expect(results(page).nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(results(page).nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(search_box(page)).to_be_focused()
    page.keyboard.press("Enter")           # Enter in the field opens the first result
    expect(page).to_have_url(site_url + "standards/2018/1.2/")


def test_escape_closes_the_search_and_returns_focus(page: Page, site_url: str):
    page.goto(site_url)
    skip_target = page.get_by_role("link", name="Find a standard")
    skip_target.focus()
    page.keyboard.press("/")
    expect(search_box(page)).to_be_focused()
    assert page.locator("#__search").is_checked()
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    expect(skip_target).to_be_focused()


def test_shortcut_letters_type_normally_inside_the_field(page: Page, site_url: str):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("s/f")
    expect(search_box(page)).to_have_value("s/f")


def test_phone_opens_search_from_a_button_and_escape_returns_to_it(page: Page, site_url: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url)
    button = page.get_by_role("button", name="Search", exact=True)
    expect(button).to_be_visible()
    expect(search_box(page)).not_to_be_in_viewport()
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(search_box(page)).to_be_focused()
    expect(search_box(page)).to_be_in_viewport()
    page.keyboard.type("workload")
    expect(results(page).first).to_be_in_viewport(timeout=10_000)
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")


def test_nothing_of_the_index_loads_before_someone_searches(page: Page, site_url: str):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "standards/2018/1.2/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/pagefind/" in url or "search_index" in url]


@pytest.mark.parametrize("width", [1280, 390])
def test_open_search_with_results_has_no_axe_violations(page: Page, site_url: str, width: int):
    assert AXE.is_file(), "axe-core is missing: run `make test` (it runs npm ci in tests/node)"
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(site_url + "standards/2018/1.2/")
    page.keyboard.press("/")
    page.keyboard.type("staff")
    expect(results(page).first).to_be_visible(timeout=10_000)
    page.evaluate(AXE.read_text(encoding="utf-8"))   # through DevTools: the site's CSP allows no inline script
    violations = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))",
        AXE_TAGS,
    )
    assert violations == []


# -- A result opens at its match: a rating level's tab, a glossary term ------------------------

def open_results(page: Page, site_url: str, width: int, query: str):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(site_url)
    if width < 960:   # below Material's 60em the field hides behind a button
        page.get_by_role("button", name="Search", exact=True).click()
    else:
        page.keyboard.press("/")
    page.keyboard.type(query)
    wait_for_results(page)


def checked_level(page: Page) -> str:
    return page.locator(".levels .tabbed-set > input:checked").get_attribute("id")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_result_inside_a_rating_level_opens_that_levels_tab_from_the_keyboard(page: Page, site_url: str, width):
    # "inconsistently managed" is in 1.2's Requires improvement text only (not its first tab)
    open_results(page, site_url, width, "inconsistently managed")
    first = results(page).first
    expect(first).to_have_attribute("href", "/standards/2018/1.2/#requires-improvement")
    expect(first.locator(".site-search__title")).to_have_text("1.2 Staff (2018 edition): Requires improvement")
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "standards/2018/1.2/#requires-improvement")
    assert checked_level(page) == "requires-improvement"
    expect(page.locator(".levels .tabbed-block").nth(2)).to_contain_text("inconsistently managed")
    expect(page.locator(".levels .tabbed-block").nth(2)).to_be_in_viewport()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_result_in_the_last_level_opens_it_with_the_mouse(page: Page, site_url: str, width):
    # "blame" is in 1.2's Inadequate text only
    open_results(page, site_url, width, "blame")
    link = results(page).filter(has_text="1.2 Staff")
    expect(link).to_have_attribute("href", "/standards/2018/1.2/#inadequate")
    link.click()
    expect(page).to_have_url(site_url + "standards/2018/1.2/#inadequate")
    assert checked_level(page) == "inadequate"
    expect(page.locator(".levels .tabbed-block").nth(3)).to_be_in_viewport()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_glossary_result_opens_at_its_term_not_the_top_of_the_page(page: Page, site_url: str, width):
    open_results(page, site_url, width, "WMT")
    first = results(page).first
    expect(first).to_have_attribute("href", "/glossary/#wmt")
    expect(first.locator(".site-search__title")).to_have_text("Glossary: WMT")
    first.click()
    expect(page).to_have_url(site_url + "glossary/#wmt")
    expect(page.locator("#wmt")).to_be_in_viewport()
    assert page.evaluate("scrollY") > 5000   # the term is far down the one long glossary page


def test_a_match_under_the_pages_title_opens_the_page_itself(page: Page, site_url: str):
    open_results(page, site_url, 1280, "1.2")
    expect(results(page).first).to_have_attribute("href", "/standards/2018/1.2/")


def test_a_level_of_another_rating_scale_is_opened_by_its_own_anchor(page: Page, example_site, serve_site):
    # The five-level invented example (exemplary ... failing): nothing in search knows the names.
    base = serve_site(example_site)
    open_results(page, base, 1280, "weak practice")
    hrefs = results(page).evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "/standards/2026/1.1/#weak" in hrefs, hrefs
    results(page).filter(has_text="1.1 ").first.click()
    expect(page).to_have_url(base + "standards/2026/1.1/#weak")
    assert checked_level(page) == "weak"


@pytest.mark.parametrize("width", [320, 390])
def test_open_results_fit_a_phone_screen(page: Page, site_url: str, width: int):
    open_results(page, site_url, width, "workload")
    # Material's backdrop, a circle scaled 45 times, made the page 1,262 px wide at 390 px.
    assert page.evaluate("document.documentElement.scrollWidth") == width
    cut = page.locator("#site-search-results *").evaluate_all(
        "els => els.filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth)"
        ".map(e => e.className + ': ' + e.textContent.slice(0, 40))")
    assert cut == []


@pytest.mark.parametrize("width", [390, 1280])
def test_the_404_pages_search_opens_the_sites_search_with_the_query(page: Page, site_url: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "404.html")
    field = page.get_by_role("searchbox", name="Search the site")
    field.fill("workload")
    field.press("Enter")
    expect(search_box(page)).to_have_value("workload")
    expect(search_box(page)).to_be_focused()
    wait_for_results(page)
    expect(results(page).first).to_have_attribute("href", re.compile(r"standards/2018/1\.2/"))
    # the query is taken out of the address: a reload does not search again
    expect(page).to_have_url(site_url)
