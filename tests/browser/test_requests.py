"""What a browser asks for while someone reads and searches: every request succeeds.

A missing stylesheet, script, font or search file would fail quietly in the page;
here it fails the test. (The build also leaves out Material's own search files,
which Pagefind replaces: this checks that no page still asks for them.)
"""

from playwright.sync_api import Page, expect

from standards_site.mkdocs.search import MATERIAL_SEARCH_FILES


def failed_requests(page: Page) -> list[str]:
    failures: list[str] = []
    page.on("requestfailed", lambda request: failures.append(f"{request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400 and failures.append(f"{response.url} ({response.status})"))
    page.on("console", lambda message: message.type == "error" and failures.append(f"console: {message.text}"))
    return failures


def test_reading_and_searching_make_no_failed_request(page: Page, site_url: str):
    failures = failed_requests(page)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", "standards/2018/1.2/", "guidance/", "inspections/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("workload")
    expect(page.get_by_role("list", name="Search results")).to_have_attribute("aria-busy", "false", timeout=10_000)
    page.wait_for_load_state("networkidle")

    assert failures == []
    assert any("/pagefind/" in url for url in requested), "the search should have used Pagefind"
    assert not [url for url in requested if any(part in url for part in MATERIAL_SEARCH_FILES)]


def test_the_built_site_leaves_out_materials_own_search_files(built_site):
    assert not (built_site / "assets" / "javascripts" / "lunr").exists()
    assert not list((built_site / "assets" / "javascripts").glob("workers/search.*"))
    assert (built_site / "assets" / "javascripts" / "site.js").is_file()
