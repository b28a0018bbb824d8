"""The crosswalk between editions, traced on the two-editions fixture content.

Fixture (tests/fixtures/two-editions/standards), 2018 -> 2021:
  1.1 keeps its id, 1.2 is renamed in place, 1.3 moves to 2.1, 1.4 splits into 2.2 and 2.3,
  1.5 and 1.6 merge into 2.4, 1.7 is retired, 2.5 is new. 2024 (draft) keeps every 2021 id.
"""

from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.framework.crosswalk import chain, crosswalk, crosswalks, trace
from standards_site.framework.history_pages import current_pages, current_redirects
from standards_site.site.publishing import published_framework

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "two-editions" / "standards"


@pytest.fixture(scope="module")
def framework():
    return load_content(FIXTURE).framework


@pytest.fixture(scope="module")
def public(framework):
    return published_framework(framework, include_drafts=False)


def _relations(framework):
    cross = crosswalk(framework.editions["2018"], framework.editions["2021"])
    return {(link.old_id, link.new_id, link.how) for link in cross.links}


def test_crosswalk_lists_every_kind_of_change(framework):
    assert _relations(framework) == {
        ("1.1", "1.1", "continued"),
        ("1.2", "1.2", "renamed"),
        ("1.3", "2.1", "moved"),
        ("1.4", "2.2", "split"), ("1.4", "2.3", "split"),
        ("1.5", "2.4", "merged"), ("1.6", "2.4", "merged"),
        ("1.7", None, "retired"),
        (None, "2.5", "new"),
    }


def test_crosswalk_rows_follow_the_old_editions_reading_order_then_new_standards(framework):
    cross = crosswalk(framework.editions["2018"], framework.editions["2021"])
    rows = cross.by_old_standard()
    assert [old for old, _ in rows] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", None]
    assert [link.new_id for link in rows[-1][1]] == ["2.5"]


def test_crosswalks_pairs_each_edition_with_the_one_it_supersedes(public, framework):
    assert [(c.old.id, c.new.id) for c in crosswalks(public)] == [("2018", "2021")]
    assert sorted((c.old.id, c.new.id) for c in crosswalks(framework)) == [("2018", "2021"), ("2021", "2024")]


def test_chain_is_oldest_first(framework):
    assert [e.id for e in chain(framework, "2021")] == ["2018", "2021", "2024"]


@pytest.mark.parametrize("old_id, expected", [
    # 2018 id   its equivalents in 2021 (None: the trail stops, retired)
    ("1.1", ["1.1"]),
    ("1.3", ["2.1"]),
    ("1.4", ["2.2", "2.3"]),
    ("1.5", ["2.4"]),
    ("1.7", [None]),
])
def test_trace_forward(framework, old_id, expected):
    assert [t.target_id for t in trace(framework, "2018", old_id, "2021")] == expected


def test_trace_backward_finds_every_predecessor_of_a_merge(framework):
    assert [t.target_id for t in trace(framework, "2021", "2.4", "2018")] == ["1.5", "1.6"]
    assert [t.target_id for t in trace(framework, "2021", "2.5", "2018")] == [None]


def test_trace_over_two_steps_names_each_step(framework):
    (only,) = trace(framework, "2018", "1.3", "2024")
    assert only.target_id == "2.1"
    assert only.how == "moved (new id), then same id"


def test_trace_to_the_same_edition_is_empty(framework):
    assert trace(framework, "2018", "1.1", "2018") == []


def test_current_pages_map_every_old_id_to_the_current_edition(public):
    mapping = current_pages(public)
    assert mapping["1.3"] == ["2.1"]
    assert mapping["1.4"] == ["2.2", "2.3"]
    assert mapping["1.7"] == []
    assert mapping["2.5"] == ["2.5"]


def test_redirects_exist_only_where_there_is_one_current_equivalent(public):
    redirects = current_redirects(public)
    assert redirects["standards/current/index.md"] == "standards/2021/index.md"
    assert redirects["standards/current/1.3/index.md"] == "standards/2021/2.1/index.md"
    assert redirects["standards/current/1.5/index.md"] == "standards/2021/2.4/index.md"
    assert "standards/current/1.4/index.md" not in redirects  # split: a page lists both
    assert "standards/current/1.7/index.md" not in redirects  # retired: a page says so


def test_drafts_are_left_out_unless_previewing(framework):
    assert "2024" not in published_framework(framework, include_drafts=False).editions
    assert "2024" in published_framework(framework, include_drafts=True).editions

