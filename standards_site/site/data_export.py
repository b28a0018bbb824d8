"""The framework as machine-readable data, under the versioned path `/api/v1/`.

    api/v1/index.json                          what is here, with links
    api/v1/objects.json                        every citable target (like Sphinx's objects.inv)
    api/v1/editions/<id>/standards.json        one edition: standards with characteristics
    api/v1/editions/<id>/standards.csv         one row per standard
    api/v1/editions/<id>/characteristics.csv   one row per summary line or paragraph
    api/v1/editions/<id>/datapackage.json      the CSVs' columns and reuse terms (Frictionless Data)
    api/v1/editions/<id>/oscal/catalog.json    one edition as an OSCAL catalog (see oscal.py)
    api/v1/schema/<name>.schema.json           JSON Schemas of the files above

Every file names its schema: the JSON files in `$schema` (the data package names the
Data Package profiles the same way), the CSVs through the `datapackage.json` beside them,
and the OSCAL catalog by its `oscal-version` (`index.json` links NIST's schema).

The CSVs are spreadsheet-ready: UTF-8 with a byte-order mark (without one, Excel reads
UTF-8 as Windows-1252 and shows an en dash as `â€“`), Windows line endings, and titles and
level labels beside the ids.

The shapes are pydantic models, so the published JSON Schemas are exported from
the same classes that write the data. `v1` changes only by adding fields (CSV columns
are read by their header names: a new one sits beside the column it belongs with); a
change that breaks readers gets `v2` beside it. Every file says on what terms it may
be reused (`license`, from the plugin's `licence` option), when the site states them.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Literal, Optional, Sequence

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from standards_site.core import urls
from standards_site.site.content import SiteContent
from standards_site.framework.editions import FrameworkEdition
from standards_site.framework.model import EditionStatus, Standard
from standards_site.site import oscal
from standards_site.site.settings import Licence

API = urls.API_ROOT
SCHEMA_VERSION = 1


class _Export(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, validate_by_name=True)


#: An absolute address: a string, described as `"format": "uri"` in the published schemas.
Url = Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]
#: Where a file's JSON Schema is published, in the file itself (`"$schema": ...`).
SchemaUrl = Annotated[Url, Field(alias="$schema", title="Schema",
                                  description="The address of the JSON Schema this file follows.")]
#: How a standard relates to one of the previous edition (model.ReplacementKind).
How = Literal["moved", "renamed", "split", "merged"]


class ExportLicence(_Export):
    """The terms on which the data may be reused, as the source states them."""

    name: str
    url: Optional[Url]
    terms: Optional[str]
    source: Optional[str]


class ExportCharacteristic(_Export):
    """One rating level of a standard. `url` links straight to the level's tab."""

    level: str
    label: str
    summary: str
    paragraphs: list[str]
    url: Url


class ExportLevel(_Export):
    """One level of an edition's rating scale, best first. `id` is its anchor on standard pages."""

    id: str
    label: str


class ExportReplacement(_Export):
    """What a standard replaces in the previous edition, and how."""

    id: str
    how: How
    reason: str


class ExportKeyQuestion(_Export):
    id: str
    text: str
    prompts: list[str]


class ExportStandard(_Export):
    """One standard of one edition."""

    id: str
    domain: str
    title: str
    statement: str
    url: Url
    current_url: Optional[Url]
    key_questions: list[ExportKeyQuestion]
    characteristics: list[ExportCharacteristic]
    replaces: list[ExportReplacement]


class ExportDomain(_Export):
    id: str
    title: str
    standards: list[str]


class ExportRetired(_Export):
    id: str
    reason: str


class ExportEdition(_Export):
    """`api/v1/editions/<id>/standards.json`: one edition of the framework."""

    schema_url: SchemaUrl
    schema_version: Literal[1]
    id: str
    title: str
    status: Literal["current", "superseded", "withdrawn", "draft"]
    published: str
    supersedes: Optional[str]
    url: Url
    source_title: str
    source_publisher: str
    rating_scale: list[ExportLevel]
    domains: list[ExportDomain]
    retired: list[ExportRetired]
    standards: list[ExportStandard]
    license: Optional[ExportLicence] = None


class CitableTarget(_Export):
    """One thing a citation can point at: an edition, a standard, or a rating level."""

    type: Literal["edition", "standard", "level"]
    id: str
    edition: str
    title: str
    url: Url
    anchors: list[str]


