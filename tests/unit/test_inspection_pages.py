"""Generated inspection pages: URLs from ids, the "overdue as of" date, the standard-page section."""

import re
from datetime import date
from pathlib import Path

from standards_site.inspections.model import Agreement
from standards_site.inspections.pages import action_plan_page, inspection_page, inspection_pages, tracker_filters_css
from standards_site.inspections.target_dates import TargetStatus
from standards_site.site.content import load_content
from standards_site.site.settings import DEFAULT_OVERDUE_AS_OF

ROOT = Path(__file__).resolve().parents[2]


def test_urls_derive_from_the_inspection_id():
    assert inspection_page("nps-central-functions-2020") == "inspections/nps-central-functions-2020/index.md"
    assert action_plan_page("nps-central-functions-2020") == "inspections/nps-central-functions-2020/action-plan/index.md"


def test_the_tracker_names_the_date_it_judged_against():
    content = load_content(ROOT / "standards")
    pages = inspection_pages(content, as_of=date(2020, 4, 1))
    tracker = pages[action_plan_page("nps-central-functions-2020")]
    assert "overdue as of 1 April 2020" in tracker
    assert 'data-overdue="2020-04-01"' in tracker


def test_the_generated_pages_are_the_index_the_report_and_its_tracker():
    content = load_content(ROOT / "standards")
    assert sorted(inspection_pages(content, as_of=DEFAULT_OVERDUE_AS_OF)) == [
        "inspections/index.md",
        "inspections/nps-central-functions-2020/action-plan/index.md",
        "inspections/nps-central-functions-2020/index.md",
    ]


def test_the_tracker_page_holds_no_style_element():
    """A <style> in the body is invalid HTML (the Nu Html Checker says so): the filter's CSS
    is in the stylesheet."""
    content = load_content(ROOT / "standards")
    tracker = inspection_pages(content)[action_plan_page("nps-central-functions-2020")]
    assert "<style" not in tracker


def test_the_stylesheet_filters_by_every_answer_and_status():
    css = (ROOT / "standards_site" / "assets" / "stylesheets" / "inspections.css").read_text(encoding="utf-8")
    rules = re.findall(r'#filter-(agreement|status) option\[value="([^"]+)"\]:checked', css)
    assert sorted(set(rules)) == sorted({("agreement", a.value) for a in Agreement}
                                        | {("status", s.value) for s in TargetStatus})
    assert rules.count(("status", TargetStatus.DUE.value)) == 2   # the actions, and the recommendations


def test_the_standard_filter_has_one_rule_per_standard_on_a_tracker():
    css = tracker_filters_css(load_content(ROOT / "standards"))
    assert css.endswith(
        '.tracker:has(#filter-standard option[value="1.3"]:checked) .tracker-item:not([data-standard="1.3"]),\n'
        '.tracker:has(#filter-standard option[value="1.4"]:checked) .tracker-item:not([data-standard="1.4"]) {\n'
        "  display: none;\n}\n")
    assert re.findall(r'option\[value="([^"]+)"\]', css) == ["1.1", "1.2", "1.3", "1.4"]
