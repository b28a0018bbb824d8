"""Escaping, dates and URLs used by the generated pages."""

import posixpath

import pytest

from standards_site.core import urls
from standards_site.framework.editions import UnknownReference
from standards_site.core.dates import partial_date
from standards_site.core.rendering import md_escape
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "text, escaped",
    [
        # text from the content                  what goes into the Markdown
        ("plain words", "plain words"),
        ("<script>alert(1)</script>", "&#60;script&#62;alert(1)&#60;/script&#62;"),
        ("*emphasis* and _under_", "&#42;emphasis&#42; and &#95;under&#95;"),
        ("[link](https://evil.example)", "&#91;link&#93;(https&#58;//evil.example)"),
        ("the lead inspector's", "the lead inspector&#39;s"),
        ("{#comment} {{ macro }}", "&#123;&#35;comment&#125; &#123;&#123; macro &#125;&#125;"),
        ("1. not a list", "&#49;&#46; not a list"),
        ("- not a list", "&#45; not a list"),
        ("line one\nline two", "line one line two"),
        ("evidence-based 1.2 – en dash", "evidence-based 1.2 – en dash"),
    ],
)
def test_md_escape_shows_text_literally(text, escaped):
    assert str(md_escape(text)) == escaped


@pytest.mark.parametrize(
    "partial, shown",
    [("2018", "2018"), ("2018-03", "March 2018"), ("2020-03-04", "4 March 2020")],
)
def test_human_date_keeps_the_precision_of_the_source(partial, shown):
    assert partial_date(partial) == shown


def test_standard_urls_derive_from_ids():
    assert urls.standard_page("2018", "1.2") == "standards/2018/1.2/index.md"
    assert urls.url_of(urls.standard_page("2018", "1.2")) == "standards/2018/1.2/"
    assert urls.relative_link("standards/2018/1.2/index.md", "standards/2018/1.3/index.md") == "../1.3/index.md"


def test_relative_links_agree_with_posixpath_between_every_pair_of_real_pages():
    from standards_site.site.content import load_content
    from standards_site.site.generated import generated_files

    paths = sorted(generated_files(load_content(ROOT / "standards")))
    paths += ["index.md", "how-to-cite.md", "authors/macros.md", "a/b/c/d.md"]   # files, as links are
    assert len(paths) > 50
    for here in paths:
        for target in paths:
            expected = posixpath.relpath(target, posixpath.dirname(here) or ".")
            assert urls.relative_link(here, target) == expected, (here, target)


@pytest.fixture(scope="module")
def edition_2018():
    from standards_site.site.content import load_content

    return load_content(ROOT / "standards").framework.edition("2018")


@pytest.mark.parametrize(
    "written, level_id",
    [
        ("good", "good"),
        ("Requires improvement", "requires-improvement"),
        ("requires_improvement", "requires-improvement"),
        ("requires-improvement", "requires-improvement"),
        (" OUTSTANDING ", "outstanding"),
    ],
)
def test_rating_levels_are_found_by_id_or_label_in_any_spelling(edition_2018, written, level_id):
    assert edition_2018.level(written).id == level_id


def test_an_unknown_level_is_reported_with_a_suggestion(edition_2018):
    with pytest.raises(UnknownReference) as caught:
        edition_2018.level("god")
    assert str(caught.value) == "there is no rating level 'god' in the rating scale of edition 2018; did you mean 'good'?"


def test_the_2018_scale_keeps_the_published_anchors(edition_2018):
    assert [level.id for level in edition_2018.rating_scale] == [
        "outstanding", "good", "requires-improvement", "inadequate"]
    assert [level.label for level in edition_2018.rating_scale] == [
        "Outstanding", "Good", "Requires improvement", "Inadequate"]
