"""The content model of inspections and action plans: typed, documented, no MkDocs import.

An inspection lives in `standards/inspections/<id>/`:

- `inspection.yml`: the report's metadata, the ratings it states and its recommendations
  (`Inspection`);
- `action-plan.yml` (optional until one is submitted): the response of the organisations
  inspected, recommendation by recommendation (`ActionPlan`).

Recommendations name a standard of the framework by id, within the edition the inspection
declares (`framework_edition`); the loader checks that the standard exists.
"""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field, NonNegativeInt, PositiveInt

from standards_site.core.types import Id, LabelledEnum, LevelId, PartialDate, Strict, Text
from standards_site.framework.model import SourceDocument


class InspectionKind(str, Enum):
    """What was inspected.

    - `national`: the national or central functions of an organisation;
    - `local`: one local or regional provider (a division, a company, a service);
    - `thematic`: one theme across several providers.
    """

    NATIONAL = "national"
    LOCAL = "local"
    THEMATIC = "thematic"


class Agreement(LabelledEnum):
    """How an action plan answers a recommendation. The value is used in URLs (`?agreement=`)."""

    AGREED = "agreed"
    PARTLY_AGREED = "partly-agreed"
    NOT_AGREED = "not-agreed"


class Organisation(Strict):
    """An organisation an inspection names: inspected, or addressed by a recommendation.

    Example:
        ```yaml
        id: example-trust
        name: Example Community Trust
        abbreviation: ECT
        ```
    """

    id: Id
    name: Text
    abbreviation: Optional[Text] = None


class StatedRating(Strict):
    """The ratings a report states for one standard: how many rated units got each level.

    Only levels the statement gives are filled in; the rest stay empty (not zero), so a
    reader is never told something the report did not say.

    Attributes:
        standard: The standard's id in the inspection's framework edition, e.g. `1.2`.
        counts: How many units got each level the statement gives, keyed by the level's id
            in the rating scale of the inspection's framework edition: `{good: 1,
            requires-improvement: 6}`.
        statement: The report's sentence that states the ratings, word for word.
    """

    standard: Id
    counts: dict[LevelId, NonNegativeInt] = Field(min_length=1)
    statement: Text


class StatedRatings(Strict):
    """Ratings the report states, per standard, for a set of rated units.

    Attributes:
        rated: What was rated, and when, in words: `NPS divisions, in the divisional
            inspections of July 2018 to May 2019`.
        units: How many units were rated (the counts of one standard add up to at most this).
        by_standard: One entry per standard, in the framework's order.
    """

    rated: Text
    units: PositiveInt
    by_standard: list[StatedRating] = Field(default_factory=list)


class Recommendation(Strict):
    """One numbered recommendation of a report.

    Example:
        ```yaml
        number: 7
        standard: "1.2"
        addressed_to: example-trust
        text: improve the accuracy and comprehensiveness of management information ...
        ```

    Attributes:
        number: The report's number; unique within the inspection and the anchor
            `#recommendation-<number>` on the inspection page.
        standard: The standard it falls under (id in the inspection's framework edition).
        addressed_to: The `id` of the organisation that should act.
        text: The recommendation, word for word (it continues "<organisation> should:").
    """

    number: PositiveInt
    standard: Id
    addressed_to: Id
    text: Text


class Inspection(Strict):
    """An inspection report, read from `inspections/<id>/inspection.yml`.

    Attributes:
        id: URL segment of the inspection (`/inspections/<id>/`); equals the folder name.
        title: The report's title.
        kind: `national`, `local` or `thematic`.
        published: Publication date at the precision the sources give.
        fieldwork_started: When fieldwork began, if the report says.
        inspectorate: Who inspected.
        organisations: Every organisation the inspection names, by id.
        inspected: Ids of the organisations inspected.
        source: The report the text was transcribed from.
        framework_edition: The edition whose standards the recommendations and ratings name.
        summary: Paragraphs from the report that summarise it, word for word.
        ratings: The ratings the report states, if any.
        recommendations: The recommendations, in the report's order.
    """

    id: Id
    title: Text
    kind: InspectionKind
    published: PartialDate
    fieldwork_started: Optional[PartialDate] = None
    inspectorate: Text
    organisations: list[Organisation] = Field(min_length=1)
    inspected: list[Id] = Field(min_length=1)
    source: SourceDocument
    framework_edition: Id
    summary: list[Text] = Field(default_factory=list)
    ratings: Optional[StatedRatings] = None
    recommendations: list[Recommendation] = Field(default_factory=list)


class Action(Strict):
    """One row of an action plan: what was done or planned, who owns it, and by when.

    Attributes:
        text: The response or action, word for word.
        owner: The responsible owner as the plan names them; empty where the plan gives none.
        target: The target date cell's text as the plan writes it ("March 2020",
            "Completed and ongoing"); empty where the plan gives none. The site reads a
            due date and a status from it (see `target_dates.py`).
    """

    text: Text
    owner: Optional[Text] = None
    target: Optional[Text] = None


class Response(Strict):
    """The action plan's answer to one recommendation."""

    recommendation: PositiveInt
    agreement: Agreement
    actions: list[Action] = Field(default_factory=list)


class ActionPlan(Strict):
    """An action plan, read from `inspections/<id>/action-plan.yml`.

    Attributes:
        inspection: The id of the inspection it answers (the folder's inspection).
        title: The plan's title.
        submitted: When it was submitted.
        submitted_by: Who submitted it, as the plan says.
        source: The document the text was transcribed from.
        responses: One per recommendation, each with its agreement and actions.
    """

    inspection: Id
    title: Text
    submitted: PartialDate
    submitted_by: Text
    source: SourceDocument
    responses: list[Response] = Field(default_factory=list)
