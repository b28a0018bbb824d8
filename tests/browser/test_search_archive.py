"""Superseded editions are searched from their own bundle and listed after current results.

A site with two editions (2018 current, 2017 superseded) built from the benchmark's
corpus generator, which writes content with the real schema.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from benchmarks.corpus import make_corpus
from tests.conftest import SiteServer, mkdocs_build


@pytest.fixture(scope="module")
def two_editions_url(shared_builds):
    def make_and_build(folder):      # once per test run, whichever xdist worker comes first
        config = make_corpus(folder / "corpus", 60, editions=2)     # 30 standards in 2018, 30 in 2017
        result = mkdocs_build(config, folder / "site")
        return {"returncode": result.returncode, "stderr": result.stderr}

    folder, record = shared_builds.once("search-archive-corpus", make_and_build)
    assert record["returncode"] == 0, record["stderr"]
    site = folder / "site"
    assert (site / "pagefind-archive" / "pagefind.js").is_file()
    server = SiteServer(site)
    yield server.url
    server.close()


def test_current_results_come_first_and_superseded_ones_under_their_heading(page: Page, two_editions_url: str):
    page.goto(two_editions_url)
    page.keyboard.press("/")
    page.keyboard.type("1.2")
    archive = page.get_by_role("list", name="Superseded editions")
    expect(archive.get_by_role("link").first).to_have_attribute("href", "/standards/2017/1.2/", timeout=10_000)
    expect(page.get_by_role("heading", name="Superseded editions")).to_be_visible()
    current = page.get_by_role("list", name="Search results").get_by_role("link")
    expect(current.first).to_have_attribute("href", "/standards/2018/1.2/")
    # No page of the superseded edition among current results (the 2017-to-2018 crosswalk may be).
    hrefs = current.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.startswith("/standards/2017/")]
    expect(page.get_by_role("status")).to_contain_text("in superseded editions")


def test_arrow_keys_reach_the_superseded_results(page: Page, two_editions_url: str):
    page.goto(two_editions_url)
    page.keyboard.press("/")
    page.keyboard.type("1.2")
    archive_links = page.get_by_role("list", name="Superseded editions").get_by_role("link")
    expect(archive_links.first).to_be_visible(timeout=10_000)
    current_count = page.get_by_role("list", name="Search results").get_by_role("link").count()
    for _ in range(current_count + 1):
        page.keyboard.press("ArrowDown")
    expect(archive_links.first).to_be_focused()
