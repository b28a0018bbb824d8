"""The content model: typed, documented, and free of any MkDocs import.

Every class forbids unknown fields, so a misspelt key in a YAML file is an error
rather than a silently ignored value. The JSON Schema in `schema/` is exported
from these classes (`standards-site schema`), so the two cannot drift apart.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

#: An id that is safe in a URL path segment and stable for citation: lower-case
#: letters, digits, dots and hyphens, starting with a letter or digit.
URL_SAFE_ID = r"^[a-z0-9][a-z0-9.\-]*$"

Id = Annotated[str, StringConstraints(pattern=URL_SAFE_ID, max_length=40)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
#: A publication date at the precision the source gives: `2018`, `2018-03` or `2018-03-14`.
PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class Strict(BaseModel):
    """Base for every content type: unknown fields are errors and values are immutable.

    pydantic's default (lax) mode never turns a YAML number into text, so `id: 1.2`
    is reported rather than silently becoming `"1.2"`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LabelledEnum(str, Enum):
    """An enum whose value is a stable, URL-safe key (`partly-agreed`) and whose
    label is how people write it (`Partly agreed`)."""

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


class RatingLevel(LabelledEnum):
    """The four rating levels, in order from best to worst.

    The value is the level's anchor on a standard page (`#requires-improvement`)
    and never changes: providers link to it.
    """

    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires-improvement"
    INADEQUATE = "inadequate"

    @property
    def field_name(self) -> str:
        """The key used for the level in YAML: `requires_improvement`."""
        return self.value.replace("-", "_")

    @classmethod
    def parse(cls, text: str) -> "RatingLevel":
        """Accept the anchor, the YAML key or the label: `Requires improvement` -> REQUIRES_IMPROVEMENT."""
        key = re.sub(r"[\s_]+", "-", text.strip().lower())
        return cls(key)


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
        publisher: HMI Probation
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


class LevelDescriptors(Strict):
    """Overall descriptors, one optional entry per rating level (the 2018 source gives two)."""

    outstanding: Optional[LevelDescriptor] = None
    good: Optional[LevelDescriptor] = None
    requires_improvement: Optional[LevelDescriptor] = None
    inadequate: Optional[LevelDescriptor] = None

    def present(self) -> list[tuple[RatingLevel, LevelDescriptor]]:
        """The descriptors given, in rating order."""
        pairs = [(level, getattr(self, level.field_name)) for level in RatingLevel]
        return [(level, descriptor) for level, descriptor in pairs if descriptor is not None]


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
        level_descriptors: The overall descriptors of rating levels.
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
    level_descriptors: LevelDescriptors = Field(default_factory=LevelDescriptors)
    domains: list[Domain] = Field(min_length=1)
    supersedes: Optional[Id] = None
    retired: list[RetiredStandard] = Field(default_factory=list)


class Characteristic(Strict):
    """What one rating level looks like for one standard: a summary line, then paragraphs."""

    summary: Text
    paragraphs: list[Text] = Field(min_length=1)


class Characteristics(Strict):
    """The rating characteristics of a standard. All four levels are required."""

    outstanding: Characteristic
    good: Characteristic
    requires_improvement: Characteristic
    inadequate: Characteristic

    def by_level(self) -> list[tuple[RatingLevel, Characteristic]]:
        """The four levels in rating order, each with its characteristic."""
        return [(level, getattr(self, level.field_name)) for level in RatingLevel]


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
        characteristics:
          outstanding: {summary: ..., paragraphs: [...]}
          good: ...
          requires_improvement: ...
          inadequate: ...
        ```
    """

    id: Id
    domain: Id
    title: Text
    statement: Text
    key_questions: list[KeyQuestion] = Field(default_factory=list)
    characteristics: Characteristics
    #: What this standard replaces in the edition this edition supersedes (see `Replacement`).
    replaces: list[Replacement] = Field(default_factory=list)
