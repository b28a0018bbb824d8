"""The self-assessment worksheet of each edition: `/standards/<edition>/self-assessment/`.

A provider picks, for each standard, the level of the edition's rating scale that best
fits, and writes its evidence and planned actions. The page is generated here, like the
other framework pages, as a pure function of the content; `assets/javascripts/self-assessment.js`
keeps the answers in the browser's storage (nothing is sent anywhere), counts them in a
summary, exports them (JSON, CSV, print) and imports a JSON export again, from this
edition or from another edition on the same line, whose answers it maps with the
crosswalk. Without JavaScript the page is a blank worksheet to print.

The crosswalk travels with the page as a JSON data block (`crosswalk_data`), computed at
build time from `framework/crosswalk.py`, so that the script never works out the mapping
itself and says exactly what the crosswalk pages say.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup

from standards_site.core import urls
from standards_site.core.rendering import render
from standards_site.framework.crosswalk import chain, trace
from standards_site.framework.editions import FrameworkEdition
from standards_site.framework.model import EditionStatus, RatingLevel, Standard
from standards_site.framework.pages import PageParts
from standards_site.site.content import SiteContent

#: The `format` marker of an exported file, and the version of its layout; the script
#: (self-assessment.js) writes and checks the same two values.
EXPORT_FORMAT = "standards-self-assessment"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class LevelChoice:
    """One radio button of a standard: the level, its summary line, and where its full text is."""

    level: RatingLevel
    summary: str
    link: str


@dataclass(frozen=True)
class WorksheetStandard:
    """One standard's form on the worksheet."""

    standard: Standard
    link: str
    choices: tuple[LevelChoice, ...]


def self_assessment_pages(content: SiteContent, parts: PageParts = PageParts()) -> dict[str, str]:
    """The worksheet of every edition, by source path."""
    return {
        urls.self_assessment_page(edition.id): self_assessment_page(content, edition, parts)
        for edition in content.framework.editions.values()
    }


def self_assessment_page(content: SiteContent, edition: FrameworkEdition, parts: PageParts = PageParts()) -> str:
    here = urls.self_assessment_page(edition.id)
    notices = [notice(content, edition, here) for notice in parts.edition_notices]
    current = content.framework.current
    newer_current = (current is not None and edition.edition.status is EditionStatus.SUPERSEDED
                     and current in chain(content.framework, edition.id))
    data = crosswalk_data(content, edition)
    return render(
        "framework/self_assessment.md.j2",
        notices=[Markup(text) for text in notices if text],
        edition=edition.edition,
        scale=edition.rating_scale,
        domains=[(domain, [_worksheet_standard(edition, standard, here)
                           for standard in edition.standards_in(domain)])
                 for domain in edition.edition.domains],
        count=len(edition.standards),
        edition_link=urls.relative_link(here, urls.edition_page(edition.id)),
        current=current.edition if newer_current else None,
        current_link=urls.relative_link(here, urls.self_assessment_page(current.id)) if newer_current else None,
        site_root=_site_root(here),
        export_format=EXPORT_FORMAT,
        export_version=EXPORT_VERSION,
        crosswalk_json=json_data_block(data) if data["editions"] else None,
    )


def crosswalk_data(content: SiteContent, edition: FrameworkEdition) -> dict:
    """Where each standard of every other edition on `edition`'s line went in `edition`.

    `{"edition": "2021", "editions": {"2018": {"title": ..., "levels": [ids], "standards":
    {"1.2": {"title": "Staff", "to": [{"id": "2.1", "how": "moved (new id)", "kind": "moved",
    "reason": ...}]}}}}}`. A standard with no equivalent has one entry with `id` None
    (`kind` `retired` going forward, `new` going back, with the step's reason).
    """
    framework = content.framework
    editions = {}
    for other in chain(framework, edition.id):
        if other is edition:
            continue
        editions[other.id] = {
            "title": other.edition.title,
            "levels": [level.id for level in other.rating_scale],
            "standards": {
                standard.id: {"title": standard.title,
                              "to": [_step(found) for found in trace(framework, other.id, standard.id, edition.id)]}
                for standard in other.standards.values()
            },
        }
    return {"edition": edition.id, "editions": editions}


def json_data_block(data: dict) -> Markup:
    """`data` as JSON that is safe inside `<script type="application/json">`.

    `<`, `>` and `&` are written as JSON escapes, so no content text can close the
    element or start a comment; the script's JSON.parse reads them back as the same characters.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for character in "<>&":
        text = text.replace(character, f"\\u{ord(character):04x}")
    # Line and paragraph separators are valid in JSON but end a line in some parsers.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _step(found) -> dict:
    ended = found.ended
    kind = ended.how if ended is not None else (found.steps[0].how if len(found.steps) == 1 else "changed")
    reason: Optional[str] = None
    if ended is not None:
        reason = ended.reason
    elif len(found.steps) == 1:
        reason = found.steps[0].reason
    return {"id": found.target_id, "kind": kind, "how": found.how, "reason": reason}


def _worksheet_standard(edition: FrameworkEdition, standard: Standard, here: str) -> WorksheetStandard:
    page = urls.standard_page(edition.id, standard.id)
    link = _url_link(here, page)
    return WorksheetStandard(
        standard=standard,
        link=link,
        choices=tuple(LevelChoice(level, characteristic.summary, f"{link}#{level.id}")
                      for level, characteristic in edition.characteristics(standard)),
    )


def _url_link(here: str, page: str) -> str:
    """A link from page `here` to `page` as a published URL (`../1.2/`), for raw HTML.

    The worksheet's forms are HTML blocks, whose links MkDocs does not rewrite; the site
    publishes directory URLs (`standards/2018/1.2/index.md` at `standards/2018/1.2/`).
    """
    link = urls.relative_link(here, page)
    return link[: -len("index.md")] if link.endswith("index.md") else link


def _site_root(here: str) -> str:
    """The site's root relative to the published page: `../../../` from a worksheet."""
    return "../" * (len(urls.url_of(here).rstrip("/").split("/")))
