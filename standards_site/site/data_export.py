"""The framework as machine-readable data, under the versioned path `/api/v1/`.

    api/v1/index.json                          what is here, with links
    api/v1/objects.json                        every citable target (like Sphinx's objects.inv)
    api/v1/editions/<id>/standards.json        one edition: standards with characteristics
    api/v1/editions/<id>/standards.csv         one row per standard
    api/v1/editions/<id>/characteristics.csv   one row per summary line or paragraph
    api/v1/editions/<id>/datapackage.json      the CSVs' columns and reuse terms (Frictionless Data)
    api/v1/schema/<name>.schema.json           JSON Schemas of the files above

The shapes are pydantic models, so the published JSON Schemas are exported from
the same classes that write the data. `v1` changes only by adding fields; a
change that breaks readers gets `v2` beside it. Every file says on what terms it may
be reused (`license`, from the plugin's `licence` option), when the site states them.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from standards_site.core import urls
from standards_site.site.content import SiteContent
from standards_site.framework.editions import FrameworkEdition
from standards_site.framework.model import EditionStatus, Standard
from standards_site.site.settings import Licence

API = urls.API_ROOT
SCHEMA_VERSION = 1


class _Export(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ExportLicence(_Export):
    """The terms on which the data may be reused, as the source states them."""

    name: str
    url: Optional[str]
    terms: Optional[str]
    source: Optional[str]


class ExportCharacteristic(_Export):
    """One rating level of a standard. `url` links straight to the level's tab."""

    level: str
    label: str
    summary: str
    paragraphs: list[str]
    url: str


class ExportLevel(_Export):
    """One level of an edition's rating scale, best first. `id` is its anchor on standard pages."""

    id: str
    label: str


class ExportReplacement(_Export):
    """What a standard replaces in the previous edition, and how."""

    id: str
    how: str
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
    url: str
    current_url: Optional[str]
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

    schema_version: Literal[1]
    id: str
    title: str
    status: Literal["current", "superseded", "withdrawn", "draft"]
    published: str
    supersedes: Optional[str]
    url: str
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
    url: str
    anchors: list[str]


class ObjectsIndex(_Export):
    """`api/v1/objects.json`: every citable target of every published edition."""

    schema_version: Literal[1]
    site_url: str
    targets: list[CitableTarget]
    license: Optional[ExportLicence] = None


SCHEMAS: dict[str, type[BaseModel]] = {
    "edition-export.schema.json": ExportEdition,
    "objects.schema.json": ObjectsIndex,
}

#: The columns of the two CSVs; all text, except `position` (a whole number).
STANDARDS_COLUMNS = ["edition", "domain", "id", "title", "statement", "url", "replaces"]
CHARACTERISTICS_COLUMNS = ["edition", "standard", "level", "position", "kind", "text", "url"]


def data_files(content: SiteContent, site_url: str) -> dict[str, str]:
    """Every data file, keyed by its path in the site."""
    files: dict[str, str] = {}
    licence = export_licence(content.settings.licence)
    for edition in content.framework.editions.values():
        exported = export_edition(edition, site_url).model_copy(update={"license": licence})
        folder = f"{API}/editions/{edition.id}"
        files[f"{folder}/standards.json"] = _json(exported)
        files[f"{folder}/standards.csv"] = standards_csv(exported)
        files[f"{folder}/characteristics.csv"] = characteristics_csv(exported)
        files[f"{folder}/datapackage.json"] = data_package(exported)
    objects = objects_index(content, site_url).model_copy(update={"license": licence})
    files[f"{API}/objects.json"] = _json(objects)
    for name, model in SCHEMAS.items():
        files[f"{API}/schema/{name}"] = schema_json(model, urls.absolute_url(site_url, f"{API}/schema/{name}"))
    index = {**api_index(content, site_url), "license": licence.model_dump() if licence else None}
    files[f"{API}/index.json"] = json.dumps(index, indent=2, ensure_ascii=False) + "\n"
    return files


def export_licence(licence: Licence) -> Optional[ExportLicence]:
    """The configured reuse terms, or None when the site states none."""
    if not licence.name:
        return None
    return ExportLicence(name=licence.name, url=licence.url or None, terms=licence.terms or None,
                         source=licence.source or None)


def data_package(edition: ExportEdition) -> str:
    """The CSVs' companion metadata: a Frictionless Tabular Data Package (v1), with the reuse terms."""
    def resource(name: str, columns: list[str], title: str) -> dict:
        fields = [{"name": column, "type": "integer" if column == "position" else "string"} for column in columns]
        return {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "title": title,
                "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": {"fields": fields}}

    package = {
        "profile": "tabular-data-package",
        "name": f"standards-{edition.id}",
        "title": edition.title,
        "homepage": edition.url,
        "resources": [
            resource("standards", STANDARDS_COLUMNS, "One row per standard"),
            resource("characteristics", CHARACTERISTICS_COLUMNS, "One row per summary line or paragraph of a rating level"),
        ],
    }
    if edition.license:
        package["licenses"] = [{"title": edition.license.name, **({"path": edition.license.url} if edition.license.url else {})}]
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def export_edition(edition: FrameworkEdition, site_url: str) -> ExportEdition:
    meta = edition.edition
    return ExportEdition(
        schema_version=SCHEMA_VERSION, id=meta.id, title=meta.title, status=meta.status.value,
        published=meta.published, supersedes=meta.supersedes,
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
    return ObjectsIndex(schema_version=SCHEMA_VERSION, site_url=site_url, targets=targets)


def api_index(content: SiteContent, site_url: str) -> dict:
    def link(path: str) -> str:
        return urls.absolute_url(site_url, path)

    return {
        "schema_version": SCHEMA_VERSION,
        "objects": link(f"{API}/objects.json"),
        "schemas": {name: link(f"{API}/schema/{name}") for name in SCHEMAS},
        "editions": [
            {
                "id": e.id, "title": e.edition.title, "status": e.edition.status.value,
                "standards_json": link(f"{API}/editions/{e.id}/standards.json"),
                "standards_csv": link(f"{API}/editions/{e.id}/standards.csv"),
                "characteristics_csv": link(f"{API}/editions/{e.id}/characteristics.csv"),
                "datapackage": link(f"{API}/editions/{e.id}/datapackage.json"),
            }
            for e in content.framework.editions.values()
        ],
    }


def standards_csv(edition: ExportEdition) -> str:
    rows = [
        {"edition": edition.id, "domain": s.domain, "id": s.id, "title": s.title, "statement": s.statement,
         "url": s.url, "replaces": "; ".join(f"{r.id} {r.how}" for r in s.replaces)}
        for s in edition.standards
    ]
    return _csv(STANDARDS_COLUMNS, rows)


def characteristics_csv(edition: ExportEdition) -> str:
    rows = []
    for s in edition.standards:
        for c in s.characteristics:
            texts = [("summary", c.summary)] + [("paragraph", p) for p in c.paragraphs]
            rows += [{"edition": edition.id, "standard": s.id, "level": c.level, "position": position,
                      "kind": kind, "text": text, "url": c.url}
                     for position, (kind, text) in enumerate(texts)]
    return _csv(CHARACTERISTICS_COLUMNS, rows)


def schema_json(model: type[BaseModel], schema_id: str) -> str:
    """The model's JSON Schema (draft 2020-12), identified by `schema_id` (its public URL)."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **model.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _json(model: BaseModel) -> str:
    return model.model_dump_json(indent=2) + "\n"


def _csv(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
