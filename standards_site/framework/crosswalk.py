"""How the standards of one edition map onto another: the crosswalk.

A new edition names the edition it `supersedes`; each of its standards may say what
it `replaces` and how; the edition lists the standards it `retired`. From those
declarations this module derives, without any MkDocs import:

- the `Crosswalk` between an edition and the one it supersedes (one `Link` per
  old-to-new relation, including implicit continuations of an unchanged id);
- `trace`: where a standard of any edition went (or came from) in any other
  edition, following the chain of editions one step at a time.

Example: 2021 supersedes 2018, and 2021's standard 2.1 says
`replaces: [{id: "1.2", how: moved, reason: ...}]`. Then
`trace(framework, "2018", "1.2", "2021")` is one `Trace` ending at `2.1`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from standards_site.framework.editions import Framework, FrameworkEdition

#: How an old standard relates to a new one. The first four are declared in
#: `replaces`; `continued` is implied by an unchanged id; `retired` is declared on the
#: edition; `new` marks a new standard with no predecessor.
CONTINUED, RETIRED, NEW = "continued", "retired", "new"

HOW_LABELS = {
    CONTINUED: "same id",
    "moved": "moved (new id)",
    "renamed": "renamed",
    "split": "split",
    "merged": "merged",
    RETIRED: "retired",
    NEW: "new",
}


@dataclass(frozen=True)
class Link:
    """One relation between a standard of the old edition and one of the new.

    Attributes:
        old_id: The standard in the old edition, or None for a new standard.
        new_id: The standard in the new edition, or None when the old one was retired.
        how: `continued`, `moved`, `renamed`, `split`, `merged`, `retired` or `new`.
        reason: Why, as the new edition's authors wrote it (None for continuations).
    """

    old_id: Optional[str]
    new_id: Optional[str]
    how: str
    reason: Optional[str] = None

    @property
    def label(self) -> str:
        return HOW_LABELS[self.how]


@dataclass(frozen=True)
class Crosswalk:
    """The relations between an edition (`old`) and the edition that supersedes it (`new`)."""

    old: FrameworkEdition
    new: FrameworkEdition
    links: tuple[Link, ...]
    # Look-ups by id, so that tracing every standard stays linear in the number of standards.
    _by_old: dict = field(init=False, repr=False, compare=False)
    _by_new: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_old, by_new = defaultdict(list), defaultdict(list)
        for link in self.links:
            by_old[link.old_id].append(link)
            by_new[link.new_id].append(link)
        object.__setattr__(self, "_by_old", dict(by_old))
        object.__setattr__(self, "_by_new", dict(by_new))

    def successors(self, old_id: str) -> list[Link]:
        """Where an old standard went (a retired standard has one link with `new_id` None)."""
        return list(self._by_old.get(old_id, ()))

    def predecessors(self, new_id: str) -> list[Link]:
        """Where a new standard came from (a new standard has one link with `old_id` None)."""
        return list(self._by_new.get(new_id, ()))

    def by_old_standard(self) -> list[tuple[Optional[str], list[Link]]]:
        """Rows for a crosswalk table: each old standard in reading order, then new ones."""
        rows: list[tuple[Optional[str], list[Link]]] = [
            (old_id, self.successors(old_id)) for old_id in self.old.standards
        ]
        fresh = [link for link in self.links if link.old_id is None]
        if fresh:
            rows.append((None, fresh))
        return rows


# Editions are hashed by identity and loaded once per build, so the cache holds one
# crosswalk per pair of editions of the builds in memory (a few, under `mkdocs serve`).
@lru_cache(maxsize=32)
def crosswalk(old: FrameworkEdition, new: FrameworkEdition) -> Crosswalk:
    """Derive the crosswalk from `new`'s declarations (it must supersede `old`)."""
    links: list[Link] = []
    old_ids = old.standards
    for standard in new.standards.values():
        declared = [Link(r.id, standard.id, r.how.value, r.reason) for r in standard.replaces]
        if standard.id in old_ids and all(r.id != standard.id for r in standard.replaces):
            declared.insert(0, Link(standard.id, standard.id, CONTINUED))
        links += declared or [Link(None, standard.id, NEW)]
    links += [Link(r.id, None, RETIRED, r.reason) for r in new.edition.retired]
    return Crosswalk(old=old, new=new, links=tuple(links))


