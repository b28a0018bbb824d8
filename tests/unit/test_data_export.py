"""The machine-readable exports match their published JSON Schemas, the CSVs are ready for
a spreadsheet, the OSCAL catalogs are valid OSCAL, and the committed content schemas
match the model. Built in memory from the real content, the two-editions fixture (with
replacement history) and the five-level example site."""

import csv
import io
import json
import re
import uuid
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from trestle.oscal.catalog import Catalog

from standards_site.site.content import load_content
from standards_site.site.settings import Licence, SiteSettings
from standards_site.site.data_export import data_files
from standards_site.site.oscal import OSCAL_SCHEMA, oscal_path
from standards_site.site.publishing import published_content
from standards_site.site.schema import SCHEMAS as CONTENT_SCHEMAS, schema_text
from tests.security.hostile import payload

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "https://example.org/"
SITES = ["standards", "tests/fixtures/two-editions/standards", "examples/care-inspectorate/standards"]
TWO_EDITIONS = "tests/fixtures/two-editions/standards"
LICENCE = Licence(name="Fixture Licence", url="https://licence.example.org/", terms="Reuse it – freely.",
                  source="Fixture report, 2020")
BOM = "\ufeff"
#: An OSCAL token (NCName): what ids, names and classes must be.
TOKEN = re.compile(r"^[_A-Za-z][_A-Za-z0-9.\-]*$")


def _files(site: str, settings: SiteSettings = SiteSettings()) -> dict[str, str]:
    return data_files(published_content(load_content(ROOT / site), settings), SITE_URL)


@pytest.fixture(scope="module", params=SITES)
def files(request):
    return _files(request.param)


@pytest.fixture(scope="module")
def two_editions():
    return _files(TWO_EDITIONS)


def _schema(files, name):
    return json.loads(files[f"api/v1/schema/{name}"])


def _validate(instance, schema):
    jsonschema.validate(instance, schema, cls=jsonschema.Draft202012Validator,
                        format_checker=jsonschema.FormatChecker())


def _rows(text: str) -> list[dict]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[len(BOM):])))


def _catalog(files, edition: str) -> dict:
    return json.loads(files[oscal_path(edition)])["catalog"]


def _editions(files) -> list[dict]:
    return [json.loads(text) for path, text in files.items() if path.endswith("/standards.json")]


# -- JSON and its schemas -------------------------------------------------------------------------


def test_every_json_export_names_its_published_schema_and_is_valid_against_it(files):
    exports = [path for path in files if path.endswith(".json")
               and not path.startswith("api/v1/schema/") and "/oscal/" not in path
               and not path.endswith("/datapackage.json")]
    assert {"api/v1/index.json", "api/v1/objects.json"} < set(exports)
    for path in exports:
        data = json.loads(files[path])
        name = data["$schema"].removeprefix(SITE_URL)
        assert name in files, path
        schema = json.loads(files[name])
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"] == data["$schema"]
        _validate(data, schema)


def test_the_schemas_list_the_rating_levels_and_mark_addresses(files):
    schema = _schema(files, "edition-export.schema.json")
    levels = list(dict.fromkeys(level["id"] for edition in _editions(files) for level in edition["rating_scale"]))
    assert schema["$defs"]["ExportLevel"]["properties"]["id"]["enum"] == levels
    assert schema["$defs"]["ExportCharacteristic"]["properties"]["level"]["enum"] == levels
    assert schema["$defs"]["ExportStandard"]["properties"]["url"]["format"] == "uri"
    assert schema["$defs"]["ExportReplacement"]["properties"]["how"]["enum"] == ["moved", "renamed", "split", "merged"]


def test_the_five_level_scale_is_the_enum_of_the_example_site():
    schema = _schema(_files("examples/care-inspectorate/standards"), "edition-export.schema.json")
    assert schema["$defs"]["ExportLevel"]["properties"]["id"]["enum"] == [
        "exemplary", "strong", "adequate", "weak", "failing"]


