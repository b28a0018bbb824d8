"""Read the site's citation files as reference managers do, strictly: for tests.

RIS with `rispy`, after checking the structure rispy forgives (every line a tag, `TY`
first and `ER` last in each record, CRLF line ends); BibTeX with `bibtexparser`, whose
values are then read as LaTeX would print them (`pylatexenc`), so an escaped `\\%`
reads `%`.
"""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
import rispy
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - .*")
#: The tags the site writes; any other would have been made by the content.
RIS_TAGS = {"TY", "AU", "TI", "T2", "PY", "DA", "UR", "ER"}
BIBTEX_FIELDS = {"author", "title", "howpublished", "year", "month", "url"}


class FormatError(AssertionError):
    """A citation file that a reference manager would misread."""


def read_ris(text: str) -> list[dict]:
    """The records of a RIS file, as rispy reads them, once its structure is checked."""
    if not text.endswith("\r\n"):
        raise FormatError("a RIS file ends with a line end (CRLF)")
    lines = text.splitlines()    # as a lenient reader splits: at any line break
    for number, line in enumerate(lines, 1):
        if not RIS_LINE.fullmatch(line) or line[:2] not in RIS_TAGS:
            raise FormatError(f"line {number} is not one of the site's tags: {line[:60]!r}")
    tags = [line[:2] for line in lines]
    records = "".join("[" if tag == "TY" else "]" if tag == "ER" else "" for tag in tags)
    if tags[0] != "TY" or tags[-1] != "ER" or records != "[]" * tags.count("TY"):
        raise FormatError(f"records do not each run from TY to ER: {tags}")
    return rispy.loads(text)


def _latex_context():
    context = get_default_latex_context_db()
    # pylatexenc prints \textasciicircum as U+02C6; LaTeX prints the ASCII circumflex.
    context.add_context_category("ascii", prepend=True, macros=[MacroTextSpec("textasciicircum", "^")])
    return context


_LATEX = LatexNodes2Text(latex_context=_latex_context())


def read_bibtex(text: str) -> list[dict]:
    """The entries of a BibTeX file: type, key and each field as LaTeX would print it."""
    library = bibtexparser.parse_string(text)
    if library.failed_blocks or library.comments or library.strings or library.preambles:
        raise FormatError(f"not only entries: {[block.raw[:60] for block in library.blocks]}")
    entries = []
    for entry in library.entries:
        unknown = {field.key for field in entry.fields} - BIBTEX_FIELDS
        if unknown:
            raise FormatError(f"fields the site does not write: {sorted(unknown)}")
        fields = {field.key: (field.value if field.key == "url" else _LATEX.latex_to_text(field.value))
                  for field in entry.fields}
        entries.append({"type": entry.entry_type, "key": entry.key, **fields})
    return entries


def read_citation_file(path: Path) -> list[dict]:
    """A `.ris` or `.bib` file's records, read as bytes (so RIS's CRLF stays as written)."""
    text = path.read_bytes().decode("utf-8")
    return read_ris(text) if path.suffix == ".ris" else read_bibtex(text)
