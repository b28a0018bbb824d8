"""Citations in built sites: a citation per rating level inside its tab, the edition named
once, and RIS and BibTeX files beside each standard and edition page, read back by parsers.

On the real site (four levels, the 2018 edition whose title holds its id), the invented
five-level example, and the two-editions fixture (a superseded edition).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.citation_formats import read_citation_file

ACCESSED = " (accessed [date])."
# site fixture, site address, edition, standard id, its title, author, edition name, levels (id, label)
SITES = {
    "real": ("built_site", "https://standards.example.org/", "2018", "1.2", "Staff", "HMI Probation",
             "Standards framework 2018", [("outstanding", "Outstanding"), ("good", "Good"),
                                          ("requires-improvement", "Requires improvement"),
                                          ("inadequate", "Inadequate")]),
    "example": ("example_site", "https://care-standards.example.org/", "2026", "1.1", "Keeping people safe",
                "EICS", "Care standards 2026", [("exemplary", "Exemplary"), ("strong", "Strong"),
                                                ("adequate", "Adequate"), ("weak", "Weak"), ("failing", "Failing")]),
}


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.fixture(params=sorted(SITES))
def case(request):
    fixture, *facts = SITES[request.param]
    return (request.getfixturevalue(fixture), *facts)


def test_each_level_tab_ends_with_its_own_citation(case):
    site, address, edition, sid, title, author, name, levels = case
    html = page(site, f"standards/{edition}/{sid}")
    blocks = html.select(".levels .tabbed-block")
    assert [block["data-label"] for block in blocks] == [label for _, label in levels]
    for block, (level_id, label) in zip(blocks, levels):
        label_paragraph, citation = block.find_all(recursive=False)[-2:]
        assert text_of(label_paragraph) == "Cite this level:"
        assert citation.select_one("pre > code").get_text() == (
            f"{author} ({edition}). Standard {sid} {title}, at level {label}. In: {name}. "
            f"Available at: {address}standards/{edition}/{sid}/#{level_id}{ACCESSED}")
        assert citation["data-pagefind-ignore"] == "all"      # the level's words are indexed once
    assert len(html.select(".citation__accessed")) == len(levels) + 1   # and the standard's


def test_the_cite_section_names_the_edition_once_and_links_the_files(case):
    site, address, edition, sid, title, author, name, _ = case
    html = page(site, f"standards/{edition}/{sid}")
    cite = html.select_one("#cite + .citation--standard")
    assert cite.select_one("pre > code").get_text() == (f"{author} ({edition}). Standard {sid} {title}. In: {name}. "
                               f"Available at: {address}standards/{edition}/{sid}/{ACCESSED}")
    downloads = cite.find_next("ul")
    assert [text_of(item) for item in downloads.find_all("li")] == [
        "This standard: RIS , BibTeX", f"The whole {name}: RIS , BibTeX"]
    assert [(a["href"], a.has_attr("download")) for a in downloads.find_all("a")] == [
        ("citation.ris", True), ("citation.bib", True), ("../citation.ris", True), ("../citation.bib", True)]


def test_the_files_read_back_as_the_citation_says(case):
    site, address, edition, sid, title, author, name, _ = case
    folder = site / "standards" / edition
    standard_url = f"{address}standards/{edition}/{sid}/"
    [record] = read_citation_file(folder / sid / "citation.ris")
    assert (record["authors"], record["title"], record["secondary_title"], record["year"], record["urls"]) == \
        ([author], f"Standard {sid} {title}", name, edition, [standard_url])
    [entry] = read_citation_file(folder / sid / "citation.bib")
    assert (entry["type"], entry["author"], entry["title"], entry["howpublished"], entry["year"], entry["url"]) == \
        ("misc", author, f"Standard {sid} {title}", name, edition, standard_url)
    [whole] = read_citation_file(folder / "citation.ris")
    assert (whole["title"], whole["urls"], "secondary_title" in whole) == (name, [f"{address}standards/{edition}/"], False)
    assert read_citation_file(folder / "citation.bib")[0]["title"] == name


def test_every_standard_and_edition_has_both_files(two_editions_site):
    """Every edition and standard the site publishes (as its data export lists them; other
    pages under an edition, such as the self-assessment worksheet, are not cited so)."""
    folders = []
    for export in (two_editions_site / "api/v1/editions").glob("*/standards.json"):
        edition = json.loads(export.read_text(encoding="utf-8"))
        folders += [two_editions_site / "standards" / edition["id"]]
        folders += [two_editions_site / "standards" / edition["id"] / s["id"] for s in edition["standards"]]
    assert len(folders) > 10
    for folder in folders:
        for suffix in ("ris", "bib"):
            assert len(read_citation_file(folder / f"citation.{suffix}")) == 1, folder


def test_a_superseded_edition_is_cited_at_its_own_address(two_editions_site):
    html = page(two_editions_site, "standards/2018/1.2")
    good = html.select_one('.tabbed-block[data-label="Good"] .citation code').get_text()
    assert good.startswith("Fixture Inspectorate (2018). Standard 1.2 ")
    assert good.endswith(", at level Good. In: Fixture framework 2018. Available at: "
                         f"https://fixture.example.org/standards/2018/1.2/#good{ACCESSED}")
