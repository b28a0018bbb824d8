"""Published standards text is word for word the source document's.

The source (tests/sources/004_...txt, an unchanged copy) is parsed here
independently of the YAML, and every paragraph and sentence is looked for on the
built page, under the right standard and the right rating level.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SOURCE = Path(__file__).parent / "sources" / "004_66fa71f08feb96e0.txt"
LEVELS = ["Outstanding", "Good", "Requires improvement", "Inadequate"]


def source_paragraphs() -> list[str]:
    """Blank-line separated paragraphs; a paragraph broken by a page break (no closing
    punctuation before the blank line) is joined to the next."""
    raw = [" ".join(p.split()) for p in re.split(r"\n\s*\n", SOURCE.read_text(encoding="utf-8")) if p.strip()]
    joined: list[str] = []
    for paragraph in raw:
        if joined and not re.search(r"[.:;)]$", joined[-1]) and paragraph[0].islower():
            joined[-1] += " " + paragraph
        else:
            joined.append(paragraph)
    return joined


def source_standards() -> dict[str, dict]:
    """{"1.1": {"title", "statement", "levels": {"Outstanding": [summary, paragraphs...]}}}"""
    standards: dict[str, dict] = {}
    current = level = None
    for paragraph in source_paragraphs():
        heading = re.fullmatch(r"(1\.\d) ([A-Z][a-z ]+)", paragraph)
        if heading:
            current = standards[heading.group(1)] = {"title": heading.group(2), "statement": None, "levels": {}}
            level = None
        elif current is None:
            continue
        elif paragraph in LEVELS:
            level = paragraph
            current["levels"][level] = []
        elif level is None:
            current["statement"] = paragraph
        else:
            current["levels"][level].append(paragraph)
    return standards


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:])\s+(?=[A-Z])", paragraph) if s]


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_the_source_has_four_standards_with_four_levels_each():
    standards = source_standards()
    assert list(standards) == ["1.1", "1.2", "1.3", "1.4"]
    for standard in standards.values():
        assert list(standard["levels"]) == LEVELS


def test_the_page_break_paragraphs_are_single_paragraphs(built_site):
    for standard_id, fragment in [("1.1", "have been inadequate. Consequently"),
                                  ("1.2", "to work with a diverse range of service users")]:
        soup = BeautifulSoup((built_site / f"standards/2018/{standard_id}/index.html").read_text(), "html.parser")
        assert any(fragment in text_of(p) for p in soup.select(".levels p")), fragment


@pytest.mark.parametrize("standard_id", ["1.1", "1.2", "1.3", "1.4"])
def test_every_sentence_is_on_its_page_under_the_right_level(built_site, standard_id):
    expected = source_standards()[standard_id]
    soup = BeautifulSoup((built_site / f"standards/2018/{standard_id}/index.html").read_text(), "html.parser")

    assert text_of(soup.select_one("article h1")).startswith(f"{standard_id} {expected['title']}")
    assert text_of(soup.select_one(".standard-statement")) == expected["statement"]

    labels = [text_of(label) for label in soup.select(".levels .tabbed-labels label")]
    assert labels == LEVELS
    blocks = soup.select(".levels .tabbed-content > .tabbed-block")
    for label, block in zip(LEVELS, blocks):
        # The level's own paragraphs; "Cite this level:" and its citation are help text.
        published = [text_of(p) for p in block.find_all("p") if "citation__label" not in p.get("class", [])]
        # Paragraph by paragraph, word for word, in order (the first is the summary line).
        assert published == expected["levels"][label], f"{standard_id} {label}"
        block_text = text_of(block)
        for paragraph in expected["levels"][label]:
            for sentence in sentences(paragraph):
                assert sentence in block_text, f"{standard_id} {label}: {sentence!r}"
        # ... and under no other level.
        for other_label, other_block in zip(LEVELS, blocks):
            if other_label != label:
                other = [text_of(p) for p in other_block.find_all("p") if "citation__label" not in p.get("class", [])]
                assert not set(published) & set(other)


def test_preamble_and_level_descriptors_are_on_the_edition_page(built_site):
    paragraphs = source_paragraphs()
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("The rating characteristics indicate"))
    end = paragraphs.index("1.1 Leadership")
    page = text_of(BeautifulSoup((built_site / "standards/2018/index.html").read_text(), "html.parser").select_one("article"))
    for paragraph in paragraphs[start:end]:
        for item in re.split(r"\s*- ", paragraph):
            assert item.strip() in page, item
