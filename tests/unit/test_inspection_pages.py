"""Generated inspection pages: URLs from ids, the "overdue as of" date, the standard-page section."""

from datetime import date
from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.inspections.pages import (
    DEFAULT_OVERDUE_AS_OF, action_plan_page, generate_pages, inspection_page, overdue_as_of,
)

ROOT = Path(__file__).resolve().parents[2]


def test_urls_derive_from_the_inspection_id():
    assert inspection_page("nps-central-functions-2020") == "inspections/nps-central-functions-2020/index.md"
    assert action_plan_page("nps-central-functions-2020") == "inspections/nps-central-functions-2020/action-plan/index.md"


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({}, DEFAULT_OVERDUE_AS_OF),                      # never the build clock
        ({"OVERDUE_AS_OF": ""}, DEFAULT_OVERDUE_AS_OF),
        ({"OVERDUE_AS_OF": "2020-06-01"}, date(2020, 6, 1)),
    ],
)
def test_overdue_as_of_comes_from_the_environment_or_the_fixed_default(environ, expected):
    assert overdue_as_of(environ) == expected
    assert DEFAULT_OVERDUE_AS_OF == date(2021, 3, 4)


def test_a_bad_overdue_as_of_is_reported():
    with pytest.raises(ValueError) as caught:
        overdue_as_of({"OVERDUE_AS_OF": "04/03/2021"})
    assert str(caught.value) == "OVERDUE_AS_OF='04/03/2021' is not a date: write YYYY-MM-DD, e.g. 2021-03-04"


def test_the_tracker_names_the_date_it_judged_against():
    content = load_content(ROOT / "standards")
    pages = generate_pages(content, as_of=date(2020, 4, 1))
    tracker = pages[action_plan_page("nps-central-functions-2020")]
    assert "overdue as of 1 April 2020" in tracker
    assert 'data-overdue="2020-04-01"' in tracker


def test_the_generated_pages_are_the_index_the_report_and_its_tracker():
    content = load_content(ROOT / "standards")
    assert sorted(generate_pages(content, as_of=DEFAULT_OVERDUE_AS_OF)) == [
        "inspections/index.md",
        "inspections/nps-central-functions-2020/action-plan/index.md",
        "inspections/nps-central-functions-2020/index.md",
    ]
