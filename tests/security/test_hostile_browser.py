"""The hostile site in Chromium: no payload runs, or makes markup, once the scripts have run.

What the parsed HTML cannot show: the theme's and our own scripts turn text into DOM
(search results from the index and its metadata, Material's tooltips, the tracker's
filters, the citation box). Every payload calls `xssN()`; each is a trap here.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

TRAP = """
window.__xss = [];
for (let n = 1; n < 5000; n++) window["xss" + n] = () => window.__xss.push(n);
"""
# Elements and attributes only a payload would make, in the live DOM.
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    const name = el.tagName.toLowerCase();
    if (name.startsWith("xss-") || (name === "img" && el.getAttribute("src") === "x")) found.push("<" + name + ">");
    for (const attribute of el.attributes) {
      if (attribute.name.includes("xss") || (attribute.name.startsWith("on") && attribute.value.includes("xss")))
        found.push(name + "[" + attribute.name + "]");
      if (attribute.name === "href" && attribute.value.trim().toLowerCase().startsWith("javascript:"))
        found.push(name + "[href=javascript:]");
    }
  }
  return found.concat(window.__xss.map(n => "xss" + n + "() ran"));
}"""


def _pages(built):
    return sorted(p.relative_to(built).as_posix().removesuffix("index.html")
                  for p in built.rglob("*.html") if p.name == "index.html")


def test_no_payload_runs_on_any_page(page: Page, hostile, serve_site):
    site, built = hostile
    base = serve_site(built)
    page.add_init_script(TRAP)
    found = {}
    for path in _pages(built):
        page.goto(base + path, wait_until="load")
        abbreviation = page.locator("article abbr[title]").first
        if abbreviation.count():
            abbreviation.hover()          # Material's tooltip shows the title
        if problems := page.evaluate(INJECTED):
            found[path] = problems
    assert found == {}


def test_no_payload_runs_in_search_results(page: Page, hostile, serve_site):
    site, built = hostile
    page.add_init_script(TRAP)
    page.goto(serve_site(built))
    page.keyboard.press("/")
    box = page.get_by_role("searchbox", name="Search")
    for query in ("Hostile", "xss", "onerror", "script"):
        box.fill(query)
        results = page.get_by_role("list", name="Search results")
        expect(results).to_have_attribute("aria-busy", "false", timeout=10_000)
        expect(results.get_by_role("link").first).to_be_visible()
        assert page.evaluate(INJECTED) == [], query
        first = results.get_by_role("link").first.inner_text()
        assert "Hostile" in first or "xss" in first, f"search for {query!r} found no payload: {first!r}"


def test_no_payload_runs_when_the_tracker_filters(page: Page, hostile, serve_site):
    site, built = hostile
    page.add_init_script(TRAP)
    page.goto(serve_site(built) + "inspections/nps-central-functions-2020/action-plan/")
    for select in page.locator("main select").all():
        options = select.locator("option").all()
        if len(options) > 1:
            select.select_option(index=len(options) - 1)
    assert page.evaluate(INJECTED) == []


def test_no_payload_runs_when_the_worksheet_writes_standards_into_the_page(page: Page, hostile, serve_site, tmp_path):
    """The self-assessment script writes standards' titles into its summary and messages."""
    site, built = hostile
    page.add_init_script(TRAP)
    page.goto(serve_site(built) + "standards/2018/self-assessment/")
    page.locator(".self-assessment__standard").first.locator('input[type="radio"]').first.check()
    expect(page.locator("#self-assessment-unassessed a").first).to_contain_text("Hostile")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export (JSON)").click()
    exported = tmp_path / "hostile.json"
    download.value.save_as(exported)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all answers").click()
    page.get_by_label("Import answers from a JSON export").set_input_files(exported)
    expect(page.locator("#self-assessment-message")).to_contain_text("Imported the answers to 1 standard from hostile.json.")
    assert page.evaluate(INJECTED) == []
