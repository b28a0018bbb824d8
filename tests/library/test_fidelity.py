"""Published library text is the source documents' text, word for word.

The sources are the unchanged copies in tests/sources/ (checked against their sha256).
Transcription rules, also written at the top of glossary.yml and principles.yml:
a paragraph broken across a page boundary is one paragraph; inline tags (<b>, <i>,
<sup>) and footnote markers are not kept; a link is kept as its text; a stray space
before a comma is removed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.core.front_matter import split_front_matter

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tests" / "sources"
REPORT = SOURCES / "003_4188bd615b6637a1.txt"
PLAN = SOURCES / "001_78df498664711933.txt"
HASHES = {
    REPORT: "06b12f8e432e9f5e88204e4ccec9bf87bb718eb0253b5dd45f483371ff3d7287",
    PLAN: "f217f903e8746b2888560b5bbff1b41295d420c89cb5f79bb86dff4cf4dab946",
}


def normalise(text: str) -> str:
    """Collapse whitespace, drop inline tags and the stray space before commas."""
    text = re.sub(r"<sup>\d+</sup>|</?(b|i|sup)>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a Markdown link is kept as its text
    return " ".join(text.split()).replace(" ,", ",")


@pytest.fixture(scope="module")
def library():
    return load_content(ROOT / "standards").library


@pytest.mark.parametrize("path", list(HASHES), ids=lambda p: p.name)
def test_source_copies_are_unchanged(path):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == HASHES[path]
    assert f"`{HASHES[path]}`" in (SOURCES / "README.md").read_text(encoding="utf-8")


def report_glossary() -> list[tuple[str, str]]:
    """(term, definition) pairs of Annex 4, read straight from the report."""
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    start = lines.index("## Annex 4 – Glossary")
    end = lines.index("# Her Majesty's Inspectorate of Probation")
    entries: list[list[str]] = []
    for line in lines[start + 1:end]:
        match = re.match(r"<b>(.*?)</b>\t(.*)$", line)
        if match:
            entries.append([match.group(1), match.group(2)])
        elif line.strip() not in ("", "---"):
            entries[-1][1] += " " + line  # a definition continued after a page break
    return [(normalise(term), normalise(definition)) for term, definition in entries]


def test_all_42_glossary_terms_are_published_word_for_word_in_source_order(library):
    expected = report_glossary()
    assert len(expected) == 42
    assert [(t.term, t.definition) for t in library.glossary.terms] == expected


def test_tooltips_quote_the_glossary(library):
    forms = [(form, term.expansion) for term in library.glossary.terms for form in term.abbreviations]
    assert ("MAPPA", "Multi-Agency Public Protection Arrangements") in forms
    for term in library.glossary.terms:
        if term.expansion:
            assert term.expansion in f"{term.term} {term.definition}"


def plan_text() -> str:
    return normalise(PLAN.read_text(encoding="utf-8"))


def test_the_ten_principles_are_word_for_word(library):
    principles = library.principles.principles
    assert [p.number for p in principles] == list(range(1, 11))
    source = PLAN.read_text(encoding="utf-8")
    listed = re.findall(r"^- (\d+)\*\* (.*)$", source, flags=re.MULTILINE)
    assert [(int(n), normalise(text)) for n, text in listed] == [(p.number, p.text) for p in principles]


def test_purpose_and_values_are_word_for_word(library):
    source = plan_text()
    principles = library.principles
    for paragraph in [*principles.purpose, *principles.values_intro, principles.values_note]:
        assert paragraph in source, paragraph
    for value in principles.values:
        assert f"## {value.name} {value.text}" in source


def quotations(body: str) -> list[str]:
    """The text of each `> ` quotation block of a guide's Markdown."""
    blocks = re.split(r"\n\s*\n", body.strip())
    return [" ".join(line[1:].strip() for line in block.splitlines()) for block in blocks]


def test_guides_quote_the_report_word_for_word(library):
    source = normalise(REPORT.read_text(encoding="utf-8"))
    assert library.guides, "the real content has guides"
    for slug, item in library.guides.items():
        body = split_front_matter(item.path.read_text(encoding="utf-8"))[1]
        assert all(block.startswith(">") for block in re.split(r"\n\s*\n", body.strip())), \
            f"{slug}: the body holds quotations only"
        for quote in quotations(body):
            assert quote in source, f"{slug}: not in the report: {quote[:60]}"
        assert item.meta.summary in source, f"{slug}: the summary is not a sentence of the report"


def test_guides_are_attributed_and_linked_to_a_domain_one_standard(library):
    for slug, item in library.guides.items():
        meta = item.meta
        assert meta.source is not None, slug
        assert meta.source.title == "An inspection of central functions supporting the National Probation Service"
        assert (meta.source.publisher, meta.source.date) == ("HMI Probation", "2020-01")
        assert meta.source.section in REPORT.read_text(encoding="utf-8"), slug
        assert meta.related_standards and set(meta.related_standards) <= {"1.1", "1.2", "1.3", "1.4"}, slug


def test_no_position_statement_is_invented(library):
    assert library.positions == {}
