"""One test per kind of bad input: each asserts the exact message an author sees.

Every test starts from a copy of the real content and breaks one thing in it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.core.errors import ContentErrors

ROOT = Path(__file__).resolve().parents[2]
STANDARD = "standards/editions/2018/standards/1.2.yml"
EDITION = "standards/editions/2018/edition.yml"


@pytest.fixture
def content(tmp_path) -> Path:
    """A writable copy of the real `standards/` folder."""
    shutil.copytree(ROOT / "standards", tmp_path / "standards")
    return tmp_path / "standards"


def edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content.parent / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_content(content)
    return [str(error) for error in raised.value.errors]


def test_real_content_is_valid():
    content = load_content(ROOT / "standards")
    assert list(content.framework.edition("2018").standards) == ["1.1", "1.2", "1.3", "1.4"]


def test_yaml_syntax_error_names_file_and_line(content):
    edit(content, STANDARD, "title: Staff", "title: [Staff")
    assert errors_of(content) == [
        f"{STANDARD}:7: invalid YAML: while parsing a flow sequence: "
        "did not find expected ',' or ']'"
    ]


def test_an_alias_inside_its_own_anchor_is_refused_not_followed_for_ever(content):
    edit(content, STANDARD, "title: Staff", "title: &loop\n  - *loop")
    assert errors_of(content) == [f"{STANDARD}:6: invalid YAML: an alias refers to the anchor that contains it"]


def test_aliases_that_expand_without_bound_are_refused(content):
    # Each level repeats the one before ten times: 10**6 values from a few lines.
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 6)]
    (content / "editions/2018/standards/1.2.yml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    assert errors_of(content) == [
        f"{STANDARD}:1: invalid YAML: more than 200,000 values (aliases repeated too many times?)"
    ]


def test_unknown_field_suggests_the_right_name(content):
    edit(content, STANDARD, "statement:", "statment:")
    assert errors_of(content) == [
        f"{STANDARD}:4: statement: required field is missing",
        f"{STANDARD}:7: statment: unknown field 'statment'; did you mean 'statement'?",
    ]


def test_missing_field(content):
    edit(content, STANDARD, "title: Staff\n", "")
    assert errors_of(content) == [f"{STANDARD}:4: title: required field is missing"]


def test_wrong_type_number_instead_of_text(content):
    edit(content, STANDARD, "id: '1.2'", "id: 1.2")
    assert errors_of(content) == [
        f'{STANDARD}:4: id: expected text, found a number (1.2): put it in quotes, e.g. "1.2"'
    ]


def test_a_number_is_quoted_as_written_not_as_yaml_reads_it(content):
    edit(content, STANDARD, "id: '1.2'", "id: 1.20")   # YAML reads 1.20 as 1.2
    assert errors_of(content) == [
        f'{STANDARD}:4: id: expected text, found a number (1.20): put it in quotes, e.g. "1.20"'
    ]


def test_an_edition_cannot_supersede_one_that_does_not_exist_when_it_is_the_only_one(content):
    edit(content, EDITION, "status: current", 'status: current\nsupersedes: "2017"')
    assert errors_of(content) == [
        f"{EDITION}:8: supersedes: edition '2017' does not exist: edition 2018 is the only one, so remove "
        "'supersedes' or add the edition it names (editions/2017/edition.yml)"
    ]


def test_wrong_type_list_instead_of_text(content):
    edit(content, STANDARD, "title: Staff", "title: [Staff, People]")
    assert errors_of(content) == [f"{STANDARD}:6: title: expected text, found a list"]


def test_missing_rating_level(content):
    path = content.parent / STANDARD
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  inadequate:")], encoding="utf-8")
    assert errors_of(content) == [
        f"{STANDARD}:10: characteristics: no characteristic for 'inadequate': every level of the "
        "rating_scale of edition 2018 needs one (outstanding, good, requires-improvement, inadequate)"
    ]


def test_empty_level_paragraphs(content):
    path = content.parent / STANDARD
    text = path.read_text(encoding="utf-8")
    start = text.index("  inadequate:")
    path.write_text(text[:start] + "  inadequate:\n    summary: Not empowered.\n    paragraphs: []\n", encoding="utf-8")
    assert errors_of(content) == [
        f"{STANDARD}:{text[:start].count(chr(10)) + 3}: characteristics.inadequate.paragraphs: must not be empty"
    ]


def test_duplicate_standard_id(content):
    copy = content / "editions/2018/standards/1.2-copy.yml"
    shutil.copy(content.parent / STANDARD, copy)
    messages = errors_of(content)
    assert (
        "standards/editions/2018/standards/1.2-copy.yml:4: id: id '1.2' does not match the file "
        "name '1.2-copy': rename one so they agree (the id is the page's permanent URL)"
    ) in messages
    assert (
        "standards/editions/2018/standards/1.2.yml:4: id: duplicate standard id '1.2' in edition "
        "2018: also used by standards/editions/2018/standards/1.2-copy.yml"
    ) in messages


def test_duplicate_yaml_key(content):
    edit(content, STANDARD, "title: Staff\n", "title: Staff\ntitle: People\n")
    assert errors_of(content) == [f"{STANDARD}:7: title: duplicate key: the field is given twice"]


def test_id_that_is_not_url_safe(content):
    edit(content, EDITION, 'standards: ["1.1", "1.2", "1.3", "1.4"]', 'standards: ["1.1", "1.2", "1.3", "1.4", "Staff & pay"]')
    assert errors_of(content) == [
        f"{EDITION}:51: domains[0].standards[4]: 'Staff & pay' is not a URL-safe id: use lower-case "
        "letters, digits, dots and hyphens, starting with a letter or digit"
    ]


def test_reference_to_a_standard_that_does_not_exist(content):
    edit(content, EDITION, '"1.4"]', '"1.4", "1.5"]')
    assert errors_of(content) == [
        f"{EDITION}:51: domains[0].standards[4]: standard '1.5' does not exist in edition 2018; "
        "did you mean '1.4'?"
    ]


def test_standard_not_listed_in_any_domain(content):
    edit(content, EDITION, '"1.1", "1.2", ', '"1.1", ')
    assert errors_of(content) == [
        f"{STANDARD}:4: id: standard '1.2' is not listed in any domain of {EDITION}: add it to "
        "its domain's 'standards' list"
    ]


def test_wrong_enum_value(content):
    edit(content, EDITION, "status: current", "status: live")
    assert errors_of(content) == [
        f"{EDITION}:7: status: 'live' is not allowed: expected 'draft', 'current', 'superseded' or 'withdrawn'"
    ]


def test_file_that_is_not_a_mapping(content):
    (content.parent / STANDARD).write_text("- just\n- a list\n", encoding="utf-8")
    # Only the file at fault is reported, not every place that refers to the standard.
    assert errors_of(content) == [f"{STANDARD}:1: expected a mapping of fields (key: value), found a list"]


def test_every_error_is_reported_in_one_run(content):
    edit(content, STANDARD, "title: Staff", "title: [Staff")
    edit(content, "standards/editions/2018/standards/1.3.yml", "domain: '1'", "domain: 1")
    edit(content, EDITION, "status: current", "status: live")
    messages = errors_of(content)
    files = {message.split(":")[0] for message in messages}
    assert files == {STANDARD, "standards/editions/2018/standards/1.3.yml", EDITION}


def test_hostile_text_is_data_not_markup(content):
    edit(content, STANDARD, "title: Staff", "title: \"<script>alert(1)</script> *Staff*\"")
    standard = load_content(content).framework.standard("1.2", "2018")
    assert standard.title == "<script>alert(1)</script> *Staff*"


@pytest.mark.parametrize("written", ["2018-13", "2018-02-30", "2018-00", "2018-04-31"])
def test_a_date_that_is_not_in_the_calendar_is_named(content, written):
    edit(content, EDITION, 'published: "2018-03"', f'published: "{written}"')
    assert errors_of(content) == [
        f"{EDITION}:6: published: '{written}' is not a date in the calendar: check the month and day "
        "(YYYY, YYYY-MM or YYYY-MM-DD)"
    ]
