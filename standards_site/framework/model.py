"""The content model: typed, documented, and free of any MkDocs import.

Every class forbids unknown fields, so a misspelt key in a YAML file is an error
rather than a silently ignored value. The JSON Schema in `schema/` is exported
from these classes (`standards-site schema`), so the two cannot drift apart.
"""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field

from standards_site.core.types import Id, LevelId, PartialDate, Strict, Text


class RatingLevel(Strict):
    """One level of an edition's rating scale.

    Example (in `edition.yml`):
        ```yaml
        rating_scale:
          - {id: outstanding, label: Outstanding}
          - {id: requires-improvement, label: Requires improvement}
        ```

    Attributes:
        id: The level's key under `characteristics:` and `level_descriptors:`, and its
            anchor on a standard page (`#requires-improvement`): providers link to it,
            so it never changes once published.
        label: How the level is written on the page.
    """

    id: LevelId
    label: Text


class EditionStatus(str, Enum):
    """Where an edition is in its life. Only `draft` editions are kept off the public site."""

    DRAFT = "draft"
    CURRENT = "current"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


class ReplacementKind(str, Enum):
    """How a standard of a new edition relates to a standard of the edition it supersedes.

    - `moved`: the same standard under a new id (renumbered), e.g. 1.2 became 2.1;
    - `renamed`: the same standard with a new title (and possibly a new id);
    - `split`: the old standard's content is now spread over several standards,
      each of which declares `split` from it;
    - `merged`: several old standards are now one; the new standard declares each
      of them as `merged`.

    A standard that keeps its id needs no declaration: it continues. An old standard
    with no successor is listed under the new edition's `retired`.
    """

    MOVED = "moved"
    RENAMED = "renamed"
    SPLIT = "split"
    MERGED = "merged"


class Replacement(Strict):
    """One line of a standard's `replaces` list: which old standard, how, and why.

    Example (in `editions/2021/standards/2.1.yml`):
        ```yaml
        replaces:
          - id: "1.2"
            how: moved
            reason: Staffing now sits in the new domain two.
        ```
    """

    id: Id
    how: ReplacementKind
    reason: Text


class RetiredStandard(Strict):
    """A standard of the superseded edition that has no successor in this edition.

    Its id is retired for good: no later edition may use it again, because the
    current-edition URL `/standards/current/<id>/` already says it was retired.
    """

    id: Id
    reason: Text


class SourceDocument(Strict):
    """The published document a piece of content was transcribed from.

    Example:
        ```yaml
        title: "Probation inspection: Domain one characteristics"
        publisher: Example Inspectorate
        date: 2018-03
        ```
    """

    title: Text
    publisher: Text
    date: PartialDate


class LevelDescriptor(Strict):
    """The overall descriptor of one rating level for a whole edition.

    Example: `intro` "The characteristics for 'outstanding' capture whether the
    organisation is:" followed by `items` "innovative and creative;" and so on.
    """

    intro: Text
    items: list[Text] = Field(min_length=1)


class Domain(Strict):
    """A group of standards. `standards` lists the ids of its standards in reading order."""

    id: Id
    title: Text
    standards: list[Id] = Field(min_length=1)


class Edition(Strict):
    """One edition of the standards framework, read from `editions/<id>/edition.yml`.

    Attributes:
        id: URL segment of the edition, e.g. `2018`; never reused.
        title: Display title of the edition.
        published: Publication date at the precision the source gives.
        status: `draft`, `current`, `superseded` or `withdrawn`.
        source: The document the text was transcribed from.
        preamble: Introductory paragraphs, in order.
        rating_scale: The edition's rating levels, best first (at least two).
        level_descriptors: Overall descriptors of some rating levels, keyed by level id.
        domains: The domains, in order, each listing its standards.
        supersedes: The id of the edition this one replaces, if any. Each edition is
            superseded by at most one other, so editions form a single line.
        retired: Standards of the superseded edition that have no successor here.
    """

    id: Id
    title: Text
    published: PartialDate
    status: EditionStatus
    source: SourceDocument
    preamble: list[Text] = Field(default_factory=list)
    rating_scale: list[RatingLevel] = Field(min_length=2)
    level_descriptors: dict[LevelId, LevelDescriptor] = Field(default_factory=dict)
    domains: list[Domain] = Field(min_length=1)
    supersedes: Optional[Id] = None
    retired: list[RetiredStandard] = Field(default_factory=list)


class Characteristic(Strict):
    """What one rating level looks like for one standard: a summary line, then paragraphs."""

    summary: Text
    paragraphs: list[Text] = Field(min_length=1)


class KeyQuestion(Strict):
    """A key question of a standard (id like `1.1.1`) with the prompts inspectors use."""

    id: Id
    text: Text
    prompts: list[Text] = Field(default_factory=list)


class Standard(Strict):
    """One standard, read from `editions/<edition>/standards/<id>.yml`.

    Example:
        ```yaml
        id: "1.2"
        domain: "1"
        title: Staff
        statement: Staff within the organisation are empowered to ...
        characteristics:        # one entry per level of the edition's rating_scale
          outstanding: {summary: ..., paragraphs: [...]}
          good: ...
          requires-improvement: ...
          inadequate: ...
        ```
    """

    id: Id
    domain: Id
    title: Text
    statement: Text
    key_questions: list[KeyQuestion] = Field(default_factory=list)
    #: The characteristic of every level of the edition's scale, keyed by level id
    #: (checked against the scale once the edition is loaded).
    characteristics: dict[LevelId, Characteristic] = Field(min_length=1)
    #: What this standard replaces in the edition this edition supersedes (see `Replacement`).
    replaces: list[Replacement] = Field(default_factory=list)
