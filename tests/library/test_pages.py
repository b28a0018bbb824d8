"""The library's generated pages and feed, as pure functions of the content."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from standards_site.library import urls as lu
from standards_site.core import urls
from standards_site.site.content import load_content
from standards_site.library.feed import atom_feed
from standards_site.library.pages import abbreviations, library_pages
from standards_site.site.generated import generated_pages

from .conftest import FIXTURE_SITE, VALID_GUIDE, write_guide

ROOT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"


def links_on(page: str, markdown: str) -> set[str]:
    """Every Markdown link target on a page, resolved to a source path."""
    targets = re.findall(r"\]\(([^)#\s]+)", markdown)
    return {posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) for target in targets}


@pytest.fixture(scope="module")
def real():
    return load_content(ROOT / "standards")


@pytest.fixture(scope="module")
def fixture_content():
    return load_content(FIXTURE_SITE / "standards")


def test_each_guide_and_its_standards_link_to_each_other(real):
    pages = generated_pages(real)
    edition = real.framework.current.id
    for slug, item in real.library.guides.items():
        guide_page = lu.item_page(lu.GUIDES, slug)
        for standard_id in item.meta.related_standards:
            standard_page = urls.standard_page(edition, standard_id)
            assert standard_page in links_on(guide_page, pages[guide_page]), f"{slug} -> {standard_id}"
            assert guide_page in links_on(standard_page, pages[standard_page]), f"{standard_id} -> {slug}"


def test_a_standard_page_lists_only_its_own_guides(real):
    pages = generated_pages(real)
    page = urls.standard_page("2018", "1.2")
    linked = {p for p in links_on(page, pages[page]) if p.startswith("guidance/guides/")}
    assert linked == {"guidance/guides/line-management-supervision/index.md",
                      "guidance/guides/standard/1.2/index.md"}


def test_the_positions_index_says_none_are_published(real):
    page = library_pages(real, preview=False)[lu.index_page(lu.POSITIONS)]
    assert "No position statements have been published yet." in page


def test_drafts_are_left_out_unless_previewing(fixture_content):
    public = library_pages(fixture_content, preview=False)
    assert lu.item_page(lu.GUIDES, "draft-guide") not in public
    assert "Draft fixture guide" not in public[lu.index_page(lu.GUIDES)]
    assert "Draft fixture guide" not in public[lu.WHATS_NEW]
    preview = library_pages(fixture_content, preview=True)
    assert "Draft: not published" in preview[lu.item_page(lu.GUIDES, "draft-guide")]
    assert "Draft fixture guide" in preview[lu.index_page(lu.GUIDES)]


def test_filter_pages_list_exactly_the_matching_items(fixture_content):
    pages = library_pages(fixture_content, preview=False)
    by_standard = pages[lu.filter_page(lu.GUIDES, "standard", "1.2")]
    assert "Newer fixture guide" in by_standard and "Older fixture guide" not in by_standard
    by_tag = pages[lu.filter_page(lu.GUIDES, "tag", "alpha")]
    assert "Newer fixture guide" in by_tag and "Older fixture guide" in by_tag
    # the draft's tag gets no public filter page
    assert lu.filter_page(lu.GUIDES, "tag", "gamma") not in pages
    assert lu.filter_page(lu.POSITIONS, "tag", "gamma") in pages


def test_the_index_is_sorted_newest_first_and_names_every_filter(fixture_content):
    page = library_pages(fixture_content, preview=False)[lu.index_page(lu.GUIDES)]
    assert page.index("Older fixture guide") < page.index("Newer fixture guide")  # updated 2024-06-01
    assert re.findall(r'data-facet="(\w+)" data-value="([^"]+)"', page) == [
        ("standard", "1.1"), ("standard", "1.2"), ("tag", "alpha"), ("tag", "beta"),
    ]


def test_a_withdrawn_statement_stays_with_a_notice(fixture_content):
    page = library_pages(fixture_content, preview=False)[lu.item_page(lu.POSITIONS, "withdrawn-position")]
    assert '!!! note "Withdrawn"' in page


def test_whats_new_lists_changes_newest_first(fixture_content):
    page = library_pages(fixture_content, preview=False)[lu.WHATS_NEW]
    rows = re.findall(r"^\| (\d+ \w+ \d{4}) \| (.+?) \| \[(.+?)\]", page, flags=re.MULTILINE)
    assert rows == [
        ("1 June 2024", "Updated guide", "Older fixture guide"),
        ("1 April 2024", "Updated position statement", "Withdrawn fixture statement"),
        ("5 March 2024", "Published guide", "Newer fixture guide"),
        ("1 February 2024", "Published position statement", "Fixture position statement"),
        ("10 January 2024", "Published guide", "Older fixture guide"),
        ("1 May 2023", "Published position statement", "Withdrawn fixture statement"),
    ]


def test_the_feed_parses_and_lists_the_right_items(fixture_content):
    feed = ET.fromstring(atom_feed(fixture_content, "https://fixture.example.org/"))
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Updated guide: Older fixture guide",
        "Updated position statement: Withdrawn fixture statement",
        "Published guide: Newer fixture guide",
        "Published position statement: Fixture position statement",
        "Published guide: Older fixture guide",
        "Published position statement: Withdrawn fixture statement",
    ]
    # dated from the content, never from the build time
    assert feed.findtext(f"{ATOM}updated") == "2024-06-01T00:00:00Z"
    assert [e.findtext(f"{ATOM}updated") for e in entries][0] == "2024-06-01T00:00:00Z"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    assert entries[2].find(f"{ATOM}link").get("href") == "https://fixture.example.org/guidance/guides/newer-guide/"
    self_link = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"][0]
    assert self_link.get("href") == "https://fixture.example.org/whats-new/atom.xml"


def test_the_feed_of_the_real_site_lists_every_published_guide(real):
    feed = ET.fromstring(atom_feed(real, "https://standards.example.org/"))
    linked = {e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")}
    assert linked == {f"https://standards.example.org/guidance/guides/{slug}/" for slug in real.library.guides}


def test_abbreviations_come_from_the_glossary(fixture_content):
    assert abbreviations(fixture_content.library.glossary) == {"FIX": "Fixture item explained"}
    assert abbreviations(None) == {}


def test_titles_and_summaries_are_escaped(content_root):
    write_guide(content_root, "sample", VALID_GUIDE.replace("title: Sample", "title: 'A *bold* [link](x) <b>'"))
    pages = library_pages(load_content(content_root), preview=False)
    page = pages[lu.item_page(lu.GUIDES, "sample")]
    assert "# A &#42;bold&#42; &#91;link&#93;(x) &#60;b&#62;" in page


def test_the_glossary_page_is_in_alphabetical_order_within_each_letter(real):
    """The source has SPO before SFO and NQO before NPS; readers scan by the alphabet."""
    page = library_pages(real)["glossary/index.md"]
    terms = re.findall(r"^### (.+?) \{ #", page, flags=re.MULTILINE)
    assert len(terms) == 42
    folded = ["".join(c for c in t.lower() if c.isalnum() or c == " ") for t in terms]
    assert folded == sorted(folded)
    assert terms.index(next(t for t in terms if t.startswith("SFO"))) < terms.index(next(t for t in terms if t.startswith("SPO")))