class ObjectsIndex(_Export):
    """`api/v1/objects.json`: every citable target of every published edition."""

    schema_url: SchemaUrl
    schema_version: Literal[1]
    site_url: Url
    targets: list[CitableTarget]
    license: Optional[ExportLicence] = None


class ApiEditionFiles(_Export):
    """The data files of one edition, as listed in `api/v1/index.json`."""

    id: str
    title: str
    status: Literal["current", "superseded", "withdrawn", "draft"]
    standards_json: Url
    standards_csv: Url
    characteristics_csv: Url
    datapackage: Url
    oscal_catalog: Url


class ApiIndex(_Export):
    """`api/v1/index.json`: every data file of the site, with its full address."""

    schema_url: SchemaUrl
    schema_version: Literal[1]
    objects: Url
    schemas: dict[str, Url]
    #: NIST's JSON Schema of the OSCAL catalog model, which every `oscal_catalog` follows.
    oscal_schema: Url
    editions: list[ApiEditionFiles]
    license: Optional[ExportLicence] = None


#: The published JSON Schemas, by file name under api/v1/schema/.
SCHEMAS: dict[str, type[BaseModel]] = {
    "edition-export.schema.json": ExportEdition,
    "objects.schema.json": ObjectsIndex,
    "index.schema.json": ApiIndex,
}

#: The columns of the two CSVs: name, then title and meaning (for `datapackage.json`).
#: Titles and labels sit beside the ids they name, so a spreadsheet reads without look-ups.
STANDARDS_COLUMNS = {
    "edition": ("Edition", "The edition's id, e.g. its year."),
    "domain": ("Domain", "The id of the domain the standard belongs to."),
    "domain_title": ("Domain title", "The domain's title."),
    "id": ("Standard", "The standard's id within the edition."),
    "title": ("Title", "The standard's title."),
    "statement": ("Statement", "The standard's statement, as published."),
    "url": ("Address", "The standard's permanent address in this edition."),
    "replaces": ("Replaces", "What the standard replaces in the previous edition: old id and how, separated by '; '."),
}
CHARACTERISTICS_COLUMNS = {
    "edition": ("Edition", "The edition's id, e.g. its year."),
    "standard": ("Standard", "The id of the standard."),
    "standard_title": ("Standard title", "The standard's title."),
    "level": ("Level", "The rating level's id (its anchor on the standard's page)."),
    "level_label": ("Level label", "The rating level as it is written on the page."),
    "position": ("Position", "Where the text comes in the level: 0 is the summary line, "
                             "then 1, 2, ... its paragraphs."),
    "kind": ("Kind", "'summary' for the level's summary line, 'paragraph' for one of its paragraphs."),
    "text": ("Text", "The text, as published."),
    "url": ("Address", "The permanent address of the rating level on the standard's page."),
}
#: Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without one it
#: takes Windows-1252 and shows an en dash as `â€“`.
BYTE_ORDER_MARK = "\ufeff"
#: The Data Package (v2) profiles each part of `datapackage.json` names as its schema.
DATA_PACKAGE_PROFILES = "https://datapackage.org/profiles/2.0"


def data_files(content: SiteContent, site_url: str) -> dict[str, str]:
    """Every data file, keyed by its path in the site."""
    files: dict[str, str] = {}
    licence = export_licence(content.settings.licence)
    editions = [export_edition(edition, site_url).model_copy(update={"license": licence})
                for edition in content.framework.editions.values()]
    for exported in editions:
        folder = f"{API}/editions/{exported.id}"
        files[f"{folder}/standards.json"] = _json(exported)
        files[f"{folder}/standards.csv"] = standards_csv(exported)
        files[f"{folder}/characteristics.csv"] = characteristics_csv(exported)
        files[f"{folder}/datapackage.json"] = data_package(exported)
        files[oscal.oscal_path(exported.id)] = oscal.oscal_catalog(exported, editions, site_url)
    objects = objects_index(content, site_url).model_copy(update={"license": licence})
    files[f"{API}/objects.json"] = _json(objects)
    level_ids = list(dict.fromkeys(level.id for e in editions for level in e.rating_scale))
    for name, model in SCHEMAS.items():
        files[f"{API}/schema/{name}"] = schema_json(model, schema_url(site_url, name), level_ids)
    files[f"{API}/index.json"] = _json(api_index(content, site_url).model_copy(update={"license": licence}))
    return files