@pytest.mark.parametrize("change, message", [
    (lambda e: e["standards"][0].pop("statement"), "'statement' is a required property"),
    (lambda e: e["standards"][0]["characteristics"][0].update(level="bogus"), "'bogus' is not one of"),
    (lambda e: e["standards"][0].update(url="/standards/1.1/"), "'/standards/1.1/' is not a 'uri'"),
])
def test_the_schema_rejects_a_broken_export(files, change, message):
    schema = _schema(files, "edition-export.schema.json")
    broken = _editions(files)[0]
    change(broken)
    with pytest.raises(jsonschema.ValidationError, match=re.escape(message)):
        _validate(broken, schema)


def test_index_lists_every_data_file(files):
    index = json.loads(files["api/v1/index.json"])
    listed = {index["objects"], *index["schemas"].values()}
    for edition in index["editions"]:
        listed |= {edition["standards_json"], edition["standards_csv"], edition["characteristics_csv"],
                   edition["datapackage"], edition["oscal_catalog"]}
    assert listed == {SITE_URL + path for path in files if path != "api/v1/index.json"}
    assert index["oscal_schema"] == OSCAL_SCHEMA


def test_draft_editions_are_not_exported():
    assert not any("/2024/" in path for path in _files(TWO_EDITIONS))


# -- CSV ------------------------------------------------------------------------------------------


def test_csvs_are_spreadsheet_ready(files):
    """A byte-order mark (Excel then reads UTF-8), Windows line endings, a header row."""
    csvs = [path for path in files if path.endswith(".csv")]
    assert csvs
    for path in csvs:
        text = files[path]
        assert text.startswith(BOM + "edition,"), path
        assert text.count("\n") == text.count("\r\n") > 1, path


def test_csv_and_json_hold_the_same_standards_and_texts_with_titles_and_labels(files):
    for edition in _editions(files):
        folder = f"api/v1/editions/{edition['id']}"
        domains = {d["id"]: d["title"] for d in edition["domains"]}
        rows = _rows(files[f"{folder}/standards.csv"])
        assert list(rows[0]) == ["edition", "domain", "domain_title", "id", "title", "statement", "url", "replaces"]
        assert [(r["domain"], r["domain_title"], r["id"], r["title"], r["statement"]) for r in rows] == [
            (s["domain"], domains[s["domain"]], s["id"], s["title"], s["statement"]) for s in edition["standards"]
        ]
        texts = _rows(files[f"{folder}/characteristics.csv"])
        assert list(texts[0]) == ["edition", "standard", "standard_title", "level", "level_label", "position",
                                  "kind", "text", "url"]
        expected = [
            (s["id"], s["title"], c["level"], c["label"], text)
            for s in edition["standards"] for c in s["characteristics"] for text in [c["summary"], *c["paragraphs"]]
        ]
        assert [(r["standard"], r["standard_title"], r["level"], r["level_label"], r["text"]) for r in texts] == expected


def test_levels_are_labelled_as_on_the_page():
    """The provider's complaint: `requires-improvement` alone, with no label."""
    rows = _rows(_files("standards")["api/v1/editions/2018/characteristics.csv"])
    assert {(r["level"], r["level_label"]) for r in rows} == {
        ("outstanding", "Outstanding"), ("good", "Good"),
        ("requires-improvement", "Requires improvement"), ("inadequate", "Inadequate")}


def test_the_data_package_describes_every_column_and_its_allowed_values(files):
    for edition in _editions(files):
        folder = f"api/v1/editions/{edition['id']}"
        package = json.loads(files[f"{folder}/datapackage.json"])
        assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
        for resource in package["resources"]:
            header = files[f"{folder}/{resource['path']}"].removeprefix(BOM).split("\r\n")[0]
            fields = resource["schema"]["fields"]
            assert [f["name"] for f in fields] == header.split(","), resource["path"]
            assert all(f["title"] and f["description"] for f in fields), resource["path"]
        characteristics = {f["name"]: f for f in package["resources"][1]["schema"]["fields"]}
        assert characteristics["level"]["constraints"]["enum"] == [level["id"] for level in edition["rating_scale"]]
        assert characteristics["level_label"]["constraints"]["enum"] == [
            level["label"] for level in edition["rating_scale"]]
        assert characteristics["url"]["format"] == "uri"


