"""The machine-readable exports match their published JSON Schemas, and the committed
content schemas match the model."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from standards_site.site.content import load_content
from standards_site.site.settings import SiteSettings
from standards_site.site.data_export import data_files
from standards_site.site.publishing import published_content
from standards_site.site.schema import SCHEMAS as CONTENT_SCHEMAS, schema_text

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "https://example.org/"


@pytest.fixture(scope="module", params=["standards", "tests/fixtures/two-editions/standards"])
def files(request):
    content = published_content(load_content(ROOT / request.param), SiteSettings())
    return data_files(content, SITE_URL)


def _schema(files, name):
    return json.loads(files[f"api/v1/schema/{name}"])


def test_every_edition_export_is_valid_against_its_schema(files):
    schema = _schema(files, "edition-export.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    exports = [path for path in files if path.endswith("/standards.json")]
    assert exports
    for path in exports:
        jsonschema.validate(json.loads(files[path]), schema, cls=jsonschema.Draft202012Validator)


def test_the_objects_index_is_valid_against_its_schema(files):
    schema = _schema(files, "objects.schema.json")
    jsonschema.validate(json.loads(files["api/v1/objects.json"]), schema, cls=jsonschema.Draft202012Validator)


def test_the_schema_rejects_an_export_with_a_missing_field(files):
    schema = _schema(files, "edition-export.schema.json")
    path = next(path for path in files if path.endswith("/standards.json"))
    broken = json.loads(files[path])
    del broken["standards"][0]["statement"]
    with pytest.raises(jsonschema.ValidationError, match="'statement' is a required property"):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_csv_and_json_hold_the_same_standards_and_texts(files):
    for path in [p for p in files if p.endswith("/standards.json")]:
        edition = json.loads(files[path])
        folder = path.rsplit("/", 1)[0]
        rows = list(csv.DictReader(io.StringIO(files[f"{folder}/standards.csv"])))
        assert [(r["id"], r["title"], r["statement"]) for r in rows] == [
            (s["id"], s["title"], s["statement"]) for s in edition["standards"]
        ]
        texts = list(csv.DictReader(io.StringIO(files[f"{folder}/characteristics.csv"])))
        expected = [
            (s["id"], c["level"], text)
            for s in edition["standards"] for c in s["characteristics"] for text in [c["summary"], *c["paragraphs"]]
        ]
        assert [(r["standard"], r["level"], r["text"]) for r in texts] == expected


def test_index_lists_every_data_file(files):
    index = json.loads(files["api/v1/index.json"])
    listed = {index["objects"], *index["schemas"].values()}
    for edition in index["editions"]:
        listed |= {edition["standards_json"], edition["standards_csv"], edition["characteristics_csv"],
                   edition["datapackage"]}
    assert listed == {SITE_URL + path for path in files if path != "api/v1/index.json"}


def test_draft_editions_are_not_exported():
    content = published_content(load_content(ROOT / "tests/fixtures/two-editions/standards"), SiteSettings())
    assert not any("/2024/" in path for path in data_files(content, SITE_URL))


@pytest.mark.parametrize("file_name", sorted(CONTENT_SCHEMAS))
def test_committed_content_schemas_match_the_model(file_name):
    committed = (ROOT / "schema" / file_name).read_text(encoding="utf-8")
    assert committed == schema_text(CONTENT_SCHEMAS[file_name], file_name), (
        f"schema/{file_name} is out of date: run `standards-site schema`"
    )

