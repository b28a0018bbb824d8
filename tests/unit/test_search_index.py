"""What the build tells Pagefind about each page, and how a failed indexing run reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from standards_site.site.search_index import (
    SearchIndexError,
    archived_folders,
    glob_excluding,
    StandardPage,
    index_site,
    mark_indexable,
    mark_level_blocks,
    standard_pages,
)
from tests.conftest import ROOT

ARTICLE = '<main><article class="md-content__inner md-typeset"><h1>1.2 Staff</h1></article></main>'


def test_the_article_alone_is_marked_for_indexing():
    assert mark_indexable(ARTICLE) == (
        '<main><article data-pagefind-body class="md-content__inner md-typeset"><h1>1.2 Staff</h1></article></main>'
    )


def test_a_standard_page_gets_its_id_as_a_filter_its_edition_and_its_boost():
    marked = mark_indexable(ARTICLE, boost=2, standard=StandardPage("1.2", "2018", "2018-03"))
    assert marked == (
        '<main><article data-pagefind-body data-pagefind-meta="edition:2018" '
        'data-pagefind-sort="published:2018-03" class="md-content__inner md-typeset">'
        '<span hidden data-pagefind-filter="boost:2"></span>'
        '<span hidden data-pagefind-filter="standard:1.2"></span>'
        "<h1>1.2 Staff</h1></article></main>"
    )


def test_a_page_without_the_article_is_an_error_not_a_silent_gap_in_search():
    with pytest.raises(SearchIndexError, match=r"no <article class=\"md-content__inner md-typeset\">"):
        mark_indexable("<main><h1>No article</h1></main>")


def test_each_rating_level_block_gets_an_anchor_for_search_and_its_name_as_indexed_text():
    # As framework/level_tabs.py writes the tabs: the level id on the radio button and the
    # label's `for`, the label text on the block. A level id need not be its label's slug.
    html = ('<input id="good"><input id="ri"><div class="tabbed-labels"><label for="good">Good</label>'
            '<label for="ri">Requires &amp; improvement</label></div>'
            '<div class="tabbed-content"><div class="tabbed-block" data-label="Good"><p>G</p></div>'
            '<div class="tabbed-block" data-label="Requires &amp; improvement"><p>R</p></div>'
            '<div class="tabbed-block" data-label="Unlabelled"><p>U</p></div></div>')
    assert mark_level_blocks(html) == (
        '<input id="good"><input id="ri"><div class="tabbed-labels"><label for="good">Good</label>'
        '<label for="ri">Requires &amp; improvement</label></div>'
        '<div class="tabbed-content"><div class="tabbed-block" id="pagefind-level-good" '
        'data-pagefind-index-attrs="data-label" data-pagefind-meta="pagefind-level-good[data-label]" '
        'data-label="Good"><p>G</p></div>'
        '<div class="tabbed-block" id="pagefind-level-ri" data-pagefind-index-attrs="data-label" '
        'data-pagefind-meta="pagefind-level-ri[data-label]" data-label="Requires &amp; improvement"><p>R</p></div>'
        '<div class="tabbed-block" data-label="Unlabelled"><p>U</p></div></div>'
    )


def test_every_standard_of_the_real_framework_has_its_search_facts():
    from standards_site.site.content import load_content

    pages = standard_pages(load_content(ROOT / "standards").framework)
    assert pages["standards/2018/1.2/index.md"] == StandardPage("1.2", "2018", "2018-03")
    assert all(page.standard_id in path for path, page in pages.items())


def test_pagefind_failing_is_reported_with_its_command_and_output(tmp_path: Path):
    with pytest.raises(SearchIndexError) as failure:
        index_site(tmp_path)          # an empty folder: nothing to index
    message = str(failure.value)
    assert message.startswith("Pagefind failed with exit status 1.")
    assert f"--site {tmp_path}" in message
    assert "Pagefind was not able to build an index" in message



def test_superseded_editions_go_to_the_archive_bundle_and_the_current_one_does_not(tmp_path: Path):
    from benchmarks.corpus import write_standards
    from standards_site.site.content import load_content

    write_standards(tmp_path, 20, editions_count=2)      # edition 2018 (current) and 2017 (superseded)
    assert archived_folders(load_content(tmp_path).framework) == ["standards/2017"]
    assert archived_folders(load_content(ROOT / "standards").framework) == []   # the real site today


def test_the_main_bundle_covers_every_page_outside_the_archived_folders(tmp_path: Path):
    for page in ["index.html", "404.html", "authors/macros/index.html", "standards/index.html",
                 "standards/2018/index.html", "standards/2018/1.2/index.html",
                 "standards/2017/1.2/index.html", "pagefind/x.html"]:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<html></html>")
    assert glob_excluding(tmp_path, ["standards/2017"]) == (
        "{*.html,authors/**/*.html,standards/*.html,standards/2018/**/*.html}"
    )
