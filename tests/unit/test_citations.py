"""Citations: the edition named once, a citation per rating level, RIS and BibTeX.

Exact texts on the minimal fixture (invented text), then the files read back by
real parsers (tests/citation_formats.py), including text that would break a format.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest

from standards_site.framework.citations import (
    Citation, bibtex, citation_files, citation_text, edition_citation, edition_name, level_citations, ris,
    standard_citation,
)
from standards_site.site.content import load_content
from tests.citation_formats import FormatError, read_bibtex, read_ris

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/"


@pytest.fixture(scope="module")
def edition():
    return load_content(ROOT / "tests/fixtures/minimal/standards").framework.edition("2020")


# -- the edition named once -----------------------------------------------------------------------

@pytest.mark.parametrize("edition_id, title, name", [
    # (id, title, how a citation names it)
    ("2018", "Standards framework 2018", "Standards framework 2018"),            # the real 2018 edition
    ("2018", "Standards framework", "Standards framework (2018 edition)"),       # title without the id
    ("2024", "Fixture framework 2024 (draft)", "Fixture framework 2024 (draft)"),
    ("2018", "Framework 20189", "Framework 20189 (2018 edition)"),               # a longer number is not the id
    ("2018", "Framework 2018-19", "Framework 2018-19"),
    ("v2", "Care standards V2", "Care standards V2"),                            # any case
    ("1.2", "Framework 1x2", "Framework 1x2 (1.2 edition)"),                     # a dot in an id is a dot
])
def test_an_edition_is_named_once(edition_id, title, name):
    assert edition_name(SimpleNamespace(id=edition_id, title=title)) == name


def test_the_real_2018_edition_is_not_named_twice():
    real = load_content(ROOT / "standards").framework.edition("2018")
    text = citation_text(standard_citation(SITE, real, real.standards["1.2"]))
    assert text == ("HMI Probation (2018). Standard 1.2 Staff. In: Standards framework 2018. "
                    "Available at: https://example.org/standards/2018/1.2/")


# -- text citations -------------------------------------------------------------------------------

def test_standard_level_and_edition_citations(edition):
    standard = edition.standards["1.1"]
    assert citation_text(standard_citation(SITE, edition, standard)) == (
        "Test suite (2020). Standard 1.1 Fixture standard 1.1. In: Fixture framework 2020. "
        "Available at: https://example.org/standards/2020/1.1/")
    assert level_citations(SITE, edition, standard) == {
        level.id: ("Test suite (2020). Standard 1.1 Fixture standard 1.1, at level " + level.label
                   + ". In: Fixture framework 2020. Available at: https://example.org/standards/2020/1.1/#"
                   + level.id)
        for level in edition.rating_scale}
    assert list(level_citations(SITE, edition, standard)) == [level.id for level in edition.rating_scale]
    assert citation_text(edition_citation(SITE, edition)) == (
        "Test suite (2020). Fixture framework 2020. Available at: https://example.org/standards/2020/")


def test_line_breaks_in_content_are_folded_in_the_text():
    citation = Citation(key="k", author="Org", title="A\n\nB", container="Ed\nition", published="2020",
                        url="https://example.org/")
    assert citation_text(citation) == "Org (2020). A B. In: Ed ition. Available at: https://example.org/"


# -- RIS ------------------------------------------------------------------------------------------

def test_ris_of_a_standard(edition):
    text = ris(standard_citation(SITE, edition, edition.standards["1.1"]))
    assert text == ("TY  - ELEC\r\n"
                    "AU  - Test suite\r\n"
                    "TI  - Standard 1.1 Fixture standard 1.1\r\n"
                    "T2  - Fixture framework 2020\r\n"
                    "PY  - 2020\r\n"
                    "DA  - 2020/01/15/\r\n"
                    "UR  - https://example.org/standards/2020/1.1/\r\n"
                    "ER  - \r\n")
    assert read_ris(text) == [{
        "type_of_reference": "ELEC", "authors": ["Test suite"], "title": "Standard 1.1 Fixture standard 1.1",
        "secondary_title": "Fixture framework 2020", "year": "2020", "date": "2020/01/15/",
        "urls": ["https://example.org/standards/2020/1.1/"]}]


def test_ris_of_an_edition_has_no_container_and_a_partial_date():
    citation = Citation(key="k", author="Org", title="Framework 2018", container="", published="2018-03",
                        url="https://example.org/standards/2018/")
    assert ris(citation) == ("TY  - ELEC\r\nAU  - Org\r\nTI  - Framework 2018\r\nPY  - 2018\r\n"
                             "DA  - 2018/03//\r\nUR  - https://example.org/standards/2018/\r\nER  - \r\n")


def test_a_line_break_in_a_title_cannot_start_a_ris_tag():
    citation = Citation(key="k", author="Org\rAU  - Someone", published="2018",
                        title="Staff\nER  - \nTY  - BOOK\u2028TI  - Forged", container="Ed\r\n\r\nT2  - x",
                        url="https://example.org/")
    records = read_ris(ris(citation))
    assert records == [{
        "type_of_reference": "ELEC", "authors": ["Org AU - Someone"],
        "title": "Staff ER - TY - BOOK TI - Forged", "secondary_title": "Ed T2 - x",
        "year": "2018", "date": "2018///", "urls": ["https://example.org/"]}]


@pytest.mark.parametrize("text, problem", [
    ("TY  - ELEC\r\nTI  - a\r\nb\r\nER  - \r\n", "line 3 is not one of the site's tags: 'b'"),
    ("TY  - ELEC\r\nTI  - a\r\n", "records do not each run from TY to ER: ['TY', 'TI']"),
    ("TY  - ELEC\nER  - \n", "a RIS file ends with a line end (CRLF)"),
])
def test_the_ris_reader_refuses_a_broken_file(text, problem):
    with pytest.raises(FormatError, match=re.escape(problem)):
        read_ris(text)


# -- BibTeX ---------------------------------------------------------------------------------------

def test_bibtex_of_a_level(edition):
    level = edition.rating_scale[1]
    text = bibtex(standard_citation(SITE, edition, edition.standards["1.1"], level))
    assert text == ("@misc{test-suite-2020-1.1-" + level.id + ",\n"
                    "  author = {{Test suite}},\n"
                    "  title = {{Standard 1.1 Fixture standard 1.1, at level " + level.label + "}},\n"
                    "  howpublished = {Fixture framework 2020},\n"
                    "  year = {2020},\n"
                    "  month = jan,\n"
                    "  url = {https://example.org/standards/2020/1.1/#" + level.id + "},\n"
                    "}\n")
    assert read_bibtex(text) == [{
        "type": "misc", "key": f"test-suite-2020-1.1-{level.id}", "author": "Test suite",
        "title": f"Standard 1.1 Fixture standard 1.1, at level {level.label}",
        "howpublished": "Fixture framework 2020", "year": "2020", "month": "jan",
        "url": f"https://example.org/standards/2020/1.1/#{level.id}"}]


def test_bibtex_escapes_every_special_character():
    specials = "50% of {cases} & C:\\files_1 ~ $5 #1 ^ end} @misc{x, title={y} <!-- a---b"
    citation = Citation(key="org-2018", author="A & B {Ltd}", title=specials, container="Ed\n\n# x",
                        published="2018", url="https://example.org/")
    text = bibtex(citation)
    assert text == (
        "@misc{org-2018,\n"
        "  author = {{A \\& B \\{Ltd\\}}},\n"
        "  title = {{50\\% of \\{cases\\} \\& C:\\textbackslash{}files\\_1 \\textasciitilde{} \\$5 \\#1 "
        "\\textasciicircum{} end\\} @misc\\{x, title=\\{y\\} <!-{}- a-{}-{}-b}},\n"
        "  howpublished = {Ed \\# x},\n"
        "  year = {2018},\n"
        "  url = {https://example.org/},\n"
        "}\n")
    [entry] = read_bibtex(text)
    assert (entry["author"], entry["title"], entry["howpublished"]) == ("A & B {Ltd}", specials, "Ed # x")


def test_the_bibtex_reader_refuses_a_field_the_site_does_not_write():
    with pytest.raises(FormatError, match=r"fields the site does not write: \['note'\]"):
        read_bibtex("@misc{k,\n  title = {a},\n  note = {b},\n}\n")


# -- files ----------------------------------------------------------------------------------------

def test_a_file_per_standard_and_per_edition_in_each_format():
    content = load_content(ROOT / "tests/fixtures/minimal/standards")
    files = citation_files(content)
    assert sorted(files) == sorted(f"standards/2020/{part}citation.{suffix}"
                                   for part in ("", "1.1/", "1.2/") for suffix in ("bib", "ris"))
    assert read_ris(files["standards/2020/citation.ris"])[0]["title"] == "Fixture framework 2020"
    assert read_bibtex(files["standards/2020/1.2/citation.bib"])[0]["key"] == "test-suite-2020-1.2"


# -- the citation block in a level's tab ----------------------------------------------------------

def test_a_marked_paragraph_in_a_tab_becomes_a_citation_block():
    source = ('=== "Good"\n\n    Text.\n\n    Org (2018). *x* &#60;b&#62; (accessed <span class="citation__accessed">'
              '[date]</span>).\n    { data-citation="good" }\n')
    html = markdown.markdown(source, extensions=["attr_list", "md_in_html", "pymdownx.tabbed",
                                                 "standards_site.framework.level_tabs"],
                             extension_configs={"pymdownx.tabbed": {"alternate_style": True}})
    assert ('<p>Text.</p>\n<div class="citation citation--level" data-pagefind-ignore="all">'
            '<pre class="citation__text"><code>Org (2018). <em>x</em> &#60;b&#62; (accessed '
            '<span class="citation__accessed">[date]</span>).</code></pre></div>') in html
