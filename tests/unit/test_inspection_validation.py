"""Bad inspection or action-plan content gets a message naming file, line and field.

Each test writes a small inspection next to a copy of the real framework and checks the
exact message an author would see.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.core.errors import ContentErrors
from standards_site.inspections.pages import inspection_pages

ROOT = Path(__file__).resolve().parents[2]
FOLDER = "inspections/example-2020"

INSPECTION = """\
id: example-2020
title: An example inspection
kind: national
published: "2020-01"
inspectorate: HM Inspectorate of Probation
organisations:
  - id: hmpps
    name: HM Prison and Probation Service
inspected: [hmpps]
source:
  title: An example inspection
  publisher: HM Inspectorate of Probation
  date: "2020-01"
framework_edition: "2018"
recommendations:
  - number: 1
    standard: "1.1"
    addressed_to: hmpps
    text: do the first thing
  - number: 2
    standard: "1.2"
    addressed_to: hmpps
    text: do the second thing
"""

PLAN = """\
inspection: example-2020
title: A response
submitted: "2020-03-04"
submitted_by: HMPPS
source:
  title: A response
  publisher: HMPPS
  date: "2020-03-04"
responses:
  - recommendation: 1
    agreement: agreed
    actions:
      - text: We did the first thing.
        owner: A director
        target: March 2020
  - recommendation: 2
    agreement: partly-agreed
    actions:
      - text: We will do part of the second thing.
        target: Completed
"""


@pytest.fixture
def content_root(tmp_path) -> Path:
    """A `standards/` folder with the real framework and no inspections yet."""
    root = tmp_path / "standards"
    shutil.copytree(ROOT / "standards" / "editions", root / "editions")
    return root


def write(root: Path, inspection: str = INSPECTION, plan: str | None = PLAN) -> Path:
    folder = root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inspection.yml").write_text(inspection, encoding="utf-8")
    if plan is not None:
        (folder / "action-plan.yml").write_text(plan, encoding="utf-8")
    return folder


def errors_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(root)
    return [str(error) for error in caught.value.errors]


def test_the_valid_example_loads_with_no_warnings(content_root):
    write(content_root)
    record = load_content(content_root).inspections.records["example-2020"]
    assert [r.number for r in record.inspection.recommendations] == [1, 2]
    assert record.warnings == []


def test_a_recommendation_under_a_standard_that_does_not_exist(content_root):
    write(content_root, INSPECTION.replace('standard: "1.2"', 'standard: "1.9"'))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/inspection.yml:21: recommendations[1].standard: "
        "there is no standard '1.9' in edition 2018; did you mean '1.4'?"
    ]


def test_a_framework_edition_that_does_not_exist(content_root):
    write(content_root, INSPECTION.replace('framework_edition: "2018"', 'framework_edition: "2031"'))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/inspection.yml:14: framework_edition: "
        "there is no edition '2031'; did you mean '2018'?"
    ]


def test_a_duplicate_recommendation_number(content_root):
    write(content_root, INSPECTION.replace("  - number: 2", "  - number: 1"), plan=None)
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/inspection.yml:20: recommendations[1].number: "
        "duplicate recommendation number 1: also used by recommendations[0]; each number must be unique"
    ]


def test_a_recommendation_addressed_to_an_unknown_organisation(content_root):
    write(content_root, INSPECTION.replace("    addressed_to: hmpps\n    text: do the second",
                                           "    addressed_to: moj\n    text: do the second"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/inspection.yml:22: recommendations[1].addressed_to: "
        "there is no organisation 'moj' in this inspection's 'organisations' (known: hmpps)"
    ]


def test_a_response_to_a_recommendation_that_does_not_exist(content_root):
    write(content_root, plan=PLAN.replace("  - recommendation: 2", "  - recommendation: 25"))
    messages = errors_of(content_root)
    assert messages == [
        "standards/inspections/example-2020/action-plan.yml:16: responses[1].recommendation: "
        "there is no recommendation 25 in standards/inspections/example-2020/inspection.yml "
        "(its recommendations are numbered 1-2)"
    ]


def test_two_responses_to_one_recommendation(content_root):
    write(content_root, plan=PLAN.replace("  - recommendation: 2", "  - recommendation: 1"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/action-plan.yml:16: responses[1].recommendation: "
        "recommendation 1 already has a response (responses[0]): give each one response"
    ]


def test_a_target_date_no_pattern_can_read(content_root):
    write(content_root, plan=PLAN.replace("target: March 2020", "target: Soon"))
    (message,) = errors_of(content_root)
    assert message.startswith(
        "standards/inspections/example-2020/action-plan.yml:15: responses[0].actions[0].target: "
        "cannot read a date or status from target 'Soon': write it in one of the forms"
    )


def test_an_unknown_field_is_named_with_a_suggestion(content_root):
    write(content_root, plan=PLAN.replace("        owner: A director", "        owners: A director"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/action-plan.yml:14: responses[0].actions[0].owners: "
        "unknown field 'owners'; did you mean 'owner'?"
    ]


def test_an_agreement_that_is_not_allowed(content_root):
    write(content_root, plan=PLAN.replace("agreement: agreed", "agreement: accepted"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/action-plan.yml:11: responses[0].agreement: "
        "'accepted' is not allowed: expected 'agreed', 'partly-agreed' or 'not-agreed'"
    ]


def test_the_folder_name_must_match_the_id(content_root):
    write(content_root, INSPECTION.replace("id: example-2020", "id: other-2020"),
          plan=PLAN.replace("inspection: example-2020", "inspection: other-2020"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/inspection.yml:1: id: id 'other-2020' does not match the "
        "folder name 'example-2020': rename one so they agree (the id is the page's permanent URL)"
    ]


def test_every_error_is_reported_in_one_run(content_root):
    write(content_root, INSPECTION.replace('standard: "1.2"', 'standard: "1.9"'),
          plan=PLAN.replace("  - recommendation: 2", "  - recommendation: 25"))
    assert len(errors_of(content_root)) == 2


def test_a_recommendation_with_no_response_is_a_warning_listed_on_the_tracker(content_root):
    plan_without_2 = PLAN.split("  - recommendation: 2")[0]
    write(content_root, plan=plan_without_2)
    content = load_content(content_root)  # loads: a missing response is not an error
    record = content.inspections.records["example-2020"]
    assert [str(w) for w in record.warnings] == [
        "standards/inspections/example-2020/action-plan.yml: responses: "
        "recommendation 2 has no response in the action plan"
    ]
    tracker = inspection_pages(content)["inspections/example-2020/action-plan/index.md"]
    assert '!!! warning "Recommendations without a response"' in tracker
    assert ("[Recommendation 2](#recommendation-2) has no response in "
            "standards/inspections/example-2020/action-plan.yml.") in tracker
    # the recommendation itself is still listed, marked as having no response
    assert "### Recommendation 2 { #recommendation-2 }" in tracker
    assert "The action plan gives no response to this recommendation." in tracker


def test_an_inspection_without_an_action_plan_has_no_tracker_and_no_warnings(content_root):
    write(content_root, plan=None)
    content = load_content(content_root)
    assert content.inspections.records["example-2020"].warnings == []
    pages = inspection_pages(content)
    assert "inspections/example-2020/index.md" in pages
    assert "inspections/example-2020/action-plan/index.md" not in pages
    assert "Action plan: not yet submitted." in pages["inspections/example-2020/index.md"]


def test_a_folder_without_inspection_yml(content_root):
    (content_root / "inspections" / "empty-2020").mkdir(parents=True)
    assert errors_of(content_root) == [
        "standards/inspections/empty-2020: missing inspection.yml: every inspection folder needs one"
    ]


def test_validate_prints_the_warning_and_succeeds(content_root, capsys):
    from standards_site.cli import main

    write(content_root, plan=PLAN.split("  - recommendation: 2")[0])
    assert main(["validate", "--root", str(content_root)]) == 0
    captured = capsys.readouterr()
    assert "OK: 1 inspection(s), 2 recommendation(s)" in captured.out
    assert captured.err == (
        "warning: standards/inspections/example-2020/action-plan.yml: responses: "
        "recommendation 2 has no response in the action plan\n"
    )


RATINGS = """\
ratings:
  rated: divisions
  units: 7
  by_standard:
    - standard: "1.1"
      counts: {good: 5, requires-improvement: 3}
      statement: Five were good and three required improvement.
