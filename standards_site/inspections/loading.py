"""Load and validate inspections and their action plans from `standards/inspections/`.

Each inspection is a folder `inspections/<id>/` with `inspection.yml` and, once the
organisations inspected have answered, `action-plan.yml`. Loading runs in two phases
like the framework loader: each file is validated against the model on its own, then
references are resolved (standards in the framework, organisations, recommendation
numbers). Every error is collected and raised once.

A recommendation the action plan does not answer is not an error (plans are sometimes
incomplete) but it is never dropped: it becomes a warning that the tracker page lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Optional

from standards_site.core.content_loader import ContentLoader
from standards_site.core.errors import ContentError, ContentErrors, display_path
from standards_site.core.suggest import unknown
from standards_site.framework.editions import Framework, UnknownReference
from standards_site.inspections.model import Action, ActionPlan, Inspection, Organisation, Recommendation, Response
from standards_site.inspections.target_dates import TargetReading, UnreadableTarget, read_target

INSPECTIONS_DIR = "inspections"
INSPECTION_FILE = "inspection.yml"
ACTION_PLAN_FILE = "action-plan.yml"


@dataclass(frozen=True)
class InspectionRecord:
    """One inspection with its action plan (if submitted) and the warnings found.

    Attributes:
        inspection: The report.
        action_plan: The answer to it, or None before one is submitted.
        warnings: Problems that do not stop the build but must be shown (a recommendation
            with no response), each naming the file and field.
    """

    inspection: Inspection
    action_plan: Optional[ActionPlan] = None
    warnings: list[ContentError] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.inspection.id

    def organisation(self, organisation_id: str) -> Organisation:
        return next(o for o in self.inspection.organisations if o.id == organisation_id)

    def response_to(self, recommendation: Recommendation) -> Optional[Response]:
        if self.action_plan is None:
            return None
        return next((r for r in self.action_plan.responses if r.recommendation == recommendation.number), None)

    def unanswered(self) -> list[Recommendation]:
        """Recommendations the action plan gives no response to (empty without a plan)."""
        if self.action_plan is None:
            return []
        return [rec for rec in self.inspection.recommendations if self.response_to(rec) is None]


def reading_of(action: Action) -> TargetReading:
    """The due date and status read from an action's target (validated when loaded)."""
    return read_target(action.target)


@dataclass(frozen=True)
class Inspections:
    """Every inspection, keyed by id, most recently published first."""

    records: dict[str, InspectionRecord] = field(default_factory=dict)

    def recommendations_under(self, edition_id: str, standard_id: str) -> list[tuple[InspectionRecord, Recommendation]]:
        """Every recommendation filed under a standard of an edition, newest inspection first."""
        return list(self._by_standard.get((edition_id, standard_id), ()))

    @cached_property
    def _by_standard(self) -> dict[tuple[str, str], list[tuple[InspectionRecord, Recommendation]]]:
        # Built once: every standard page asks, and searching all recommendations for each
        # would grow with standards x inspections.
        index: dict[tuple[str, str], list] = {}
        for record in self.records.values():
            for rec in record.inspection.recommendations:
                index.setdefault((record.inspection.framework_edition, rec.standard), []).append((record, rec))
        return index


def load_inspections(root: Path, framework: Optional[Framework]) -> Inspections:
    """Load every inspection under `root/inspections/`.

    `framework` is None when the framework itself failed to load; references to
    standards are then not checked (its own errors are reported instead).

    Raises:
        ContentErrors: with every problem found in every file.
    """
    loader = _InspectionLoader(root, framework)
    records = loader.load()
    if loader.errors:
        raise ContentErrors(loader.errors)
    ordered = sorted(records, key=lambda r: r.inspection.published, reverse=True)
    return Inspections({record.id: record for record in ordered})