def schema_url(site_url: str, name: str) -> str:
    """Where the schema `name` is published: what a file following it names in `$schema`."""
    return urls.absolute_url(site_url, f"{API}/schema/{name}")


def export_licence(licence: Licence) -> Optional[ExportLicence]:
    """The configured reuse terms, or None when the site states none."""
    if not licence.name:
        return None
    return ExportLicence(name=licence.name, url=licence.url or None, terms=licence.terms or None,
                         source=licence.source or None)


def data_package(edition: ExportEdition) -> str:
    """The CSVs' companion metadata: a Frictionless Data Package (v2): each column with its
    title, meaning and allowed values, and the reuse terms."""
    allowed = {"level": [level.id for level in edition.rating_scale],
               "level_label": [level.label for level in edition.rating_scale],
               "kind": ["summary", "paragraph"]}

    def field(name: str, title: str, description: str) -> dict:
        described = {"name": name, "title": title, "description": description}
        if name == "position":
            return {**described, "type": "integer", "constraints": {"required": True, "minimum": 0}}
        if name == "url":
            return {**described, "type": "string", "format": "uri", "constraints": {"required": True}}
        if name in allowed:
            return {**described, "type": "string", "constraints": {"required": True, "enum": allowed[name]}}
        return {**described, "type": "string"}

    def resource(name: str, columns: dict[str, tuple[str, str]], title: str) -> dict:
        return {
            "$schema": f"{DATA_PACKAGE_PROFILES}/dataresource.json",
            "name": name, "type": "table", "path": f"{name}.csv", "title": title, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"$schema": f"{DATA_PACKAGE_PROFILES}/tabledialect.json", "header": True,
                        "lineTerminator": "\r\n"},
            "schema": {"$schema": f"{DATA_PACKAGE_PROFILES}/tableschema.json",
                       "fields": [field(column, *described) for column, described in columns.items()]},
        }

    package = {
        "$schema": f"{DATA_PACKAGE_PROFILES}/datapackage.json",
        "name": f"standards-{edition.id}",
        "title": edition.title,
        "version": edition.id,
        "homepage": edition.url,
        "resources": [
            resource("standards", STANDARDS_COLUMNS, "One row per standard"),
            resource("characteristics", CHARACTERISTICS_COLUMNS,
                     "One row per summary line or paragraph of a rating level"),
        ],
    }
    if edition.license:
        package["licenses"] = [_package_licence(edition.license)]
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def _package_licence(licence: ExportLicence) -> dict:
    """The reuse terms as a Data Package licence: its name and address, and (beyond the
    standard's fields) the terms in the source's words and the source that states them."""
    stated = {"title": licence.name, "path": licence.url, "terms": licence.terms, "source": licence.source}
    return {key: value for key, value in stated.items() if value}


def export_edition(edition: FrameworkEdition, site_url: str) -> ExportEdition:
    meta = edition.edition
    return ExportEdition(
        schema_url=schema_url(site_url, "edition-export.schema.json"), schema_version=SCHEMA_VERSION,
        id=meta.id, title=meta.title, status=meta.status.value, published=meta.published, supersedes=meta.supersedes,
        url=urls.absolute_url(site_url, urls.edition_page(meta.id)),
        source_title=meta.source.title, source_publisher=meta.source.publisher,
        rating_scale=[ExportLevel(id=level.id, label=level.label) for level in meta.rating_scale],
        domains=[ExportDomain(id=d.id, title=d.title, standards=list(d.standards)) for d in meta.domains],
        retired=[ExportRetired(id=r.id, reason=r.reason) for r in meta.retired],
        standards=[_export_standard(edition, s, site_url) for s in edition.standards.values()],
    )


def _export_standard(edition: FrameworkEdition, standard: Standard, site_url: str) -> ExportStandard:
    url = urls.absolute_url(site_url, urls.standard_page(edition.id, standard.id))
    current = edition.edition.status is EditionStatus.CURRENT
    return ExportStandard(
        id=standard.id, domain=standard.domain, title=standard.title, statement=standard.statement, url=url,
        current_url=urls.absolute_url(site_url, urls.current_standard(standard.id)) if current else None,
        key_questions=[ExportKeyQuestion(id=q.id, text=q.text, prompts=list(q.prompts))
                       for q in standard.key_questions],
        characteristics=[
            ExportCharacteristic(level=level.id, label=level.label, summary=c.summary,
                                 paragraphs=list(c.paragraphs), url=f"{url}#{level.id}")
            for level, c in edition.characteristics(standard)
        ],
        replaces=[ExportReplacement(id=r.id, how=r.how.value, reason=r.reason) for r in standard.replaces],
    )


