"""One edition of the framework as an OSCAL catalog: `api/v1/editions/<id>/oscal/catalog.json`.

OSCAL (NIST's Open Security Controls Assessment Language) is the format compliance and
governance tools read catalogs of requirements in. The mapping:

    edition                 catalog (metadata: title, dates, version = edition id, licence)
    domain                  group   (id `domain-<id>`, prop `label` = the domain's id)
    standard                control (id `standard-<id>`, prop `label` = the standard's id)
    statement               part `statement`
    key question, prompts   part `key-question` with parts `prompt`
    rating level            part `rating-level` (class = the level's id, title = its label):
                            prose = summary line, parts `paragraph` = its paragraphs
    permanent address       link rel `canonical`; current-edition address: rel `latest-version`
    replaces                prop `replaces` (value = old id, class = how, remarks = why)

OSCAL ids are tokens that may not start with a digit, hence the prefixes. Names that are
not OSCAL's own carry the site's namespace (`ns`: the site's /api/v1/ address).

The JSON is built here as plain data: the OSCAL models (compliance-trestle) are large,
so they are used only in the tests, to validate what this writes. Everything is derived
from the content, so two builds write the same bytes: UUIDs are uuid5 of the addresses
they stand for, and the dates are the edition's own (never the build time).

Titles and prose are OSCAL "markup" (Markdown), so content text is escaped there and
shown by an OSCAL tool exactly as written; property values are plain strings.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import TYPE_CHECKING, Optional

from standards_site.core import urls

if TYPE_CHECKING:   # data_export imports this module
    from standards_site.site.data_export import (
        ExportCharacteristic, ExportDomain, ExportEdition, ExportKeyQuestion, ExportLicence, ExportStandard,
    )

OSCAL_VERSION = "1.1.2"
#: NIST's published JSON Schema of the catalog model, for the version above.
OSCAL_SCHEMA = f"https://github.com/usnistgov/OSCAL/releases/download/v{OSCAL_VERSION}/oscal_catalog_schema.json"


def oscal_path(edition_id: str) -> str:
    """`api/v1/editions/2018/oscal/catalog.json`"""
    return f"{urls.API_ROOT}/editions/{edition_id}/oscal/catalog.json"


def oscal_catalog(edition: ExportEdition, editions: list[ExportEdition], site_url: str) -> str:
    """The OSCAL catalog of `edition`, as JSON text. `editions` are all published editions
    (for the links to the previous, next and current edition's catalogs)."""
    catalog = {
        "uuid": _uuid(site_url, oscal_path(edition.id)),
        "metadata": _metadata(edition, editions, site_url),
        "groups": [_group(domain, edition, site_url) for domain in edition.domains],
    }
    # The catalog names its schema by `oscal-version` (and api/v1/index.json links it), not
    # by `$schema`: OSCAL's schema allows one, but compliance-trestle refuses a file with it.
    return json.dumps({"catalog": catalog}, indent=2, ensure_ascii=False) + "\n"


def namespace(site_url: str) -> str:
    """The namespace of the names this site defines (`rating-level`, `replaces`, ...)."""
    return urls.absolute_url(site_url, f"{urls.API_ROOT}/")


# -- metadata -------------------------------------------------------------------------------------


def _metadata(edition: ExportEdition, editions: list[ExportEdition], site_url: str) -> dict:
    successor = next((e for e in editions if e.supersedes == edition.id), None)
    # Dated by the editions, never by the build: publication, or the day a later edition
    # superseded this one (its status and current-edition links changed then).
    changed = max(edition.published, successor.published) if successor else edition.published
    ns = namespace(site_url)
    props = [_prop("status", edition.status, ns),
             _prop("source-title", edition.source_title, ns),
             _prop("source-publisher", edition.source_publisher, ns)]
    props += [_prop("retired", r.id, ns, remarks=r.reason) for r in edition.retired]
    props += _licence_props(edition.license, ns)
    return {
        "title": _markup(edition.title),
        "published": _timestamp(edition.published),
        "last-modified": _timestamp(changed),
        "version": edition.id,
        "oscal-version": OSCAL_VERSION,
        "props": props,
        "links": _metadata_links(edition, editions, successor, site_url),
    }


def _metadata_links(edition: ExportEdition, editions: list[ExportEdition],
                    successor: Optional[ExportEdition], site_url: str) -> list[dict]:
    def catalog(other: ExportEdition, rel: str) -> dict:
        return {"href": urls.absolute_url(site_url, oscal_path(other.id)), "rel": rel,
                "media-type": "application/json", "text": _markup(other.title)}

    links = [
        catalog(edition, "canonical"),
        {"href": edition.url, "rel": "alternate", "media-type": "text/html", "text": _markup(edition.title)},
        {"href": urls.absolute_url(site_url, f"{urls.API_ROOT}/editions/{edition.id}/standards.json"),
         "rel": "alternate", "media-type": "application/json"},
    ]
    previous = next((e for e in editions if e.id == edition.supersedes), None)
    if previous:
        links.append(catalog(previous, "predecessor-version"))
    if successor:
        links.append(catalog(successor, "successor-version"))
    current = next((e for e in editions if e.status == "current"), None)
    if current and current is not edition:
        links.append(catalog(current, "latest-version"))
    if edition.license and edition.license.url:
        links.append({"href": edition.license.url, "rel": "license", "text": _markup(edition.license.name)})
    return links


def _licence_props(licence: Optional[ExportLicence], ns: str) -> list[dict]:
    """The reuse terms as the site states them (OSCAL has no licence field of its own;
    the link with rel `license` points at the licence's text)."""
    if licence is None:
        return []
    stated = [("license", licence.name), ("license-terms", licence.terms), ("license-source", licence.source)]
    return [_prop(name, value, ns) for name, value in stated if value]


# -- groups and controls --------------------------------------------------------------------------


def _group(domain: ExportDomain, edition: ExportEdition, site_url: str) -> dict:
    standards = {s.id: s for s in edition.standards}
    group = {
        "id": f"domain-{domain.id}",
        "class": "domain",
        "title": _markup(domain.title),
        "props": [{"name": "label", "value": domain.id}],
    }
    controls = [_control(standards[s], edition, site_url) for s in domain.standards if s in standards]
    if controls:   # OSCAL allows no empty list
        group["controls"] = controls
    return group


def _control(standard: ExportStandard, edition: ExportEdition, site_url: str) -> dict:
    ns = namespace(site_url)
    control_id = f"standard-{standard.id}"
    props = [{"name": "label", "value": standard.id}]
    props += [_prop("replaces", r.id, ns, class_=r.how, remarks=r.reason) for r in standard.replaces]
    links = [{"href": standard.url, "rel": "canonical", "media-type": "text/html",
              "text": _markup(f"{standard.id} {standard.title} ({edition.title})")}]
    if standard.current_url:
        links.append({"href": standard.current_url, "rel": "latest-version", "media-type": "text/html"})
    parts = [{"id": f"{control_id}_statement", "name": "statement", "prose": _markup(standard.statement)}]
    parts += [_key_question(control_id, question, ns) for question in standard.key_questions]
    parts += [_level(control_id, characteristic, ns) for characteristic in standard.characteristics]
    return {"id": control_id, "class": "standard", "title": _markup(standard.title),
            "props": props, "links": links, "parts": parts}


def _key_question(control_id: str, question: ExportKeyQuestion, ns: str) -> dict:
    part_id = f"{control_id}_question-{question.id}"
    part = {"id": part_id, "name": "key-question", "ns": ns, "props": [{"name": "label", "value": question.id}],
            "prose": _markup(question.text)}
    if question.prompts:
        part["parts"] = [{"id": f"{part_id}.{n}", "name": "prompt", "ns": ns, "prose": _markup(prompt)}
                         for n, prompt in enumerate(question.prompts, start=1)]
    return part


def _level(control_id: str, characteristic: ExportCharacteristic, ns: str) -> dict:
    """One rating level of a standard: its summary line, then its paragraphs, in order."""
    part_id = f"{control_id}_{characteristic.level}"
    return {
        "id": part_id, "name": "rating-level", "ns": ns, "class": characteristic.level,
        "title": _markup(characteristic.label),
        "links": [{"href": characteristic.url, "rel": "reference", "media-type": "text/html"}],
        "prose": _markup(characteristic.summary),
        "parts": [{"id": f"{part_id}.{n}", "name": "paragraph", "ns": ns, "prose": _markup(paragraph)}
                  for n, paragraph in enumerate(characteristic.paragraphs, start=1)],
    }


# -- values ---------------------------------------------------------------------------------------


def _prop(name: str, value: str, ns: str, class_: str = "", remarks: str = "") -> dict:
    """A site-defined property. OSCAL values are one line with no outer spaces."""
    prop = {"name": name, "ns": ns, "value": _one_line(value)}
    if class_:
        prop["class"] = class_
    if remarks:
        prop["remarks"] = _markup(remarks)
    return prop


def _uuid(site_url: str, path: str) -> str:
    """A stable UUID for the thing at `path` of this site (the same in every build)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, urls.absolute_url(site_url, path)))


def _timestamp(partial_date: str) -> str:
    """`2018-03` as an OSCAL date-time: the first day of the period it names, UTC.

    >>> _timestamp("2018-03")
    '2018-03-01T00:00:00Z'
    """
    year, month, day = (partial_date.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# Markdown (CommonMark) acts on these anywhere in a line; a backslash before ASCII
# punctuation shows it as itself. Hand-written because OSCAL markup is CommonMark, and the
# site's md_escape writes HTML character references instead, which a tool showing the
# JSON as plain text would show as `&#42;`.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>{}&!|~#])")
# ... and these only at the start of a paragraph, before a space: a list item.
_MARKDOWN_LIST = re.compile(r"^([-+]|\d+(?=[.)]))(?=[.)]?\s)")


def _markup(text: str) -> str:
    r"""Content text as OSCAL markup (Markdown, one paragraph) that reads exactly as written.

    >>> print(_markup("1. Staff *must* read <b>this</b>"))
    1\. Staff \*must\* read \<b\>this\</b\>
    """
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", _one_line(text))
    if match := _MARKDOWN_LIST.match(escaped):
        bullet = match.group()
        escaped = ("\\" + escaped) if not bullet.isdigit() else bullet + "\\" + escaped[len(bullet):]
    return escaped
