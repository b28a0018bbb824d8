"""Material's search finds standards by number, topic and rating level, in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect


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
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type(query)
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("Type to start searching", timeout=10_000)
    expect(meta).not_to_have_text("No matching documents")
    # Results are refreshed on every key press, so the list may still be the one for a
    # partly typed query: let the assertion retry until the results for the whole query are in.
    first = page.locator(".md-search-result__item a").first
    expected = re.escape(expected_page) if expected_page else r"standards/2018/1\.\d/"
    expect(first).to_have_attribute("href", re.compile(expected))