# -- OSCAL ----------------------------------------------------------------------------------------


def test_every_oscal_catalog_is_valid_oscal(files, tmp_path):
    """compliance-trestle reads each catalog with NIST's OSCAL models (and rejects invalid ones)."""
    editions = _editions(files)
    assert editions
    for edition in editions:
        path = tmp_path / f"{edition['id']}.json"
        path.write_text(files[oscal_path(edition["id"])], encoding="utf-8")
        catalog = Catalog.oscal_read(path)
        assert catalog.metadata.version == edition["id"]
        assert catalog.uuid == str(uuid.uuid5(uuid.NAMESPACE_URL, SITE_URL + oscal_path(edition["id"])))


def test_oscal_ids_are_unique_tokens(files):
    for edition in _editions(files):
        ids = re.findall(r'"id": "([^"]*)"', files[oscal_path(edition["id"])])
        assert len(ids) == len(set(ids)) > 0
        assert [i for i in ids if not TOKEN.match(i)] == []


def test_oscal_maps_domains_standards_and_levels(files):
    for edition in _editions(files):
        catalog = _catalog(files, edition["id"])
        assert catalog["metadata"]["title"] == edition["title"]
        standards = {s["id"]: s for s in edition["standards"]}
        assert [(g["id"], g["title"]) for g in catalog["groups"]] == [
            (f"domain-{d['id']}", d["title"]) for d in edition["domains"]]
        for group, domain in zip(catalog["groups"], edition["domains"]):
            assert [(c["id"], c["props"][0]) for c in group["controls"]] == [
                (f"standard-{s}", {"name": "label", "value": s}) for s in domain["standards"]]
            for control in group["controls"]:
                standard = standards[control["props"][0]["value"]]
                assert control["title"] == _plain(standard["title"])
                parts = {p["name"]: p for p in control["parts"]}
                assert _plain(parts["statement"]["prose"]) == standard["statement"]
                levels = [p for p in control["parts"] if p["name"] == "rating-level"]
                assert [(p["class"], p["title"]) for p in levels] == [
                    (level["id"], level["label"]) for level in edition["rating_scale"]]
                assert [(_plain(p["prose"]), [_plain(q["prose"]) for q in p["parts"]]) for p in levels] == [
                    (c["summary"], c["paragraphs"]) for c in standard["characteristics"]]


def test_oscal_records_replacements_and_links_each_standard_to_its_addresses(two_editions):
    current = _catalog(two_editions, "2021")
    controls = {c["id"]: c for g in current["groups"] for c in g["controls"]}
    partnerships = controls["standard-2.1"]
    assert partnerships["props"][1] == {
        "name": "replaces", "ns": "https://example.org/api/v1/", "value": "1.3", "class": "moved",
        "remarks": "Fixture reason: partnerships moved to domain two."}
    assert partnerships["links"] == [
        {"href": "https://example.org/standards/2021/2.1/", "rel": "canonical", "media-type": "text/html",
         "text": "2.1 Partnerships (Fixture framework 2021)"},
        {"href": "https://example.org/standards/current/2.1/", "rel": "latest-version", "media-type": "text/html"},
    ]
    replaced = sorted((c["props"][0]["value"], p["value"], p["class"]) for c in controls.values()
                      for p in c["props"] if p["name"] == "replaces")
    edition = json.loads(two_editions["api/v1/editions/2021/standards.json"])
    assert replaced == sorted((s["id"], r["id"], r["how"]) for s in edition["standards"] for r in s["replaces"])
    assert len(replaced) >= 4
    superseded = _catalog(two_editions, "2018")
    assert all(link["rel"] == "canonical" for g in superseded["groups"] for c in g["controls"] for link in c["links"])


