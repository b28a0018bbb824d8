"""The guidance library's content model: guides, position statements, glossary, principles.

Like `model.py`, every class forbids unknown fields and knows nothing of MkDocs.
Guides and position statements are Markdown files whose YAML front matter is
validated by `Guide` and `PositionStatement`; the Markdown below the front matter
is their text. The glossary and the principles are single YAML files.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Optional

from pydantic import Field, model_validator

from standards_site.core.errors import FieldProblem
from standards_site.core.types import Id, LabelledEnum, PartialDate, Strict, Tag, Text

#: A tag: lower-case words joined by single hyphens, e.g. `serious-further-offences`.


class GuideKind(LabelledEnum):
    """What sort of practice a guide describes."""

    EFFECTIVE = "effective-practice"
    INNOVATIVE = "innovative-practice"


class Audience(LabelledEnum):
    """Who a guide is written for."""

    PRACTITIONERS = "practitioners"
    MANAGERS = "managers"
    LEADERS = "leaders"


class GuideStatus(str, Enum):
    """`draft` guides are never published (only previewed); `withdrawn` ones stay online with a notice."""

    DRAFT = "draft"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class PositionStatus(str, Enum):
    """`draft` statements are never published (only previewed); `withdrawn` ones stay online with a notice."""

    DRAFT = "draft"
    CURRENT = "current"
    WITHDRAWN = "withdrawn"


class QuotedSource(Strict):
    """The published document that quoted text comes from.

    Example:
        ```yaml
        title: An example inspection report
        publisher: Example Inspectorate
        date: 2020-01
        section: "9. Organisational delivery standard – information and facilities findings"
        ```
    """

    title: Text
    publisher: Text
    date: PartialDate
    section: Optional[Text] = None


class _Dated(Strict):
    """Shared check: an item cannot be updated before it was published."""

    published: date
    updated: Optional[date] = None

    @model_validator(mode="after")
    def _updated_after_published(self):
        if self.updated is not None and self.updated < self.published:
            raise FieldProblem(("updated",),
                f"updated ({self.updated.isoformat()}) is earlier than published ({self.published.isoformat()})"
            )
        return self

    @property
    def last_changed(self) -> date:
        """The newest of the two dates: what index pages sort by."""
        return self.updated or self.published


class Guide(_Dated):
    """The front matter of an effective-practice guide, `standards/guides/<slug>.md`.

    Attributes:
        slug: The guide's permanent URL segment; must equal the file name.
        title: Display title.
        summary: One or two sentences shown on index pages and in the feed.
        audience: Who it is for: `practitioners`, `managers`, `leaders`.
        kind: `effective-practice` or `innovative-practice`.
        related_standards: Ids of standards in the current edition, e.g. `"1.4"`.
        tags: Topics to filter by, e.g. `wales`.
        source: The document quoted, when the guide quotes one.
        published: Date first published, `YYYY-MM-DD`.
        updated: Date of the last substantive change, if any.
        status: `draft`, `published` or `withdrawn`.
    """

    slug: Id
    title: Text
    summary: Text
    audience: list[Audience] = Field(min_length=1)
    kind: GuideKind
    related_standards: list[Id] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)
    source: Optional[QuotedSource] = None
    status: GuideStatus

    @property
    def is_draft(self) -> bool:
        return self.status is GuideStatus.DRAFT


class PositionStatement(_Dated):
    """The front matter of a position statement, `standards/positions/<slug>.md`.

    Attributes:
        slug: The statement's permanent URL segment; must equal the file name.
        title: Display title.
        summary: One or two sentences shown on index pages and in the feed.
        related_standards: Ids of standards in the current edition.
        tags: Topics to filter by.
        published: Date first published, `YYYY-MM-DD`.
        updated: Date of the last substantive change, if any.
        status: `draft`, `current` or `withdrawn`.
    """

    slug: Id
    title: Text
    summary: Text
    related_standards: list[Id] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)
    status: PositionStatus

    @property
    def is_draft(self) -> bool:
        return self.status is PositionStatus.DRAFT


class GlossaryTerm(Strict):
    """One glossary entry.

    Attributes:
        id: The term's permanent anchor on the glossary page (`#mappa`).
        term: The term as the source prints it.
        definition: The source's definition, word for word.
        abbreviations: Forms explained in place across the site (`MAPPA`), if any.
        expansion: The tooltip text for those forms; it must be words the term
            or definition already contains, so the tooltip quotes the source.

    Example:
        ```yaml
        - id: arms
          term: ARMS
          abbreviations: [ARMS]
          expansion: Active risk management system
          definition: "Active risk management system: provides an approved framework ..."
        ```
    """

    id: Id
    term: Text
    definition: Text
    abbreviations: list[Text] = Field(default_factory=list)
    expansion: Optional[Text] = None

    @model_validator(mode="after")
    def _expansion_quotes_the_source(self):
        if self.abbreviations and self.expansion is None:
            raise FieldProblem(("expansion",), "abbreviations need an expansion: the tooltip text shown for them")
        if self.expansion is not None and self.expansion not in f"{self.term} {self.definition}":
            raise FieldProblem(("expansion",),
                f"expansion '{self.expansion}' is not found in the term or its definition: "
                "the tooltip must quote the source's own words"
            )
        return self


class Glossary(Strict):
    """`standards/glossary.yml`: the source it is transcribed from and its terms, in source order."""

    source: QuotedSource
    terms: list[GlossaryTerm] = Field(min_length=1)


class Value(Strict):
    """One of the inspectorate's values: its name (`Integrity`) and text."""

    id: Id
    name: Text
    text: Text


class Principle(Strict):
    """One principle of inspection; `number` gives its anchor, `#principle-3`."""

    number: int = Field(ge=1)
    text: Text


class Principles(Strict):
    """`standards/principles.yml`: statement of purpose, values and principles of inspection."""

    source: QuotedSource
    purpose: list[Text] = Field(min_length=1)
    values_intro: list[Text] = Field(default_factory=list)
    values: list[Value] = Field(min_length=1)
    values_note: Optional[Text] = None
    principles: list[Principle] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered_in_order(self):
        numbers = [principle.number for principle in self.principles]
        expected = list(range(1, len(numbers) + 1))
        if numbers != expected:
            raise FieldProblem(("principles",), f"principles must be numbered 1 to {len(numbers)} in order; found {numbers}")
        return self