class _InspectionLoader(ContentLoader):
    def __init__(self, root: Path, framework: Optional[Framework]):
        super().__init__(root)
        self.framework = framework

    def load(self) -> list[InspectionRecord]:  # type: ignore[override]
        folder = self.root / INSPECTIONS_DIR
        records = []
        for inspection_dir in sorted(p for p in folder.glob("*") if p.is_dir()):
            record = self.load_inspection(inspection_dir)
            if record is not None:
                records.append(record)
        return records

    def load_inspection(self, inspection_dir: Path) -> Optional[InspectionRecord]:
        inspection_file = inspection_dir / INSPECTION_FILE
        if not self.present(inspection_file):
            self.error(inspection_dir, None, "", f"missing {INSPECTION_FILE}: every inspection folder needs one")
            return None
        inspection = self.load_model(inspection_file, Inspection)
        plan_file = inspection_dir / ACTION_PLAN_FILE
        plan = self.load_model(plan_file, ActionPlan) if self.present(plan_file) else None
        if inspection is None:
            return None
        self.check_name_matches_id(inspection_file, inspection.id, inspection_dir.name, "folder")
        self.check_inspection(inspection_file, inspection)
        warnings: list[ContentError] = []
        if plan is not None:
            self.check_action_plan(plan_file, plan, inspection)
            warnings = self.unanswered_warnings(plan_file, plan, inspection)
        return InspectionRecord(inspection=inspection, action_plan=plan, warnings=warnings)

    # -- the report ------------------------------------------------------------------------------

    def check_inspection(self, path: Path, inspection: Inspection) -> None:
        organisation_ids = self.check_organisations(path, inspection)
        for index, organisation_id in enumerate(inspection.inspected):
            if organisation_id not in organisation_ids:
                self.field_error(path, ("inspected", index), _no_such_organisation(organisation_id, organisation_ids))
        edition_ok = self.check_edition(path, inspection)
        first_index: dict[int, int] = {}
        for index, rec in enumerate(inspection.recommendations):
            if rec.number in first_index:
                self.field_error(path, ("recommendations", index, "number"),
                                 f"duplicate recommendation number {rec.number}: also used by "
                                 f"recommendations[{first_index[rec.number]}]; each number must be unique")
            first_index.setdefault(rec.number, index)
            if edition_ok:
                self.check_standard(path, ("recommendations", index, "standard"), rec.standard,
                                    inspection.framework_edition)
            if rec.addressed_to not in organisation_ids:
                self.field_error(path, ("recommendations", index, "addressed_to"),
                                 _no_such_organisation(rec.addressed_to, organisation_ids))
        if inspection.ratings is not None:
            self.check_ratings(path, inspection, edition_ok)

    def check_organisations(self, path: Path, inspection: Inspection) -> list[str]:
        seen: list[str] = []
        for index, organisation in enumerate(inspection.organisations):
            if organisation.id in seen:
                self.field_error(path, ("organisations", index, "id"), f"duplicate organisation id '{organisation.id}'")
            seen.append(organisation.id)
        return seen

    def check_edition(self, path: Path, inspection: Inspection) -> bool:
        if self.framework is None:
            return False
        try:
            self.framework.edition(inspection.framework_edition)
        except UnknownReference as problem:
            self.field_error(path, ("framework_edition",), str(problem))
            return False
        return True

    def check_standard(self, path: Path, location: tuple, standard_id: str, edition_id: str) -> None:
        assert self.framework is not None
        try:
            self.framework.standard(standard_id, edition_id)
        except UnknownReference as problem:
            self.field_error(path, location, str(problem))

    def check_levels(self, path: Path, where: tuple, counts: dict[str, int], edition_id: str) -> None:
        assert self.framework is not None
        scale = [level.id for level in self.framework.edition(edition_id).rating_scale]
        for level_id in counts:
            if level_id not in scale:
                self.field_error(path, where + ("counts", level_id),
                                 unknown(f"'{level_id}' is not a level of the rating_scale of edition {edition_id}",
                                         level_id, scale))

    def check_ratings(self, path: Path, inspection: Inspection, edition_ok: bool) -> None:
        ratings = inspection.ratings
        assert ratings is not None
        seen: set[str] = set()
        for index, rating in enumerate(ratings.by_standard):
            where = ("ratings", "by_standard", index)
            if rating.standard in seen:
                self.field_error(path, where + ("standard",),
                                 f"standard '{rating.standard}' already has ratings in this list")
            seen.add(rating.standard)
            if edition_ok:
                self.check_standard(path, where + ("standard",), rating.standard, inspection.framework_edition)
                self.check_levels(path, where, rating.counts, inspection.framework_edition)
            total = sum(rating.counts.values())
            if total > ratings.units:
                self.field_error(path, where, f"the counts add up to {total}, more than the {ratings.units} "
                                 "units rated (ratings.units)")

    # -- the action plan -------------------------------------------------------------------------

    def check_action_plan(self, path: Path, plan: ActionPlan, inspection: Inspection) -> None:
        if plan.inspection != inspection.id:
            self.field_error(path, ("inspection",),
                             f"the action plan names inspection '{plan.inspection}' but sits in the folder of "
                             f"'{inspection.id}': they must agree")
        numbers = {rec.number for rec in inspection.recommendations}
        answered: dict[int, int] = {}
        inspection_file = display_path(path.parent / INSPECTION_FILE, self.root)
        for index, response in enumerate(plan.responses):
            location = ("responses", index, "recommendation")
            if response.recommendation not in numbers:
                self.field_error(path, location,
                                 f"there is no recommendation {response.recommendation} in {inspection_file} "
                                 f"(its recommendations are numbered {_number_ranges(numbers)})")
            elif response.recommendation in answered:
                self.field_error(path, location,
                                 f"recommendation {response.recommendation} already has a response "
                                 f"(responses[{answered[response.recommendation]}]): give each one response")
            answered.setdefault(response.recommendation, index)
            for a_index, action in enumerate(response.actions):
                try:
                    read_target(action.target)
                except UnreadableTarget as problem:
                    self.field_error(path, ("responses", index, "actions", a_index, "target"), str(problem))

    def unanswered_warnings(self, path: Path, plan: ActionPlan, inspection: Inspection) -> list[ContentError]:
        answered = {response.recommendation for response in plan.responses}
        return [
            ContentError(display_path(path, self.root), None, "responses",
                         f"recommendation {rec.number} has no response in the action plan")
            for rec in inspection.recommendations
            if rec.number not in answered
        ]


def _no_such_organisation(wanted: str, known: list[str]) -> str:
    return (f"there is no organisation '{wanted}' in this inspection's 'organisations' "
            f"(known: {', '.join(known) or 'none'})")


def _number_ranges(numbers: set[int]) -> str:
    """`{1, 2, 3, 5}` -> `1-3, 5`."""
    ordered = sorted(numbers)
    if not ordered:
        return "none"
    ranges, start, previous = [], ordered[0], ordered[0]
    for number in ordered[1:] + [None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        ranges.append(f"{start}-{previous}" if previous != start else f"{start}")
        if number is not None:
            start = previous = number
    return ", ".join(ranges)


__all__ = ["InspectionRecord", "Inspections", "load_inspections", "reading_of"]