def successor_edition(framework: Framework, edition_id: str) -> Optional[FrameworkEdition]:
    """The edition that supersedes `edition_id`, if one is in `framework`."""
    return next((e for e in framework.editions.values() if e.edition.supersedes == edition_id), None)


def predecessor_edition(framework: Framework, edition_id: str) -> Optional[FrameworkEdition]:
    """The edition that `edition_id` supersedes, if it is in `framework`."""
    supersedes = framework.editions[edition_id].edition.supersedes
    return framework.editions.get(supersedes) if supersedes else None


def chain(framework: Framework, edition_id: str) -> list[FrameworkEdition]:
    """The editions linked to `edition_id` by `supersedes`, oldest first (it included)."""
    older: list[FrameworkEdition] = []
    here: Optional[FrameworkEdition] = framework.editions[edition_id]
    while here is not None and here not in older:
        older.insert(0, here)
        here = predecessor_edition(framework, here.id)
    newer = successor_edition(framework, edition_id)
    while newer is not None and newer not in older:
        older.append(newer)
        newer = successor_edition(framework, newer.id)
    return older


def crosswalks(framework: Framework) -> list[Crosswalk]:
    """Every pair of editions in `framework` where one supersedes the other, newest first."""
    pairs = []
    for new in framework.editions.values():
        old = predecessor_edition(framework, new.id)
        if old is not None:
            pairs.append(crosswalk(old, new))
    return pairs


@dataclass(frozen=True)
class Trace:
    """Where a standard ends up in another edition, and the steps taken to get there.

    `target_id` is None when the trail stops: the standard was retired on the way
    forward, or was new on the way back.
    """

    target_id: Optional[str]
    steps: tuple[Link, ...]

    @property
    def how(self) -> str:
        """The single step's relation, or the relations of each step joined by ', then '."""
        return ", then ".join(step.label for step in self.steps)

    @property
    def ended(self) -> Optional[Link]:
        """The step at which the trail stopped (retired or new), if it did."""
        return self.steps[-1] if self.target_id is None else None


def trace(framework: Framework, from_edition: str, standard_id: str, to_edition: str) -> list[Trace]:
    """Every equivalent in `to_edition` of standard `standard_id` of `from_edition`.

    Empty when the editions are not on one line of `supersedes` links.
    """
    line = [e.id for e in chain(framework, from_edition)]
    if to_edition not in line or to_edition == from_edition:
        return []
    start, end = line.index(from_edition), line.index(to_edition)
    step = 1 if end > start else -1
    trails = [Trace(standard_id, ())]
    for index in range(start, end, step):
        walk = _walk_between(framework, line[index], line[index + step])
        trails = [extended for trail in trails for extended in walk(trail)]
    unique: dict[Optional[str], Trace] = {}
    for trail in trails:
        unique.setdefault(trail.target_id, trail)
    return list(unique.values())


def _walk_between(framework: Framework, here: str, there: str):
    """A function that extends a trail from edition `here` to the adjacent edition `there`."""
    forward = framework.editions[there].edition.supersedes == here
    old, new = (here, there) if forward else (there, here)
    cross = crosswalk(framework.editions[old], framework.editions[new])

    def extend(trail: Trace) -> list[Trace]:
        if trail.target_id is None:
            return [trail]
        links = cross.successors(trail.target_id) if forward else cross.predecessors(trail.target_id)
        return [
            Trace(link.new_id if forward else link.old_id, trail.steps + (link,))
            for link in links
        ]

    return extend