def test_oscal_dates_and_links_come_from_the_editions(two_editions):
    """An edition's catalog changes when it is published and when a later one supersedes it."""
    old, new = _catalog(two_editions, "2018")["metadata"], _catalog(two_editions, "2021")["metadata"]
    assert (old["published"], old["last-modified"]) == ("2018-03-01T00:00:00Z", "2021-04-01T00:00:00Z")
    assert (new["published"], new["last-modified"]) == ("2021-04-01T00:00:00Z", "2021-04-01T00:00:00Z")
    catalog = "https://example.org/api/v1/editions/{}/oscal/catalog.json".format
    assert [(link["rel"], link["href"]) for link in old["links"] if link["href"].endswith("catalog.json")] == [
        ("canonical", catalog("2018")), ("successor-version", catalog("2021")), ("latest-version", catalog("2021"))]
    assert [(link["rel"], link["href"]) for link in new["links"] if link["href"].endswith("catalog.json")] == [
        ("canonical", catalog("2021")), ("predecessor-version", catalog("2018"))]
    assert {"name": "retired", "ns": "https://example.org/api/v1/", "value": "1.7",
            "remarks": "Fixture reason: volunteering is covered by 2.5 Learning in part, and otherwise dropped."
            } in new["props"]


def test_oscal_catalog_is_the_same_in_every_build():
    first, second = _files(TWO_EDITIONS), _files(TWO_EDITIONS)
    assert first[oscal_path("2018")] == second[oscal_path("2018")]


def test_oscal_states_the_reuse_terms_only_when_the_site_does():
    stated = _catalog(_files(TWO_EDITIONS, SiteSettings(licence=LICENCE)), "2021")["metadata"]
    assert {"href": "https://licence.example.org/", "rel": "license", "text": "Fixture Licence"} in stated["links"]
    assert [(p["name"], p["value"]) for p in stated["props"] if p["name"].startswith("license")] == [
        ("license", "Fixture Licence"), ("license-terms", "Reuse it – freely."),
        ("license-source", "Fixture report, 2020")]
    silent = _catalog(_files(TWO_EDITIONS), "2021")["metadata"]
    assert not [p for p in silent["props"] if p["name"].startswith("license")]
    assert not [link for link in silent["links"] if link["rel"] == "license"]


def test_oscal_markup_reads_as_written_in_a_markdown_renderer():
    """OSCAL titles and prose are Markdown: a hostile text is shown as itself, not run."""
    content = published_content(load_content(ROOT / TWO_EDITIONS), SiteSettings())
    edition = content.framework.editions["2021"]
    for number, text in enumerate([payload(1), "1. Not a list", "- not a bullet", "+ nor this", "# nor a heading"]):
        standard = next(iter(edition.standards.values()))
        object.__setattr__(standard, "statement", text)
        catalog = json.loads(data_files(content, SITE_URL)[oscal_path("2021")])["catalog"]
        prose = catalog["groups"][0]["controls"][0]["parts"][0]["prose"]
        html = MarkdownIt("commonmark").render(prose)
        soup = BeautifulSoup(html, "html.parser")
        assert [element.name for element in soup.find_all(True)] == ["p"], (number, html)
        assert soup.get_text().strip() == " ".join(text.split()), number


def _plain(markup: str) -> str:
    """OSCAL markup as the text it shows (backslash escapes removed)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markup)


# -- content schemas ------------------------------------------------------------------------------


@pytest.mark.parametrize("file_name", sorted(CONTENT_SCHEMAS))
def test_committed_content_schemas_match_the_model(file_name):
    committed = (ROOT / "schema" / file_name).read_text(encoding="utf-8")
    assert committed == schema_text(CONTENT_SCHEMAS[file_name], file_name), (
        f"schema/{file_name} is out of date: run `standards-site schema`"
    )
