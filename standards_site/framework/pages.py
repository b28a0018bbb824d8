"""Generate the framework's pages from the loaded content: {source path: Markdown}.

Pure functions of the content model; MkDocs only receives the result
(see `standards_site/mkdocs/plugin.py`). Nothing here is hand-written per standard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from markupsafe import Markup

from standards_site.inspections import pages as inspection_pages

from standards_site.core.dates import partial_date
from standards_site.core import urls
from standards_site.site.content import SiteContent
from standards_site.framework.editions import Framework, FrameworkEdition
from standards_site.library.pages import library_pages, related_guidance
from standards_site.framework.model import Standard
from standards_site.core.rendering import render


#: Sections other content types add to a standard page, in order. Each is called with
#: (content, edition, standard, page path) and returns Markdown, or "" for nothing.
StandardSection = Callable[[SiteContent, FrameworkEdition, Standard, str], str]
STANDARD_SECTIONS: list[StandardSection] = [inspection_pages.recommendations_section, related_guidance]

#: Notices shown at the top of a standard page (same signature as a section), e.g. "superseded".
STANDARD_NOTICES: list[StandardSection] = []

#: Notices shown at the top of an edition's page: called with (content, edition, page path).
EditionNotice = Callable[[SiteContent, FrameworkEdition, str], str]
EDITION_NOTICES: list[EditionNotice] = []


def generate_pages(content: SiteContent) -> dict[str, str]:
    """Every generated page, keyed by its MkDocs source path."""
    framework = content.framework
    pages = {urls.FRAMEWORK_HOME: framework_home(framework)}
    for edition in framework.editions.values():
        pages[urls.edition_page(edition.id)] = edition_page(edition, content)
        for standard in edition.standards.values():
            pages[urls.standard_page(edition.id, standard.id)] = standard_page(content, edition, standard)
    pages.update(library_pages(content))
    pages.update(inspection_pages.generate_pages(content))
    return pages


def framework_home(framework: Framework) -> str:
    here = urls.FRAMEWORK_HOME
    current = framework.current
    return render(
        "framework/framework_home.md.j2",
        scale=_scale_in_words(current or next(iter(framework.editions.values()))),
        current=current,
        current_domains=_domains_with_links(current, here) if current else [],
        editions=[
            (item, urls.relative_link(here, urls.edition_page(item.id)), partial_date(item.edition.published))
            for item in framework.editions.values()
        ],
    )


def edition_page(edition: FrameworkEdition, content: Optional[SiteContent] = None) -> str:
    here = urls.edition_page(edition.id)
    notices = [notice(content, edition, here) for notice in EDITION_NOTICES] if content else []
    return render(
        "framework/edition.md.j2",
        notices=[Markup(notice) for notice in notices if notice],
        edition=edition.edition,
        published=partial_date(edition.edition.published),
        descriptors=edition.level_descriptors(),
        domains=_domains_with_links(edition, urls.edition_page(edition.id)),
    )


@dataclass(frozen=True)
class Neighbours:
    previous: Optional[Standard]
    next: Optional[Standard]


def standard_page(content: SiteContent, edition: FrameworkEdition, standard: Standard) -> str:
    here = urls.standard_page(edition.id, standard.id)
    sections = [section(content, edition, standard, here) for section in STANDARD_SECTIONS]
    notices = [notice(content, edition, standard, here) for notice in STANDARD_NOTICES]
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
