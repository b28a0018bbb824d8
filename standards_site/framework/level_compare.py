"""Two rating levels of a standard compared word by word, for its page.

A standard page lets the reader compare any two levels of the edition's rating scale:
each level's text exactly as written, with the words the other level lacks marked
(`core/word_diff.side_by_side`). The upper level (earlier in the scale) is the old
side, so going down the scale, "actively managed" in Good becomes "inconsistently
managed" in Requires improvement: `actively` is marked deleted, `inconsistently`
inserted. Summaries are compared with summaries, paragraphs with paragraphs.

The diffs are worked out here, at build time; the template
(`templates/framework/level_compare.html.j2`) marks them up. Nothing here knows the
levels' names or how many there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from standards_site.core.word_diff import DiffStats, Paragraph, SideBySide, side_by_side
from standards_site.framework.editions import FrameworkEdition
from standards_site.framework.model import RatingLevel, Standard


@dataclass(frozen=True)
class ComparedLevel:
    """One side of a comparison: a level, its summary and its paragraphs, marked."""

    level: RatingLevel
    position: int            # 1 for the first level of the scale
    summary: Paragraph
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class LevelPair:
    """Two levels of one standard compared; `upper` comes first in the scale.

    Attributes:
        upper: The level higher in the scale; words only it has are `delete` segments.
        lower: The other level; words only it has are `insert` segments.
        adjacent: Whether the two are next to each other in the scale (the pairs a page
            shows without JavaScript).
        stats: How many words the lower level adds and the upper one has that it lacks.
    """

    upper: ComparedLevel
    lower: ComparedLevel
    adjacent: bool
    stats: DiffStats

    @property
    def key(self) -> str:
        """`1-2`: the two positions in the scale, for element ids (level ids may be anything)."""
        return f"{self.upper.position}-{self.lower.position}"

    @property
    def rows(self) -> int:
        """Rows each side takes when shown side by side: heading, summary, paragraphs."""
        return 2 + max(len(self.upper.paragraphs), len(self.lower.paragraphs))


def level_pairs(edition: FrameworkEdition, standard: Standard) -> list[LevelPair]:
    """Every pair of levels of the edition's scale for `standard`, in scale order:
    (1, 2), (1, 3), ... (2, 3), ...

    Every pair, not only neighbours, because the reader may pick any two. For the
    2018 edition's four levels that is six pairs; the page weight this costs is
    measured in the README (Performance); a scale of many levels costs the square.
    """
    levels = [
        (position, level, characteristic)
        for position, (level, characteristic) in enumerate(edition.characteristics(standard), start=1)
    ]
    return [_pair(upper, lower) for upper, lower in combinations(levels, 2)]


def _pair(upper, lower) -> LevelPair:
    (upper_position, upper_level, upper_text), (lower_position, lower_level, lower_text) = upper, lower
    summary = _compared((upper_text.summary,), (lower_text.summary,))
    body = _compared(tuple(upper_text.paragraphs), tuple(lower_text.paragraphs))
    return LevelPair(
        upper=ComparedLevel(upper_level, upper_position, _one(summary.old), body.old),
        lower=ComparedLevel(lower_level, lower_position, _one(summary.new), body.new),
        adjacent=lower_position == upper_position + 1,
        stats=DiffStats(
            inserted=summary.stats.inserted + body.stats.inserted,
            deleted=summary.stats.deleted + body.stats.deleted,
        ),
    )


# The diffs are most of a standard page's generation time (a few milliseconds a page):
# texts that carry over unchanged to another edition, and every unchanged standard when
# `mkdocs serve` rebuilds after an edit, are compared once per process. Read-only results.
@lru_cache(maxsize=1 << 12)
def _compared(old: tuple[str, ...], new: tuple[str, ...]) -> SideBySide:
    return side_by_side(list(old), list(new))


def _one(paragraphs: list[Paragraph]) -> Paragraph:
    """A summary is one paragraph (an empty one has no segments)."""
    return paragraphs[0] if paragraphs else []
