"""Word-level differences between two texts, marked up for eyes and for screen readers.

`difflib.SequenceMatcher` compares the texts word by word. Deleted words are
wrapped in `<del>` (struck through), inserted words in `<ins>` (underlined); both
also carry visually hidden words ("deleted:", "inserted:", "end") so that a screen
reader, which usually ignores `<del>`/`<ins>`, announces the change. Colour is
only a third cue.

    >>> str(word_diff(["Staff are supported"], ["Staff are well supported"]).paragraphs[0])
    'Staff are <ins><span class="diff-marker">[inserted: </span>well<span class="diff-marker">]</span></ins> supported'

`side_by_side` gives the same comparison as two texts, each exactly as written, with
the words the other lacks marked (`delete` on the old side, `insert` on the new), as
plain words for a template to mark up (standard pages compare rating levels with it):

    >>> [[(s.kind, s.text) for s in p] for p in side_by_side(["are actively managed"], ["are inconsistently managed"]).new]
    [[('equal', 'are'), ('insert', 'inconsistently'), ('equal', 'managed')]]
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from markupsafe import Markup

from standards_site.core.rendering import md_escape

#: A token that stands for a paragraph break, so paragraphs are compared as one text.
_BREAK = "\u00b6"

#: The markup before and after a run of words (which are escaped with `md_escape`).
_WRAPPERS = {
    "insert": ('<ins><span class="diff-marker">[inserted: </span>', '<span class="diff-marker">]</span></ins>'),
    "delete": ('<del><span class="diff-marker">[deleted: </span>', '<span class="diff-marker">]</span></del>'),
    "equal": ("", ""),
}

Runs = list[tuple[str, list[str]]]   # (`equal` | `delete` | `insert`, words), in order


@dataclass(frozen=True)
class DiffStats:
    """How many words were inserted and deleted."""

    inserted: int
    deleted: int

    @property
    def unchanged(self) -> bool:
        return self.inserted == 0 and self.deleted == 0


@dataclass(frozen=True)
class WordDiff:
    """`new` against `old`: its paragraphs with changed words marked, and the counts."""

    paragraphs: list[Markup]
    stats: DiffStats


@dataclass(frozen=True)
class Segment:
    """A run of words of one side: `equal` (on both sides), `delete` (only in the old
    text) or `insert` (only in the new). `text` is the words as written, unescaped."""

    kind: str
    text: str


Paragraph = list[Segment]


@dataclass(frozen=True)
class SideBySide:
    """Two texts compared: each side's own paragraphs, every word of them in order,
    with the words the other side lacks marked; and the counts."""

    old: list[Paragraph]   # segments `equal` and `delete`
    new: list[Paragraph]   # segments `equal` and `insert`
    stats: DiffStats


def side_by_side(old: list[str], new: list[str]) -> SideBySide:
    """`old` and `new` (lists of paragraphs), each with the words the other lacks marked.

    Paragraphs are aligned as `word_diff` aligns them, and each side keeps its own
    paragraphs: joined, a side's segments are its text word for word.
    """
    if len(old) == len(new):
        paragraphs = [_runs(before.split(), after.split()) for before, after in zip(old, new)]
        old_side = [_side(runs, "delete") for runs in paragraphs]
        new_side = [_side(runs, "insert") for runs in paragraphs]
    else:
        whole = _runs(_tokens(old), _tokens(new))
        old_side = [_side(runs, "delete") for runs in _split_paragraphs(_kept(whole, "delete"))]
        new_side = [_side(runs, "insert") for runs in _split_paragraphs(_kept(whole, "insert"))]
    return SideBySide(
        old=[paragraph for paragraph in old_side if paragraph],
        new=[paragraph for paragraph in new_side if paragraph],
        stats=DiffStats(inserted=_count(new_side, "insert"), deleted=_count(old_side, "delete")),
    )


def _count(side: list[Paragraph], kind: str) -> int:
    return sum(len(segment.text.split()) for paragraph in side for segment in paragraph if segment.kind == kind)


def _kept(runs: Runs, kind: str) -> Runs:
    """The runs of one side: the equal ones and those of `kind`."""
    return [(run_kind, words) for run_kind, words in runs if run_kind in ("equal", kind)]


def _side(runs: Runs, kind: str) -> Paragraph:
    """One side's paragraph as segments, neighbouring runs of the same kind joined."""
    segments: list[tuple[str, list[str]]] = []
    for run_kind, words in _kept(runs, kind):
        if not words:
            continue
        if segments and segments[-1][0] == run_kind:
            segments[-1][1].extend(words)
        else:
            segments.append((run_kind, list(words)))
    return [Segment(run_kind, " ".join(words)) for run_kind, words in segments]


def word_diff(old: list[str], new: list[str]) -> WordDiff:
    """The paragraphs of `new` with the words that differ from `old` marked, and the counts.

    A paragraph break that exists on one side only starts a new paragraph too, so
    merged or divided paragraphs stay readable.

    With as many paragraphs on each side, each paragraph is compared with its
    counterpart: changes stay within their paragraph, and the work is a fraction of
    comparing the whole texts (difflib's work grows faster than the texts' length).
    Otherwise paragraphs were merged or divided, and the texts are compared as one.
    """
    if len(old) == len(new):
        paragraphs = [_runs(before.split(), after.split()) for before, after in zip(old, new)]
    else:
        paragraphs = _split_paragraphs(_runs(_tokens(old), _tokens(new)))
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    return WordDiff(paragraphs=[_render(paragraph) for paragraph in paragraphs], stats=_stats(paragraphs))


def _split_paragraphs(runs: Runs) -> list[Runs]:
    """Runs over the whole texts (paragraph breaks as `_BREAK` words) -> runs per paragraph."""
    paragraphs: list[Runs] = [[]]
    for kind, words in runs:
        pieces = _split_on_breaks(words)
        for number, piece in enumerate(pieces):
            if number > 0:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append((kind, piece))
    return paragraphs


def _stats(paragraphs: list[Runs]) -> DiffStats:
    counts = {"equal": 0, "insert": 0, "delete": 0}
    for paragraph in paragraphs:
        for kind, words in paragraph:
            counts[kind] += len(words)
    return DiffStats(inserted=counts["insert"], deleted=counts["delete"])


def _tokens(paragraphs: list[str]) -> list[str]:
    tokens: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number > 0:
            tokens.append(_BREAK)
        tokens += paragraph.split()
    return tokens


def _runs(old: list[str], new: list[str]) -> Runs:
    """Runs of (`equal` | `delete` | `insert`, words), deletions before insertions."""
    if old == new:  # most text carries over unchanged from one edition to the next
        return [("equal", new)] if new else []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    runs: Runs = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("equal", new[b1:b2]))
        if op in ("delete", "replace"):
            runs.append(("delete", old[a1:a2]))
        if op in ("insert", "replace"):
            runs.append(("insert", new[b1:b2]))
    return runs


def _split_on_breaks(words: list[str]) -> list[list[str]]:
    """`[a, BREAK, b]` -> `[[a], [b]]`; a lone BREAK -> `[[], []]` (a new paragraph starts)."""
    pieces: list[list[str]] = [[]]
    for word in words:
        if word == _BREAK:
            pieces.append([])
        else:
            pieces[-1].append(word)
    return pieces


def _render(paragraph: Runs) -> Markup:
    # Plain concatenation of escaped words and our fixed markup: Markup.format was a
    # third of the time of a 4,500-page build's compare pages.
    return Markup(" ".join(
        _WRAPPERS[kind][0] + str(md_escape(" ".join(words))) + _WRAPPERS[kind][1] for kind, words in paragraph
    ))
