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


def chart(page: Page) -> dict[str, tuple[str, str]]:
    """Each chart row: its label -> (the count shown, the bar's width)."""
    rows = page.locator(".tracker-chart tbody tr").evaluate_all(
        "rows => rows.map(r => [r.querySelector('th').textContent,"
        " r.querySelector('.tracker-chart__count').textContent, r.querySelector('.tracker-chart__bar').style.width])")
    return {label: (count, width) for label, count, width in rows}


ALL = "The action plan answers 24 of the 24 recommendations and lists 49 actions. 29 actions were overdue as of 4 March 2021."
ALL_CHART = {
    "Agreed": ("20", "100%"), "Partly agreed": ("4", "20%"), "Not agreed": ("0", "0%"),
    "Completed": ("7", "20%"), "Due by a date": ("35", "100%"), "Ongoing, no end date": ("5", "14%"),
    "No target given": ("2", "6%"),
}


@pytest.mark.parametrize("width", [390, 1280])
def test_the_summary_counts_only_what_the_filters_show(page: Page, site_url: str, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + TRACKER)
    summary = page.locator("#tracker-summary")
    expect(summary).to_have_text(ALL)
    assert chart(page) == ALL_CHART
    # Partly agreed: recommendations 3, 7, 17 and 22, with 6 actions (1 completed, 3 due, 2 ongoing), 3 overdue
    page.select_option("#filter-agreement", "partly-agreed")
    expect(summary).to_have_text(
        "Shown by the filters: 4 of the 24 recommendations (the action plan answers 4 of them) and 6 of the"
        " 49 actions. 3 of these actions were overdue as of 4 March 2021.")
    assert chart(page) == {
        "Agreed": ("0", "0%"), "Partly agreed": ("4", "100%"), "Not agreed": ("0", "0%"),
        "Completed": ("1", "33%"), "Due by a date": ("3", "100%"), "Ongoing, no end date": ("2", "67%"),
        "No target given": ("0", "0%"),
    }
    # The status filter hides actions inside recommendations: only the completed ones count
    page.select_option("#filter-agreement", "")
    page.select_option("#filter-standard", "1.4")
    page.select_option("#filter-status", "completed")
    expect(summary).to_have_text(
        "Shown by the filters: 4 of the 24 recommendations (the action plan answers 4 of them) and 4 of the"
        " 49 actions. 0 of these actions were overdue as of 4 March 2021.")
    assert chart(page)["Completed"] == ("4", "100%") and chart(page)["Due by a date"] == ("0", "0%")
    # Cleared, it is the server's summary again, word for word and bar for bar
    page.select_option("#filter-standard", "")
    page.select_option("#filter-status", "")
    expect(summary).to_have_text(ALL)
    assert chart(page) == ALL_CHART


def test_the_summary_follows_filters_read_from_the_url_and_is_a_polite_live_region(page: Page, site_url: str):
    page.goto(site_url + TRACKER + "?overdue=2021-03-04")
    summary = page.locator("#tracker-summary")
    expect(summary).to_have_attribute("aria-live", "polite")
    expect(summary).to_have_text(
        "Shown by the filters: 18 of the 24 recommendations (the action plan answers 18 of them) and 29 of the"
        " 49 actions. 29 of these actions were overdue as of 4 March 2021.")
    assert chart(page)["Due by a date"] == ("29", "100%") and chart(page)["Completed"] == ("0", "0%")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_summary_covers_every_recommendation(page: Page, site_url: str):
    page.goto(site_url + TRACKER)
    page.select_option("#filter-agreement", "partly-agreed")
    expect(page.locator("#tracker-summary")).to_have_text(ALL)
    assert chart(page) == ALL_CHART


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