"""


def test_rating_counts_that_add_up_to_more_than_the_units_rated(content_root):
    write(content_root, INSPECTION.replace("recommendations:\n", RATINGS + "recommendations:\n"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/inspection.yml:19: ratings.by_standard[0]: "
        "the counts add up to 8, more than the 7 units rated (ratings.units)"
    ]


def test_ratings_for_a_standard_that_does_not_exist(content_root):
    ratings = RATINGS.replace('standard: "1.1"', 'standard: "2.1"').replace("good: 5", "good: 4")
    write(content_root, INSPECTION.replace("recommendations:\n", ratings + "recommendations:\n"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/inspection.yml:19: ratings.by_standard[0].standard: "
        "there is no standard '2.1' in edition 2018; did you mean '1.1'?"
    ]


def test_an_inspected_organisation_that_is_not_listed(content_root):
    write(content_root, INSPECTION.replace("inspected: [hmpps]", "inspected: [hmpps, nps]"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/inspection.yml:9: inspected[1]: "
        "there is no organisation 'nps' in this inspection's 'organisations' (known: hmpps)"
    ]


def test_an_action_plan_that_names_another_inspection(content_root):
    write(content_root, plan=PLAN.replace("inspection: example-2020", "inspection: other-2020"))
    assert errors_of(content_root) == [
        "standards/inspections/example-2020/action-plan.yml:1: inspection: the action plan names "
        "inspection 'other-2020' but sits in the folder of 'example-2020': they must agree"
    ]