def objects_index(content: SiteContent, site_url: str) -> ObjectsIndex:
    targets: list[CitableTarget] = []
    for edition in content.framework.editions.values():
        meta = edition.edition
        targets.append(CitableTarget(
            type="edition", id=meta.id, edition=meta.id, title=meta.title,
            url=urls.absolute_url(site_url, urls.edition_page(meta.id)), anchors=[],
        ))
        for standard in edition.standards.values():
            url = urls.absolute_url(site_url, urls.standard_page(meta.id, standard.id))
            targets.append(CitableTarget(
                type="standard", id=standard.id, edition=meta.id, title=standard.title, url=url,
                anchors=[level.id for level in meta.rating_scale],
            ))
            targets += [
                CitableTarget(type="level", id=f"{standard.id}#{level.id}", edition=meta.id,
                              title=f"{standard.title}: {level.label}", url=f"{url}#{level.id}", anchors=[])
                for level in meta.rating_scale
            ]
    return ObjectsIndex(schema_url=schema_url(site_url, "objects.schema.json"), schema_version=SCHEMA_VERSION,
                        site_url=site_url, targets=targets)


def api_index(content: SiteContent, site_url: str) -> ApiIndex:
    def link(path: str) -> str:
        return urls.absolute_url(site_url, path)

    return ApiIndex(
        schema_url=schema_url(site_url, "index.schema.json"), schema_version=SCHEMA_VERSION,
        objects=link(f"{API}/objects.json"),
        schemas={name: schema_url(site_url, name) for name in SCHEMAS},
        oscal_schema=oscal.OSCAL_SCHEMA,
        editions=[
            ApiEditionFiles(
                id=e.id, title=e.edition.title, status=e.edition.status.value,
                standards_json=link(f"{API}/editions/{e.id}/standards.json"),
                standards_csv=link(f"{API}/editions/{e.id}/standards.csv"),
                characteristics_csv=link(f"{API}/editions/{e.id}/characteristics.csv"),
                datapackage=link(f"{API}/editions/{e.id}/datapackage.json"),
                oscal_catalog=link(oscal.oscal_path(e.id)),
            )
            for e in content.framework.editions.values()
        ],
    )


def standards_csv(edition: ExportEdition) -> str:
    domain_titles = {d.id: d.title for d in edition.domains}
    rows = [
        {"edition": edition.id, "domain": s.domain, "domain_title": domain_titles.get(s.domain, ""), "id": s.id,
         "title": s.title, "statement": s.statement, "url": s.url,
         "replaces": "; ".join(f"{r.id} {r.how}" for r in s.replaces)}
        for s in edition.standards
    ]
    return _csv(STANDARDS_COLUMNS, rows)


def characteristics_csv(edition: ExportEdition) -> str:
    rows = []
    for s in edition.standards:
        for c in s.characteristics:
            texts = [("summary", c.summary)] + [("paragraph", p) for p in c.paragraphs]
            rows += [{"edition": edition.id, "standard": s.id, "standard_title": s.title, "level": c.level,
                      "level_label": c.label, "position": position, "kind": kind, "text": text, "url": c.url}
                     for position, (kind, text) in enumerate(texts)]
    return _csv(CHARACTERISTICS_COLUMNS, rows)


#: Where a rating level's id appears in the exports: (definition, property).
LEVEL_ID_FIELDS = (("ExportLevel", "id"), ("ExportCharacteristic", "level"))


def schema_json(model: type[BaseModel], schema_id: str, level_ids: Sequence[str] = ()) -> str:
    """The model's JSON Schema (draft 2020-12), identified by `schema_id` (its public URL).

    A level's id is one of the site's rating levels (`level_ids`, from every edition's
    scale, best first), so the schema lists them as an enum: the model cannot, since
    each site has its own scale."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **model.model_json_schema(),
    }
    definitions = schema.get("$defs", {})
    for definition, field in LEVEL_ID_FIELDS:
        if level_ids and definition in definitions:
            definitions[definition]["properties"][field]["enum"] = list(level_ids)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _json(model: BaseModel) -> str:
    return model.model_dump_json(indent=2, by_alias=True) + "\n"


def _csv(columns: dict[str, tuple[str, str]], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return BYTE_ORDER_MARK + out.getvalue()
