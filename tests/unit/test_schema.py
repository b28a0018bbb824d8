"""The committed JSON Schemas match the model, and the real content satisfies them."""

import json
from pathlib import Path

import jsonschema
import pytest

from standards_site.site.schema import SCHEMAS, schema_text
from standards_site.core.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("file_name", sorted(SCHEMAS))
def test_committed_schema_matches_the_model(file_name):
    committed = (ROOT / "schema" / file_name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[file_name], file_name), (
        f"schema/{file_name} is out of date: run `standards-site schema`")


def _files_and_schemas():
    editions = sorted((ROOT / "standards/editions").glob("*/edition.yml"))
    standards = sorted((ROOT / "standards/editions").glob("*/standards/*.yml"))
    return [(p, "edition.schema.json") for p in editions] + [(p, "standard.schema.json") for p in standards]


@pytest.mark.parametrize("path, file_name", _files_and_schemas(), ids=lambda v: getattr(v, "name", v))
def test_content_satisfies_the_json_schema(path, file_name):
    schema = json.loads((ROOT / "schema" / file_name).read_text(encoding="utf-8"))
    jsonschema.validate(read_yaml(path).data, schema)


def test_json_schema_rejects_what_the_model_rejects():
    schema = json.loads((ROOT / "schema/standard.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="'characteristics' is a required property"):
        jsonschema.validate({"id": "1.2", "domain": "1", "title": "Staff", "statement": "x"}, schema)
