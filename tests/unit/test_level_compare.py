"""Two rating levels compared on a standard's page: the diffs (worked out at build time)
and their markup. Each side must be its level's text word for word: a diff only marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from standards_site.core.rendering import render
from standards_site.core.word_diff import Segment, side_by_side
from standards_site.framework.level_compare import level_pairs
from standards_site.framework.pages import standard_page
from standards_site.site.content import load_content

ROOT = Path(__file__).resolve().parents[2]


def words(side, kind):
    return [segment.text for segment in side if segment.kind == kind]


def text_of(paragraphs):
    return [" ".join(segment.text for segment in paragraph) for paragraph in paragraphs]


@pytest.fixture(scope="module")
def real():
    return load_content(ROOT / "standards")


# -- side_by_side ------------------------------------------------------------------------------

def test_each_side_keeps_its_own_words_and_marks_what_the_other_lacks():
    compared = side_by_side(["workloads are actively managed."], ["workloads are inconsistently managed."])
    assert compared.old == [[Segment("equal", "workloads are"), Segment("delete", "actively"),
                             Segment("equal", "managed.")]]
    assert compared.new == [[Segment("equal", "workloads are"), Segment("insert", "inconsistently"),
                             Segment("equal", "managed.")]]
    assert (compared.stats.inserted, compared.stats.deleted) == (1, 1)


@pytest.mark.parametrize("old, new", [
    # as many paragraphs on each side: each compared with its counterpart
    (["Staff are supported.", "Leaders are visible."], ["Staff are well supported.", "Leaders are seen."]),
    # a paragraph more on one side: the texts are compared as one, each side keeps its paragraphs
    (["One two three.", "Four five."], ["One two.", "Three.", "Four five six."]),
    (["Only here."], ["Something else entirely.", "And more."]),
])
def test_joined_segments_are_each_text_word_for_word(old, new):
    compared = side_by_side(old, new)
    assert text_of(compared.old) == old
    assert text_of(compared.new) == new
    assert all(segment.kind in ("equal", "delete") for paragraph in compared.old for segment in paragraph)
    assert all(segment.kind in ("equal", "insert") for paragraph in compared.new for segment in paragraph)


def test_identical_texts_have_nothing_marked():
    compared = side_by_side(["Same words."], ["Same words."])
    assert compared.old == compared.new == [[Segment("equal", "Same words.")]]
    assert compared.stats.unchanged


# -- level_pairs, on the real 2018 edition ------------------------------------------------------

def test_every_pair_of_the_scale_in_scale_order(real):
    edition = real.framework.editions["2018"]
    pairs = level_pairs(edition, edition.standards["1.2"])
    assert [(pair.key, pair.upper.level.id, pair.lower.level.id, pair.adjacent) for pair in pairs] == [
        ("1-2", "outstanding", "good", True),
        ("1-3", "outstanding", "requires-improvement", False),
        ("1-4", "outstanding", "inadequate", False),
        ("2-3", "good", "requires-improvement", True),
        ("2-4", "good", "inadequate", False),
        ("3-4", "requires-improvement", "inadequate", True),
    ]


def test_good_and_requires_improvement_of_1_2_mark_the_issues_example(real):
    edition = real.framework.editions["2018"]
    pair = level_pairs(edition, edition.standards["1.2"])[3]
    assert words(pair.upper.summary, "delete") == ["sufficiently"]
    assert words(pair.lower.summary, "insert") == ["insufficiently"]
    # "... staff are actively managed" -> "... staff are inconsistently managed"
    assert words(pair.upper.paragraphs[0], "delete") == ["actively"]
    assert words(pair.lower.paragraphs[0], "insert") == ["not always", "inconsistently", "not always"]
    assert (pair.stats.inserted, pair.stats.deleted) == (61, 42)
    assert pair.rows == 7   # heading, summary and five paragraphs


def test_every_side_of_every_pair_is_its_levels_text_as_written(real):
    for edition in real.framework.editions.values():
        for standard in edition.standards.values():
            for pair in level_pairs(edition, standard):
                for side in (pair.upper, pair.lower):
                    source = standard.characteristics[side.level.id]
                    assert text_of([side.summary]) == [" ".join(source.summary.split())]
                    assert text_of(side.paragraphs) == [" ".join(p.split()) for p in source.paragraphs]


def test_a_five_level_scale_of_other_names_gives_ten_pairs_four_of_them_neighbours():
    content = load_content(ROOT / "examples" / "care-inspectorate" / "standards")
    edition = next(iter(content.framework.editions.values()))
    pairs = level_pairs(edition, next(iter(edition.standards.values())))
    assert len(pairs) == 10
    assert [(pair.upper.level.id, pair.lower.level.id) for pair in pairs if pair.adjacent] == [
        ("exemplary", "strong"), ("strong", "adequate"), ("adequate", "weak"), ("weak", "failing"),
    ]


# -- The markup --------------------------------------------------------------------------------

def test_the_page_offers_every_level_and_shows_neighbours_without_scripts(real):
    edition = real.framework.editions["2018"]
    page = standard_page(real, edition, edition.standards["1.2"])
    assert page.count('<option value="') == 8   # the scale, in each of the two lists
    shown = [line for line in page.splitlines() if line.startswith('<section class="levels-pair diff"')]
    assert [('data-levels="' in line and line.split('data-levels="')[1].split('"')[0], " hidden" in line)
            for line in shown] == [
        ("outstanding good", False), ("outstanding requires-improvement", True),
        ("outstanding inadequate", True), ("good requires-improvement", False),
        ("good inadequate", True), ("requires-improvement inadequate", False),
    ]
    assert ('are <del><span class="diff-marker">[deleted: </span>actively<span class="diff-marker">]</span></del>'
            ' managed.') in page
    assert ('are <ins><span class="diff-marker">[inserted: </span>inconsistently<span class="diff-marker">]'
            '</span></ins> managed.') in page
    assert 'data-pagefind-ignore="all"' in page   # the levels' text is indexed once, in the tabs


def test_content_text_in_a_comparison_is_escaped():
    from types import SimpleNamespace as Level

    compared = side_by_side(["Plain <b>bold</b>"], ["Plain *em* <script>x</script>"])
    side = Level(level=Level(id="a", label="A <i>"), position=1, summary=compared.old[0], paragraphs=compared.old)
    other = Level(level=Level(id="b", label="B"), position=2, summary=compared.new[0], paragraphs=compared.new)
    pair = Level(upper=side, lower=other, adjacent=True, stats=compared.stats, key="1-2", rows=3)
    html = render("framework/level_compare.html.j2", scale=[side.level, other.level], pairs=[pair])
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&#60;script&#62;x&#60;/script&#62;" in html
    assert "&#42;em&#42;" in html
