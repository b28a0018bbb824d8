"""Every text field of every content type, attacked in every place it reaches.

The payloads (tests/security/hostile.py) are HTML, attribute and script break-outs,
Markdown, Jinja and `javascript:` links, with line breaks. The built site is parsed as
a browser parses it: no payload may make an element, an attribute, a comment or a
script, and wherever a payload shows it must read exactly as written.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.security.hostile import (FILE_SCHEMAS, HostileSite, citation_findings, findings, html_findings,
                                   oscal_findings, payload)

# Where a text can reach in the built site, as CSS selectors on its pages.
HTML_PLACES = {
    "page title": "title",
    "meta description": 'meta[name="description"]',
    "Open Graph": 'meta[property^="og:"]',
    "header": ".md-header__topic",
    "navigation": ".md-nav__link",
    "breadcrumbs and page lists": "main a",
    "tooltip (abbr)": "abbr[title]",
    "table": "table td",
    "level tab": ".tabbed-labels label, .tabbed-block",
    "citation": ".citation",
    "search metadata": "[data-pagefind-meta], [data-pagefind-filter]",
}
# ... and as files beside the pages.
FILE_PLACES = {
    "feed": "whats-new/atom.xml",
    "JSON export": "api/v1/**/*.json",
    "CSV export": "api/v1/**/*.csv",
    "OSCAL catalog": "api/v1/editions/*/oscal/catalog.json",
    "RIS citation": "standards/**/citation.ris",
    "BibTeX citation": "standards/**/citation.bib",
}
#: The CSV columns that repeat a title or label beside an id.
CSV_TITLE_COLUMNS = {"standards.csv": ["domain_title", "title"],
                     "characteristics.csv": ["standard_title", "level_label"]}


def test_every_content_type_is_attacked(hostile):
    site, _ = hostile
    attacked = Counter(where.split(":")[0] for where in site.fields.values())
    for pattern in FILE_SCHEMAS:
        assert any(Path(path).match(f"standards/{pattern}") for path in attacked), f"no text field in {pattern}"
    assert len(site.fields) > 300


def test_no_payload_becomes_markup_anywhere(hostile):
    site, built = hostile
    assert findings(site, built) == []


def test_every_payload_reaches_the_site(hostile):
    """So the check above looked at every field: each shows somewhere, as text."""
    site, built = hostile
    seen = set()
    for path in built.rglob("*"):
        if path.suffix in (".html", ".json", ".csv", ".xml", ".ris", ".bib"):
            seen.update(int(n) for n in re.findall(r"Hostile(\d+)", path.read_text(encoding="utf-8-sig")))
    assert {n: where for n, where in site.fields.items() if n not in seen} == {}


@pytest.mark.parametrize("place, selector", HTML_PLACES.items())
def test_payloads_reach_each_place_in_pages(hostile, place, selector):
    """Each place the matrix covers really holds payloads (else it would pass unseen)."""
    _, built = hostile
    for path in built.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if any("Hostile" in str(element) for element in soup.select(selector)):
            return
    pytest.fail(f"no payload reached the {place} ({selector}) of any page")


@pytest.mark.parametrize("place, pattern", FILE_PLACES.items())
def test_payloads_reach_each_data_file(hostile, place, pattern):
    _, built = hostile
    files = list(built.glob(pattern))
    assert files and any("Hostile" in f.read_text(encoding="utf-8-sig") for f in files), place


@pytest.mark.parametrize("name, columns", CSV_TITLE_COLUMNS.items())
def test_payloads_reach_the_title_and_label_columns_of_the_csvs(hostile, name, columns):
    _, built = hostile
    rows = [row for path in built.glob(f"api/v1/editions/*/{name}")
            for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))]
    assert rows
    for column in columns:
        assert all(row[column].startswith("Hostile") for row in rows), (name, column)


@pytest.mark.parametrize("suffix, text, problem", [
    (".ris", "TY  - ELEC\r\nTI  - {p}\r\nER  - \r\n",
     "the format is broken: line 3 is not one of the site's tags: ''"),     # a line break kept in a value
    (".ris", "TY  - ELEC\r\nTI  - Hostile1 <xss-1>\r\nER  - \r\n",
     "value: payload 1 (a field) reads 'Hostile1 <xss-1>'"),               # cut short
    (".bib", "@misc{{k,\n  title = {{a}}, note = {{b}},\n}}\n",                  # a field made by a value
     "the format is broken: fields the site does not write: ['note']"),
    (".bib", "@misc{{k,\n  title = {{{p}}},\n}}\n", "value: payload 1 (a field) reads "),   # not escaped
    (".bib", "@misc{{k,\n  title = {{a}},\n}}\n@misc{{k2,\n  title = {{b}},\n}}\n", "2 records instead of one"),
])
def test_the_check_finds_a_broken_citation_file(tmp_path, suffix, text, problem):
    """The citation-file check itself can fail."""
    site = HostileSite(Path("."), {1: "a field"})
    path = tmp_path / f"citation{suffix}"
    path.write_bytes(text.format(p=payload(1)).encode("utf-8"))
    assert any(found.startswith(problem) for found in citation_findings(site, path)), citation_findings(site, path)


@pytest.mark.parametrize(
    "page",
    [
        "<title>{p} - Site</title>",
        '<meta name="description" content="{p}">',
        "<p>{p}</p>",
        '<abbr title="{p}">X</abbr>',
        "<p><strong>bold1</strong></p>",
        "<h1>heading1</h1>",
        '<a href="javascript:alert(1)">a</a>',
    ],
)
def test_the_check_finds_a_payload_left_as_markup(page):
    """The checker itself can fail: each of these pages is one of the defects it looks for."""
    site = HostileSite(Path("."), {1: "a field"})
    assert html_findings(site, f"<!doctype html><html><head></head><body>{page.format(p=payload(1))}</body></html>")


def test_the_check_finds_oscal_markup_left_unescaped():
    """OSCAL titles and prose are Markdown: a payload written there as it is would run."""
    site = HostileSite(Path("."), {1: "a field"})
    assert "OSCAL markup: element <xss-1> made by payload 1" in oscal_findings(site, {"catalog": {"title": payload(1)}})
