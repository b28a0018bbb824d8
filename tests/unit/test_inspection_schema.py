"""The committed JSON Schemas of inspection files match the model, and the real files pass them."""

import json
from pathlib import Path

import jsonschema
import pytest

from standards_site.site.schema import SCHEMAS, schema_text
from standards_site.core.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("file_name", ["inspection.schema.json", "action-plan.schema.json"])
def test_the_committed_schema_is_the_models_export(file_name):
    committed = (ROOT / "schema" / file_name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[file_name], file_name), "run `standards-site schema`"


@pytest.mark.parametrize("file_name, schema", [
    ("inspection.yml", "inspection.schema.json"),
    ("action-plan.yml", "action-plan.schema.json"),
])
def test_every_inspection_file_passes_its_schema(file_name, schema):
    validator = jsonschema.Draft202012Validator(json.loads((ROOT / "schema" / schema).read_text(encoding="utf-8")))
    files = sorted((ROOT / "standards" / "inspections").glob(f"*/{file_name}"))
    assert files
    for path in files:
        errors = [error.message for error in validator.iter_errors(read_yaml(path).data)]
        assert errors == [], path
