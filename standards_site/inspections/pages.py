"""Generate the inspection pages: {source path: Markdown}, pure functions of the content.

- `inspections/` lists every inspection;
- `inspections/<id>/` is one report: summary, the ratings it states, its recommendations
  (anchors `#recommendation-<n>`);
- `inspections/<id>/action-plan/` tracks the action plan: each recommendation with its
  response and actions, filters, and counts drawn as a chart with a table behind it;
- each standard page gets a section listing the recommendations filed under it
  (`recommendations_section`, listed in `site/generated.py`'s `PAGE_PARTS`).

"Overdue" needs a date to be judged against. It is given at build time and never taken
from the build clock: the build's `overdue_as_of` setting (the plugin option, which
mkdocs.yml reads from `OVERDUE_AS_OF=YYYY-MM-DD`), or the fixed default. The tracker
page says which date it used.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

from markupsafe import Markup

from standards_site.core.dates import long_date, month_year, partial_date
from standards_site.core import urls
from standards_site.site.content import SiteContent
from standards_site.framework.editions import FrameworkEdition
from standards_site.inspections.model import Action, Agreement, Organisation, Recommendation, Response
from standards_site.inspections.loading import InspectionRecord, reading_of
from standards_site.framework.model import Standard
from standards_site.core.rendering import render
from standards_site.inspections.target_dates import TargetStatus

INSPECTIONS_HOME = "inspections/index.md"


def inspection_page(inspection_id: str) -> str:
    """`inspections/<id>/index.md`"""
    return f"inspections/{inspection_id}/index.md"


def action_plan_page(inspection_id: str) -> str:
    """`inspections/<id>/action-plan/index.md`"""
    return f"inspections/{inspection_id}/action-plan/index.md"


def inspection_pages(content: SiteContent, as_of: Optional[date] = None) -> dict[str, str]:
    """The inspections index, and for each inspection its page and its tracker."""
    as_of = as_of or content.settings.overdue_as_of
    records = list(content.inspections.records.values())
    pages = {INSPECTIONS_HOME: inspections_home(records)}
    for record in records:
        pages[inspection_page(record.id)] = inspection_report_page(content, record)
        if record.action_plan is not None:
            pages[action_plan_page(record.id)] = tracker_page(content, record, as_of)
    return pages


def inspections_home(records: list[InspectionRecord]) -> str:
    here = INSPECTIONS_HOME
    items = []
    for record in records:
        plan = record.action_plan
        items.append((
            record,
            urls.relative_link(here, inspection_page(record.id)),
            _date(record.inspection.published),
            (urls.relative_link(here, action_plan_page(record.id)), _date(plan.submitted)) if plan else None,
        ))
    return render("inspections/inspections_home.md.j2", items=items)


# -- the inspection page --------------------------------------------------------------------------

@dataclass(frozen=True)
class RecommendationGroup:
    """Consecutive recommendations under one standard, addressed to one organisation."""

    standard: Standard
    standard_link: str
    organisation: Organisation
    recommendations: list


def inspection_report_page(content: SiteContent, record: InspectionRecord) -> str:
    here = inspection_page(record.id)
    inspection = record.inspection
    edition = content.framework.edition(inspection.framework_edition)
    plan_link = urls.relative_link(here, action_plan_page(record.id)) if record.action_plan else None
    return render(
        "inspections/inspection.md.j2",
        inspection=inspection,
        published=_date(inspection.published),
        fieldwork=_date(inspection.fieldwork_started) if inspection.fieldwork_started else None,
        inspected=[record.organisation(o) for o in inspection.inspected],
        edition=edition.edition,
        edition_link=urls.relative_link(here, urls.edition_page(edition.id)),
        ratings=_rating_rows(inspection, edition, here),
        groups=_groups(record, edition, here, plan_link),
        plan=record.action_plan,
        plan_link=plan_link,
        plan_submitted=_date(record.action_plan.submitted) if record.action_plan else None,
    )


def _rating_rows(inspection, edition: FrameworkEdition, here: str) -> list:
    if inspection.ratings is None:
        return []
    rows = []
    for rating in inspection.ratings.by_standard:
        standard = edition.standards[rating.standard]
        given = [(level, rating.counts[level.id]) for level in edition.rating_scale if level.id in rating.counts]
        not_stated = inspection.ratings.units - sum(count for _, count in given)
        link = urls.relative_link(here, urls.standard_page(edition.id, standard.id))
        rows.append((standard, link, given, not_stated, rating.statement))
    return rows


def _groups(record: InspectionRecord, edition: FrameworkEdition, here: str, plan_link: Optional[str]) -> list:
    groups: list[RecommendationGroup] = []
    for rec in record.inspection.recommendations:
        organisation = record.organisation(rec.addressed_to)
        response = record.response_to(rec)
        item = (rec, response, Markup(f"{plan_link}#recommendation-{rec.number}") if plan_link else None)
        if groups and groups[-1].standard.id == rec.standard and groups[-1].organisation == organisation:
            groups[-1].recommendations.append(item)
            continue
        standard = edition.standards[rec.standard]
        link = urls.relative_link(here, urls.standard_page(edition.id, standard.id))
        groups.append(RecommendationGroup(standard, link, organisation, [item]))
    return groups


# -- the action-plan tracker ----------------------------------------------------------------------

@dataclass(frozen=True)
class TrackedAction:
    """An action as the tracker shows it: the source's text with what was read from it."""

    number: int
    action: Action
    status: TargetStatus
    due: Optional[str]
    overdue: bool


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a label, a count and its share of the largest count (0-100)."""

    key: str
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class TrackerItem:
    """One recommendation on the tracker, with its response (None: not answered) and actions."""

    recommendation: Recommendation
    response: Optional[Response]
    actions: list[TrackedAction]
    standard: Standard
    organisation: Organisation


def tracker_page(content: SiteContent, record: InspectionRecord, as_of: date) -> str:
    here = action_plan_page(record.id)
    plan = record.action_plan
    assert plan is not None
    edition = content.framework.edition(record.inspection.framework_edition)
    items = [_tracker_item(record, rec, edition, as_of) for rec in record.inspection.recommendations]
    answered = [item.response for item in items if item.response is not None]
    all_actions = [action for item in items for action in item.actions]
    agreements = Counter(response.agreement for response in answered)
    statuses = Counter(action.status for action in all_actions)
    standards_used = [s for s in edition.standards.values() if any(item.standard.id == s.id for item in items)]
    return render(
        "inspections/action_plan.md.j2",
        inspection=record.inspection,
        plan=plan,
        submitted=_date(plan.submitted),
        inspection_link=urls.relative_link(here, inspection_page(record.id)),
        standard_links={s.id: urls.relative_link(here, urls.standard_page(edition.id, s.id)) for s in standards_used},
        items=items,
        warnings=record.warnings,
        unanswered=record.unanswered(),
        as_of=_long_date(as_of),
        as_of_iso=as_of.isoformat(),
        agreement_bars=_bars([(a.value, a.label, agreements.get(a, 0)) for a in Agreement]),
        status_bars=_bars([(s.value, s.label, statuses.get(s, 0)) for s in TargetStatus]),
        overdue_count=sum(action.overdue for action in all_actions),
        action_count=len(all_actions),
        answered=len(answered),
        standards=standards_used,
        agreements=list(Agreement),
        statuses=list(TargetStatus),
    )


def _tracker_item(record: InspectionRecord, rec: Recommendation, edition: FrameworkEdition, as_of: date) -> TrackerItem:
    response = record.response_to(rec)
    actions = response.actions if response else []
    return TrackerItem(
        recommendation=rec,
        response=response,
        actions=[_tracked(number, action, as_of) for number, action in enumerate(actions, 1)],
        standard=edition.standards[rec.standard],
        organisation=record.organisation(rec.addressed_to),
    )


def _tracked(number: int, action: Action, as_of: date) -> TrackedAction:
    reading = reading_of(action)
    due = _long_month(reading.due) if reading.due else None
    return TrackedAction(number, action, reading.status, due, reading.overdue(as_of))


def _bars(rows: list[tuple[str, str, int]]) -> list[Bar]:
    """Bars scaled to the largest count; a non-zero count is never drawn as nothing."""
    largest = max((count for _, _, count in rows), default=0) or 1
    return [Bar(key, label, count, max(round(100 * count / largest), 1 if count else 0))
            for key, label, count in rows]


def tracker_filters_css(content: SiteContent) -> str:
    """CSS for the tracker's standard filter: one rule for each standard a tracker lists.

    The tracker filters without JavaScript, from the form's own state: each rule hides
    what the selected option excludes (`:has()` reads the selected `<option>`), and the
    script only mirrors the state into the URL. The answer, status and overdue filters
    have fixed values, and their rules are in assets/stylesheets/inspections.css; the
    standards differ from site to site, so theirs are written here, into a part of the
    site's one stylesheet (`urls.TRACKER_FILTERS_CSS`), not into the page (a `<style>`
    belongs in the `<head>`). Standard ids are URL-safe (letters, digits, dots,
    hyphens), so they are safe inside the quotes.
    """
    standard_ids = dict.fromkeys(
        rec.standard for record in content.inspections.records.values() if record.action_plan is not None
        for rec in record.inspection.recommendations
    )
    header = "/* The action-plan tracker's standard filter, one rule per standard on a tracker:\n" \
             " * written by standards_site/inspections/pages.py from the content. */\n"
    if not standard_ids:
        return header
    rules = [f'.tracker:has(#filter-standard option[value="{standard_id}"]:checked) '
             f'.tracker-item:not([data-standard="{standard_id}"])' for standard_id in standard_ids]
    return header + ",\n".join(rules) + " {\n  display: none;\n}\n"


# -- the section on each standard page ------------------------------------------------------------

def recommendations_section(content: SiteContent, edition: FrameworkEdition, standard: Standard, here: str) -> str:
    """The recommendations filed under a standard, by inspection: a section of its page."""
    found = content.inspections.recommendations_under(edition.id, standard.id)
    if not found:
        return ""
    by_inspection: dict[str, tuple] = {}
    for record, rec in found:
        if record.id not in by_inspection:
            link = urls.relative_link(here, inspection_page(record.id))
            by_inspection[record.id] = (record.inspection, link, _date(record.inspection.published), [])
        anchor = f"#recommendation-{rec.number}"
        response = record.response_to(rec)
        plan_link = Markup(urls.relative_link(here, action_plan_page(record.id)) + anchor) if response else None
        rec_link = Markup(urls.relative_link(here, inspection_page(record.id)) + anchor)
        by_inspection[record.id][3].append(
            (rec, record.organisation(rec.addressed_to), rec_link, response, plan_link, record.action_plan))
    return render("inspections/standard_recommendations.md.j2", standard=standard, inspections=list(by_inspection.values()))


# -- dates ----------------------------------------------------------------------------------------

_date = partial_date
_long_date = long_date
_long_month = month_year


__all__ = [
    "action_plan_page", "inspection_page", "inspection_pages",
    "recommendations_section",
]
