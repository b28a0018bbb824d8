"""The loaded framework: editions with their standards, and look-ups by id."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Optional

from standards_site.framework.model import Domain, Edition, EditionStatus, Standard


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


def _unknown(kind: str, wanted: str, known: dict, scope: str = "") -> str:
    message = f"there is no {kind} '{wanted}'{scope}"
    guesses = difflib.get_close_matches(wanted, list(known), n=1)
    if guesses:
        return f"{message}; did you mean '{guesses[0]}'?"
    return f"{message} (known: {', '.join(known) or 'none'})"
