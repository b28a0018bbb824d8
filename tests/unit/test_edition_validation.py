"""Bad edition data is reported with file, line, field and a fix, all in one run.

Each test copies the two-editions fixture content, breaks one rule, and checks the
exact message an author would see.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.core.errors import ContentErrors

from tests.conftest import STANDARDS_SITE

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "two-editions" / "standards"
E2018 = "standards/editions/2018"
E2021 = "standards/editions/2021"
E2024 = "standards/editions/2024"


@pytest.fixture
def root(tmp_path):
    target = tmp_path / "standards"
    shutil.copytree(FIXTURE, target)
    return target


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root.parent / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_standard(root: Path, edition: str, standard_id: str, domain: str = "1") -> None:
    """Copy 2021's 1.1 as a new standard `standard_id`, listed at the end of `domain`."""
    source = (root.parent / E2021 / "standards" / "1.1.yml").read_text(encoding="utf-8")
    text = source.replace('id: "1.1"', f'id: "{standard_id}"').replace('domain: "1"', f'domain: "{domain}"')
    (root.parent / edition / "standards" / f"{standard_id}.yml").write_text(text, encoding="utf-8")
    edition_file = root.parent / edition / "edition.yml"
    lines = edition_file.read_text(encoding="utf-8").splitlines()
    index = lines.index(f'  - id: "{domain}"') + 2
    lines[index] = lines[index].replace("]", f', "{standard_id}"]')
    edition_file.write_text("\n".join(lines) + "\n", encoding="utf-8")


def errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(root)
    return [str(error) for error in caught.value.errors]


def test_fixture_content_is_valid():
    framework = load_content(FIXTURE).framework
    assert list(framework.editions) == ["2024", "2021", "2018"]


def test_replaced_standard_must_exist_in_the_previous_edition(root):
    edit(root, f"{E2021}/standards/2.1.yml", 'id: "1.3"', 'id: "1.33"')
    assert errors(root) == [
        f"{E2021}/edition.yml:6: supersedes: standard(s) 1.3 of edition 2018 have no successor in edition 2021: "
        "keep the id, name it in a new standard's 'replaces', or list it under 'retired'",
        f"{E2021}/standards/2.1.yml:7: replaces[0].id: standard '1.33' does not exist in edition 2018; "
        "did you mean '1.3'?",
    ]


def test_supersedes_must_name_an_edition(root):
    edit(root, f"{E2021}/edition.yml", 'supersedes: "2018"', 'supersedes: "2017"')
    assert f"{E2021}/edition.yml:6: supersedes: edition '2017' does not exist; did you mean '2018'?" in errors(root)


def test_a_retired_id_can_never_be_reused_by_a_later_edition(root):
    add_standard(root, E2024, "1.7")
    assert errors(root) == [
        f"{E2024}/standards/1.7.yml:2: id: id '1.7' was retired in edition 2021 (its standard moved or was "
        "retired): a retired id can never be reused, because /standards/current/1.7/ already leads elsewhere; "
        "choose a new id",
    ]


def test_an_id_that_moved_away_can_never_be_reused_by_a_later_edition(root):
    add_standard(root, E2024, "1.3")
    assert errors(root) == [
        f"{E2024}/standards/1.3.yml:2: id: id '1.3' was retired in edition 2021 (its standard moved or was "
        "retired): a retired id can never be reused, because /standards/current/1.3/ already leads elsewhere; "
        "choose a new id",
    ]


def test_a_retired_id_cannot_be_used_in_the_edition_that_retires_it(root):
    add_standard(root, E2021, "1.7")
    assert f"{E2021}/edition.yml:8: retired[0].id: '1.7' is retired, but edition 2021 also has a standard " \
           "'1.7': a retired id can never be reused; give the new standard another id" in errors(root)


def test_a_moved_id_cannot_be_kept_by_another_standard(root):
    add_standard(root, E2021, "1.3")
    assert f"{E2021}/standards/2.1.yml:8: replaces[0].how: '1.3' is moved to 2.1, but edition 2021 also has a " \
           "standard '1.3': an id that moved away cannot be reused; use 'split' if the old standard now lives " \
           "in several" in errors(root)


def test_every_standard_of_the_old_edition_needs_a_successor(root):
    edit(root, f"{E2021}/edition.yml", 'retired:\n  - id: "1.7"', 'retired_note:\n  - id: "1.7"')
    problems = errors(root)
    assert problems == [f"{E2021}/edition.yml:7: retired_note: unknown field 'retired_note'; did you mean 'retired'?"]


