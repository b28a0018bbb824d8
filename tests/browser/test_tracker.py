"""The action-plan tracker's filters and the inspection pages, in a real browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

TRACKER = "inspections/nps-central-functions-2020/action-plan/"
INSPECTION = "inspections/nps-central-functions-2020/"
AXE = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "axe-core" / "axe.min.js"


def visible_recommendations(page: Page) -> list[str]:
    return page.locator(".tracker-item:visible h3").evaluate_all("els => els.map(e => e.id)")


def test_filters_are_read_from_the_url(page: Page, site_url: str):
    page.goto(site_url + TRACKER + "?agreement=partly-agreed")
    expect(page.locator("#filter-agreement")).to_have_value("partly-agreed")
    assert visible_recommendations(page) == [f"recommendation-{n}" for n in (3, 7, 17, 22)]
    expect(page.locator("#tracker-count")).to_have_text("Showing 4 of 24 recommendations.")


def test_choosing_filters_updates_the_url_and_the_list(page: Page, site_url: str):
    page.goto(site_url + TRACKER)
    expect(page.locator("#tracker-count")).to_have_text("Showing all 24 recommendations.")
    page.select_option("#filter-standard", "1.4")
    page.select_option("#filter-status", "completed")
    assert "standard=1.4" in page.url and "status=completed" in page.url
    # 1.4 holds recommendations 18-24; those with a completed action are 19, 21, 22 and 24
    assert visible_recommendations(page) == [f"recommendation-{n}" for n in (19, 21, 22, 24)]
    # only the completed actions of a shown recommendation stay visible
    statuses = page.locator(".tracker-action:visible").evaluate_all("els => els.map(e => e.dataset.status)")
    assert set(statuses) == {"completed"}
    page.select_option("#filter-standard", "")
    assert "standard=" not in page.url


def test_overdue_filter_shows_only_overdue_actions(page: Page, site_url: str):
    page.goto(site_url + TRACKER)
    page.get_by_label("Overdue as of 4 March 2021").check()
    assert "overdue=2021-03-04" in page.url
    actions = page.locator(".tracker-action:visible")
    assert actions.count() == page.locator(".tracker-action[data-overdue]").count() > 0
    expect(actions.first.locator(".target-status--overdue")).to_have_text("Overdue as of 4 March 2021")


def test_an_unknown_value_in_the_url_is_ignored(page: Page, site_url: str):
    page.goto(site_url + TRACKER + "?standard=9.9")
    expect(page.locator("#filter-standard")).to_have_value("")
    expect(page.locator("#tracker-count")).to_have_text("Showing all 24 recommendations.")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_filters_work_without_javascript(page: Page, site_url: str):
    page.goto(site_url + TRACKER)
    assert len(visible_recommendations(page)) == 24
    page.select_option("#filter-agreement", "partly-agreed")
    assert visible_recommendations(page) == [f"recommendation-{n}" for n in (3, 7, 17, 22)]


def test_a_recommendation_anchor_lands_on_it(page: Page, site_url: str):
    page.goto(site_url + INSPECTION + "#recommendation-7")
    target = page.locator("#recommendation-7")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("workload measurement tool")


@pytest.mark.parametrize("path", [INSPECTION, TRACKER, "inspections/", "standards/2018/1.2/"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_pages_pass_axe_and_fit_the_screen(page: Page, site_url: str, path: str, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    page.evaluate(AXE.read_text(encoding="utf-8"))   # through DevTools: the site's CSP allows no inline script
    violations = page.evaluate("""async () => (await axe.run('.md-content', {
        runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa','best-practice']},
        resultTypes: ['violations']})).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))""")
    assert violations == []
