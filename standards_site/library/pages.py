"""Generate the guidance library's pages: {source path: Markdown}, plus its Atom feed.

Pure functions of the loaded content, like `pages.py`. Index pages list every
item (sorted newest first) and link to one generated page per related standard
and per tag, so filtering works without JavaScript; `library-filters.js` adds
in-place filtering whose state is kept in the URL query (`?standard=1.4&tag=wales`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping, Optional, Union

from markupsafe import Markup

from standards_site.core.dates import long_date, partial_date
from standards_site.library import urls as lu
from standards_site.core import urls
from standards_site.site.content import SiteContent
from standards_site.framework.editions import FrameworkEdition
from standards_site.library.loading import LibraryItem, alphabetical
from standards_site.library.model import Glossary, Guide, GuideStatus, PositionStatement, PositionStatus, Principles
from standards_site.framework.model import Standard
from standards_site.core.rendering import render

Item = LibraryItem[Union[Guide, PositionStatement]]


@dataclass(frozen=True)
class ItemType:
    """What differs between the two kinds of library item on their pages."""

    folder: str
    singular: str
    plural: str
    title: str
    intro: str
    none_published: str


GUIDES = ItemType(
    folder=lu.GUIDES, singular="guide", plural="guides", title="Effective-practice guides",
    intro=("Examples of effective and innovative practice, quoted from inspection reports. "
           "Each one links to the standards it relates to."),
    none_published="No effective-practice guides have been published yet.",
)
POSITIONS = ItemType(
    folder=lu.POSITIONS, singular="position statement", plural="position statements",
    title="Position statements",
    intro="The inspectorate's published positions, each linked to the standards it relates to.",
    none_published="No position statements have been published yet.",
)


@dataclass(frozen=True)
class Link:
    """A label and a Markdown link target relative to the page being written."""

    label: str
    target: str
    value: str = ""


@dataclass(frozen=True)
class ItemView:
    """One item as a page shows it: its data plus ready-made links and dates."""

    item: Item
    link: str
    standards: list[Link]
    tags: list[Link]
    published: str
    updated: str
    status_label: str

    @property
    def meta(self):
        return self.item.meta


@dataclass(frozen=True)
class Change:
    """One line of "What's new": an item published or updated on a date."""

    when: date
    action: str
    item: Item
    item_type: ItemType


# -- the whole library ----------------------------------------------------------------------------

def library_pages(content: SiteContent, preview: Optional[bool] = None) -> dict[str, str]:
    """Every page of the library, keyed by MkDocs source path.

    Args:
        preview: Show drafts; defaults to the build's `preview` setting.
    """
    preview = content.settings.preview if preview is None else preview
    library = content.library
    pages: dict[str, str] = {}
    lists = [(GUIDES, library.visible_guides(preview)), (POSITIONS, library.visible_positions(preview))]
    for item_type, items in lists:
        pages.update(_type_pages(content, item_type, items))
    if library.glossary is not None:
        pages[lu.GLOSSARY] = glossary_page(library.glossary)
    if library.principles is not None:
        pages[lu.PRINCIPLES] = principles_page(library.principles)
    pages[lu.WHATS_NEW] = whats_new_page(changes(content, preview))
    pages[lu.GUIDANCE_HOME] = render(
        "library/library_home.md.j2",
        counts={t.plural: len(items) for t, items in lists},
        links={
            "guides": _rel(lu.GUIDANCE_HOME, lu.index_page(lu.GUIDES)),
            "positions": _rel(lu.GUIDANCE_HOME, lu.index_page(lu.POSITIONS)),
            "glossary": _rel(lu.GUIDANCE_HOME, lu.GLOSSARY) if library.glossary else "",
            "principles": _rel(lu.GUIDANCE_HOME, lu.PRINCIPLES) if library.principles else "",
            "whats_new": _rel(lu.GUIDANCE_HOME, lu.WHATS_NEW),
            "feed": _rel(lu.GUIDANCE_HOME, lu.FEED),
        },
    )
    return pages


def _type_pages(content: SiteContent, item_type: ItemType, items: list[Item]) -> dict[str, str]:
    folder = item_type.folder
    pages = {lu.index_page(folder): index_page(content, item_type, items)}
    for item in items:
        here = lu.item_page(folder, item.meta.slug)
        pages[here] = item_page(content, item_type, _view(content, item_type, item, here))
    matching: dict[tuple[str, str], list[Item]] = {}   # one pass, not one per standard and tag
    for item in items:
        for facet in ("standard", "tag"):
            for value in _facet_values(item, facet):
                matching.setdefault((facet, value), []).append(item)
    for facet, value, label in _facets(content, items):
        pages[lu.filter_page(folder, facet, value)] = index_page(
            content, item_type, matching[facet, value], active=(facet, value, label)
        )
    return pages


# -- index pages ----------------------------------------------------------------------------------

def index_page(content: SiteContent, item_type: ItemType, items: list[Item],
               active: Optional[tuple[str, str, str]] = None) -> str:
    """The list of all items of a type, or (with `active`) those matching one standard or tag."""
    folder = item_type.folder
    here = lu.filter_page(folder, active[0], active[1]) if active else lu.index_page(folder)
    facets = _facets(content, items if active is None else [])
    return render(
        "library/library_index.md.j2",
        item_type=item_type,
        items=[_view(content, item_type, item, here) for item in items],
        active=active,
        all_link=_rel(here, lu.index_page(folder)),
        standard_filters=[Link(label, _rel(here, lu.filter_page(folder, f, v)), v)
                          for f, v, label in facets if f == "standard"],
        tag_filters=[Link(label, _rel(here, lu.filter_page(folder, f, v)), v)
                     for f, v, label in facets if f == "tag"],
    )


def _facets(content: SiteContent, items: list[Item]) -> list[tuple[str, str, str]]:
    """(facet, value, label) for every standard and tag used, standards in reading order."""
    standards = _current_standards(content)
    used_standards = {sid for item in items for sid in item.meta.related_standards}
    used_tags = sorted({tag for item in items for tag in item.meta.tags})
    return (
        [("standard", sid, f"{sid} {standard.title}") for sid, standard in standards.items() if sid in used_standards]
        + [("tag", tag, tag) for tag in used_tags]
    )


def _facet_values(item: Item, facet: str) -> list[str]:
    return item.meta.related_standards if facet == "standard" else item.meta.tags


# -- item pages -----------------------------------------------------------------------------------

def item_page(content: SiteContent, item_type: ItemType, view: ItemView) -> str:
    """One guide or position statement."""
    meta = view.meta
    source = getattr(meta, "source", None)
    return render(
        "library/library_item.md.j2",
        item_type=item_type,
        view=view,
        meta=meta,
        kind=getattr(meta, "kind", None),
        audience=", ".join(a.label for a in getattr(meta, "audience", [])),
        source=source,
        source_date=partial_date(source.date) if source else "",
        body=Markup(view.item.body.strip()),
        is_draft=meta.is_draft,
        is_withdrawn=meta.status in (GuideStatus.WITHDRAWN, PositionStatus.WITHDRAWN),
        index_link=_rel(lu.item_page(item_type.folder, meta.slug), lu.index_page(item_type.folder)),
    )


def _view(content: SiteContent, item_type: ItemType, item: Item, here: str) -> ItemView:
    standards = _current_standards(content)
    edition = content.framework.current
    meta = item.meta
    return ItemView(
        item=item,
        link=_rel(here, lu.item_page(item_type.folder, meta.slug)),
        standards=[
            Link(f"{sid} {standards[sid].title}", _rel(here, urls.standard_page(edition.id, sid)), sid)
            for sid in meta.related_standards if sid in standards
        ],
        tags=[Link(tag, _rel(here, lu.filter_page(item_type.folder, "tag", tag)), tag) for tag in meta.tags],
        published=long_date(meta.published),
        updated=long_date(meta.updated) if meta.updated else "",
        status_label=meta.status.value.capitalize(),
    )


# -- related guidance on each standard page (a section listed in site/generated.py) ---------------

def related_guidance(content: SiteContent, edition: FrameworkEdition, standard: Standard, here: str) -> str:
    """The guides and position statements related to `standard`, for its page in the current edition."""
    current = content.framework.current
    if current is None or edition.id != current.id:
        return ""
    groups = []
    for item_type, related in zip((GUIDES, POSITIONS), content.library.related_to(standard.id, content.settings.preview)):
        if related:
            links = [Link(item.meta.title, _rel(here, lu.item_page(item_type.folder, item.meta.slug)))
                     for item in related]
            more = Link(f"All {item_type.plural} for {standard.id}",
                        _rel(here, lu.filter_page(item_type.folder, "standard", standard.id)))
            groups.append((item_type, links, more))
    if not groups:
        return ""
    return render("library/library_related.md.j2", groups=groups)


# -- glossary and principles ----------------------------------------------------------------------

def glossary_page(glossary: Glossary) -> str:
    """All terms in alphabetical order, grouped by first letter, with A–Z navigation.

    The source lists some terms out of order within a letter (SPO before SFO); a reader
    scanning for a term expects the alphabet, so the page sorts them (the data files
    keep the source's order).
    """
    by_letter: dict[str, list] = {}
    for term in sorted(glossary.terms, key=lambda t: (alphabetical(t.term), t.term)):
        by_letter.setdefault(_letter(term.term), []).append(term)
    alphabet = [(letter, letter in by_letter) for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    return render(
        "library/glossary.md.j2",
        glossary=glossary,
        source_date=partial_date(glossary.source.date),
        alphabet=alphabet,
        groups=sorted(by_letter.items()),
    )


def _letter(term: str) -> str:
    return next((c.upper() for c in term if c.isalpha()), "#")


def principles_page(principles: Principles) -> str:
    return render("library/principles.md.j2", p=principles, source_date=partial_date(principles.source.date))


def abbreviations(glossary: Optional[Glossary]) -> dict[str, str]:
    """Each abbreviation and its expansion, for Python-Markdown's `abbr` extension.

    So `MAPPA` anywhere on the site gets a tooltip with the glossary's own words
    ("Multi-Agency Public Protection Arrangements"). Given to the extension as its
    `glossary` option, never as `*[MAPPA]: ...` lines in a page: there the text would be
    Markdown (a line break starts page content) and Jinja (mkdocs-macros renders it),
    where as an option it only ever becomes an escaped `title` attribute.
    """
    if glossary is None:
        return {}
    # The extension writes the title as HTML, keeping what looks like a character
    # reference: escaping every `&` first keeps a written `&amp;` as those five characters.
    return {form: " ".join(term.expansion.split()).replace("&", "&amp;")
            for term in glossary.terms for form in term.abbreviations}


# -- what's new -----------------------------------------------------------------------------------

def changes(content: SiteContent, preview: bool) -> list[Change]:
    """Every publication and update of a visible item, newest first (dated from the content)."""
    found = []
    for item_type, items in ((GUIDES, content.library.visible_guides(preview)),
                             (POSITIONS, content.library.visible_positions(preview))):
        for item in items:
            found.append(Change(item.meta.published, "Published", item, item_type))
            if item.meta.updated:
                found.append(Change(item.meta.updated, "Updated", item, item_type))
    return sorted(found, key=lambda c: (-c.when.toordinal(), c.action != "Updated", alphabetical(c.item.meta.title)))


def whats_new_page(found: list[Change]) -> str:
    here = lu.WHATS_NEW
    rows = [(change, long_date(change.when), _rel(here, lu.item_page(change.item_type.folder, change.item.meta.slug)))
            for change in found]
    return render("framework/whats_new.md.j2", rows=rows, feed_link="atom.xml")


# -- helpers --------------------------------------------------------------------------------------

def _current_standards(content: SiteContent) -> Mapping[str, Standard]:
    current = content.framework.current
    return current.standards if current else {}


def _rel(here: str, target: str) -> str:
    return urls.relative_link(here, target)