def test_an_unaccounted_standard_is_named(root):
    path = root.parent / E2021 / "edition.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("retired:")
    end = text.index("source:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert errors(root) == [
        f"{E2021}/edition.yml:6: supersedes: standard(s) 1.7 of edition 2018 have no successor in edition 2021: "
        "keep the id, name it in a new standard's 'replaces', or list it under 'retired'",
    ]


def without_replaces(root: Path, relative: str) -> None:
    path = root.parent / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("replaces:")] + text[text.index("characteristics:"):], encoding="utf-8")


def test_a_split_needs_two_successors(root):
    without_replaces(root, f"{E2021}/standards/2.3.yml")  # 2.3 becomes a new standard
    assert errors(root) == [
        f"{E2021}/standards/2.2.yml:8: replaces[0].how: '1.4' is split, but only 2.2 replaces it: a split needs "
        "two or more successors; use 'moved' or 'renamed' for one",
    ]


def test_several_predecessors_are_merged_not_moved(root):
    edit(root, f"{E2021}/standards/2.4.yml", 'id: "1.6"\n    how: merged', 'id: "1.6"\n    how: moved')
    assert errors(root) == [
        f"{E2021}/standards/2.4.yml:11: replaces[1].how: 2.4 replaces 2 standards, so each of them is 'merged' "
        "into it, not 'moved'",
    ]


def test_a_merge_needs_two_predecessors(root):
    path = root.parent / E2021 / "standards" / "2.4.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index('  - id: "1.6"')
    path.write_text(text[:start] + text[text.index("characteristics:"):], encoding="utf-8")
    edit(root, f"{E2021}/edition.yml", "retired:\n", 'retired:\n  - id: "1.6"\n    reason: "Test."\n')
    problems = errors(root)
    assert problems == [
        f"{E2021}/standards/2.4.yml:8: replaces[0].how: 2.4 is merged from '1.5' alone: a merge needs two or "
        "more predecessors; use 'moved' or 'renamed' for one",
    ]


def test_how_must_be_a_known_relation(root):
    edit(root, f"{E2021}/standards/2.1.yml", "how: moved", "how: copied")
    assert f"{E2021}/standards/2.1.yml:8: replaces[0].how: 'copied' is not allowed: expected 'moved', " \
           "'renamed', 'split' or 'merged'" in errors(root)


def test_replaces_needs_a_superseded_edition(root):
    edit(root, f"{E2021}/edition.yml", 'supersedes: "2018"\n', "")
    problems = errors(root)
    assert f"{E2021}/standards/2.1.yml:6: replaces: edition 2021 supersedes no edition, so there is nothing " \
           "to replace: add 'supersedes: <edition id>' to its edition.yml or remove 'replaces'" in problems
    assert f"{E2021}/edition.yml:6: retired: edition 2021 supersedes no edition, so it cannot retire " \
           "standards: add 'supersedes: <edition id>' or remove 'retired'" in problems


def test_reserved_edition_ids(root):
    (root / "editions" / "2024").rename(root / "editions" / "current")
    edit(root, "standards/editions/current/edition.yml", 'id: "2024"', 'id: "current"')
    assert errors(root) == [
        "standards/editions/current/edition.yml:2: id: 'current' is reserved for the URLs /standards/current/...: "
        "choose another edition id (for example the year of publication)",
    ]


def test_reserved_standard_id(root):
    add_standard(root, E2024, "self-assessment")
    assert errors(root) == [
        f"{E2024}/standards/self-assessment.yml:2: id: 'self-assessment' is reserved for the URL "
        "/standards/2024/self-assessment/ (the edition's self-assessment worksheet): choose another standard id",
    ]


def test_an_edition_is_superseded_by_one_edition_only(root):
    edit(root, f"{E2024}/edition.yml", 'supersedes: "2021"', 'supersedes: "2018"')
    assert f"{E2024}/edition.yml:6: supersedes: edition 2018 is already superseded by edition 2021: each " \
           "edition can be superseded by only one other" in errors(root)


def test_editions_cannot_supersede_each_other(root):
    edit(root, f"{E2018}/edition.yml", "status: superseded", 'status: superseded\nsupersedes: "2024"')
    assert f"{E2018}/edition.yml:6: supersedes: editions 2018 and 2024 supersede each other (directly or " \
           "through others)" in errors(root)


def test_an_edition_cannot_supersede_itself(root):
    edit(root, f"{E2018}/edition.yml", "status: superseded", 'status: superseded\nsupersedes: "2018"')
    assert errors(root) == [f"{E2018}/edition.yml:6: supersedes: an edition cannot supersede itself"]


def test_the_command_line_reports_and_exits_non_zero_without_a_traceback(root):
    add_standard(root, E2024, "1.7")
    result = subprocess.run([STANDARDS_SITE, "validate", "--root", str(root)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "id '1.7' was retired in edition 2021" in result.stderr
