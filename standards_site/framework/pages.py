"""Generate the framework's pages from the loaded content: {source path: Markdown}.

The framework home, one page per edition and one per standard. Other content types
add sections and notices to a standard or edition page through `PageParts`, which the
site composes in one place (`standards_site/site/generated.py`); the framework knows
nothing of them. Pure functions of the content model; nothing is hand-written per standard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from markupsafe import Markup

from standards_site.core import urls
from standards_site.core.dates import partial_date
from standards_site.core.rendering import render
from standards_site.framework.citations import level_citations
from standards_site.framework.editions import Framework, FrameworkEdition
from standards_site.framework.level_compare import level_pairs
from standards_site.framework.model import Standard
from standards_site.site.content import SiteContent

#: A section or notice of a standard page: called with (content, edition, standard, page
#: path), it returns Markdown, or "" when it has nothing to show on that page.
StandardPart = Callable[[SiteContent, FrameworkEdition, Standard, str], str]
#: A notice at the top of an edition's page: called with (content, edition, page path).
EditionPart = Callable[[SiteContent, FrameworkEdition, str], str]


@dataclass(frozen=True)
class PageParts:
    """What other content types show on framework pages, each list in the order shown."""

    standard_notices: tuple[StandardPart, ...] = ()    # at the top, e.g. "this edition is superseded"
    standard_sections: tuple[StandardPart, ...] = ()   # below the characteristics
    edition_notices: tuple[EditionPart, ...] = ()


def framework_pages(content: SiteContent, parts: PageParts = PageParts()) -> dict[str, str]:
    """The framework home, every edition page and every standard page, by source path."""
    framework = content.framework
    pages = {urls.FRAMEWORK_HOME: framework_home(framework)}
    for edition in framework.editions.values():
        pages[urls.edition_page(edition.id)] = edition_page(edition, content, parts)
        for standard in edition.standards.values():
            pages[urls.standard_page(edition.id, standard.id)] = standard_page(content, edition, standard, parts)
    return pages


def framework_home(framework: Framework) -> str:
    here = urls.FRAMEWORK_HOME
    current = framework.current
    return render(
        "framework/framework_home.md.j2",
        scale=_scale_in_words(current or next(iter(framework.editions.values()))),
        current=current,
        current_domains=_domains_with_links(current, here) if current else [],
        worksheet_link=urls.relative_link(here, urls.self_assessment_page(current.id)) if current else None,
        editions=[
            (item, urls.relative_link(here, urls.edition_page(item.id)), partial_date(item.edition.published))
            for item in framework.editions.values()
        ],
    )


def edition_page(edition: FrameworkEdition, content: Optional[SiteContent] = None,
                 parts: PageParts = PageParts()) -> str:
    here = urls.edition_page(edition.id)
    notices = [notice(content, edition, here) for notice in parts.edition_notices] if content else []
    return render(
        "framework/edition.md.j2",
        notices=[Markup(notice) for notice in notices if notice],
        edition=edition.edition,
        published=partial_date(edition.edition.published),
        descriptors=edition.level_descriptors(),
        domains=_domains_with_links(edition, urls.edition_page(edition.id)),
        worksheet_link=urls.relative_link(here, urls.self_assessment_page(edition.id)),
    )


@dataclass(frozen=True)
class Neighbours:
    previous: Optional[Standard]
    next: Optional[Standard]


def standard_page(content: SiteContent, edition: FrameworkEdition, standard: Standard,
                  parts: PageParts = PageParts()) -> str:
    here = urls.standard_page(edition.id, standard.id)
    sections = [section(content, edition, standard, here) for section in parts.standard_sections]
    notices = [notice(content, edition, standard, here) for notice in parts.standard_notices]
    neighbours = _neighbours(edition, standard)
    links = {"edition": urls.relative_link(here, urls.edition_page(edition.id))}
    for name in ("previous", "next"):
        other = getattr(neighbours, name)
        if other is not None:
            links[name] = urls.relative_link(here, urls.standard_page(edition.id, other.id))
    return render(
        "framework/standard.md.j2",
        edition=edition.edition,
        domain=edition.domain_of(standard),
        standard=standard,
        characteristics=edition.characteristics(standard),
        scale=edition.rating_scale,
        pairs=level_pairs(edition, standard),
        citations=level_citations(content.settings.site_url, edition, standard),
        neighbours=neighbours,
        links=links,
        sections=[Markup(section) for section in sections if section],
        notices=[Markup(notice) for notice in notices if notice],
    )


_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _scale_in_words(edition: FrameworkEdition) -> tuple[str, str]:
    """(`four`, `Outstanding, Good, Requires improvement and Inadequate`), from the scale."""
    labels = [level.label for level in edition.rating_scale]
    count = _NUMBERS[len(labels) - 2] if len(labels) - 2 < len(_NUMBERS) else str(len(labels))
    return count, ", ".join(labels[:-1]) + " and " + labels[-1]


def _domains_with_links(edition: FrameworkEdition, here: str) -> list:
    return [
        (domain, [
            (standard, urls.relative_link(here, urls.standard_page(edition.id, standard.id)))
            for standard in edition.standards_in(domain)
        ])
        for domain in edition.edition.domains
    ]


def _neighbours(edition: FrameworkEdition, standard: Standard) -> Neighbours:
    ordered = list(edition.standards.values())
    index = list(edition.standards).index(standard.id)  # ids, not models: comparing models is slow
    return Neighbours(
        previous=ordered[index - 1] if index > 0 else None,
        next=ordered[index + 1] if index + 1 < len(ordered) else None,
    )
