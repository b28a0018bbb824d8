"""The data files in the built sites (not just in memory) validate against the schemas
the same build publishes."""

import json

import jsonschema
import pytest


@pytest.mark.parametrize("fixture", ["built_site", "two_editions_site"])
def test_published_data_validates_against_published_schemas(request, fixture):
    api = request.getfixturevalue(fixture) / "api" / "v1"
    edition_schema = json.loads((api / "schema" / "edition-export.schema.json").read_text(encoding="utf-8"))
    objects_schema = json.loads((api / "schema" / "objects.schema.json").read_text(encoding="utf-8"))
    exports = sorted((api / "editions").glob("*/standards.json"))
    assert exports
    for export in exports:
        data = json.loads(export.read_text(encoding="utf-8"))
        jsonschema.validate(data, edition_schema, cls=jsonschema.Draft202012Validator)
        assert data["id"] == export.parent.name
    objects = json.loads((api / "objects.json").read_text(encoding="utf-8"))
    jsonschema.validate(objects, objects_schema, cls=jsonschema.Draft202012Validator)
