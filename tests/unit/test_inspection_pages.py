"""Generated inspection pages: URLs from ids, the "overdue as of" date, the standard-page section."""

from datetime import date
from pathlib import Path


from standards_site.site.content import load_content
from standards_site.inspections.pages import action_plan_page, inspection_page, inspection_pages
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
