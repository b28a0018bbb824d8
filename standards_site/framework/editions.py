"""The loaded framework: editions with their standards, and look-ups by id."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from standards_site.core.suggest import unknown
from standards_site.framework.model import (
    Characteristic, Domain, Edition, EditionStatus, LevelDescriptor, RatingLevel, Standard,
)


class UnknownReference(LookupError):
    """A reference to an edition or standard that does not exist. The message suggests a fix."""


@dataclass(frozen=True, eq=False)
class FrameworkEdition:
    """An edition with its standards, keyed by standard id in reading order.

    Compared and hashed by identity (`eq=False`): an edition is loaded once per
    build, and derived data such as crosswalks is cached per pair of editions.
    """

    edition: Edition
    standards: dict[str, Standard] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.edition.id

    def standards_in(self, domain: Domain) -> list[Standard]:
        return [self.standards[standard_id] for standard_id in domain.standards]

    def domain_of(self, standard: Standard) -> Domain:
        return next(domain for domain in self.edition.domains if domain.id == standard.domain)

    @property
    def rating_scale(self) -> list[RatingLevel]:
        """The edition's rating levels, best first."""
        return self.edition.rating_scale

    def characteristics(self, standard: Standard) -> list[tuple[RatingLevel, Characteristic]]:
        """Each level of the scale, in order, with the standard's characteristic for it."""
        return [(level, standard.characteristics[level.id]) for level in self.rating_scale]

    def level_descriptors(self) -> list[tuple[RatingLevel, LevelDescriptor]]:
        """The overall descriptors the edition gives, in scale order."""
        given = self.edition.level_descriptors
        return [(level, given[level.id]) for level in self.rating_scale if level.id in given]

    def level(self, text: str) -> RatingLevel:
        """The level written as its id or its label, in any case: `Requires improvement`."""
        wanted = re.sub(r"[\s_]+", "-", str(text).strip().lower())
        for level in self.rating_scale:
            if wanted in (level.id, re.sub(r"\s+", "-", level.label.lower())):
                return level
        raise UnknownReference(
            _unknown("rating level", str(text), [level.id for level in self.rating_scale],
                     f" in the rating scale of edition {self.id}")
        )

    def same_scale(self, other: "FrameworkEdition") -> bool:
        """True when both editions rate on the same levels, in the same order."""
        return [level.id for level in self.rating_scale] == [level.id for level in other.rating_scale]


@dataclass(frozen=True)
class Framework:
    """Every edition of the framework, keyed by edition id, newest publication first."""

    editions: dict[str, FrameworkEdition]

    @property
    def current(self) -> Optional[FrameworkEdition]:
        """The edition whose status is `current`, if there is one."""
        return next(
            (e for e in self.editions.values() if e.edition.status is EditionStatus.CURRENT),
            None,
        )

    def edition(self, edition_id: Optional[str] = None) -> FrameworkEdition:
        """The edition `edition_id`, or the current edition when it is None."""
        if edition_id is None:
            if self.current is None:
                raise UnknownReference("no edition of the framework has status 'current'")
            return self.current
        edition_id = str(edition_id)
        if edition_id not in self.editions:
            raise UnknownReference(_unknown("edition", edition_id, self.editions))
        return self.editions[edition_id]

    def standard(self, standard_id: str, edition_id: Optional[str] = None) -> Standard:
        """The standard `standard_id` of an edition (default: the current edition)."""
        edition = self.edition(edition_id)
        standard_id = str(standard_id)
        if standard_id not in edition.standards:
            raise UnknownReference(
                _unknown("standard", standard_id, edition.standards, f" in edition {edition.id}")
            )
        return edition.standards[standard_id]


def _unknown(kind: str, wanted: str, known, scope: str = "") -> str:
    return unknown(f"there is no {kind} '{wanted}'{scope}", wanted, known)
