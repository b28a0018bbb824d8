"""The library's JSON Schemas are current and the real content satisfies them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from standards_site.core.front_matter import split_front_matter
from standards_site.site.schema import schema_text
from standards_site.library.model import Glossary, Guide, PositionStatement, Principles
from standards_site.core.yaml_source import parse_yaml, read_yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "library" / "standards"
SCHEMAS = {
    "guide.schema.json": Guide,
    "position-statement.schema.json": PositionStatement,
    "glossary.schema.json": Glossary,
    "principles.schema.json": Principles,
}


def schema(file_name: str) -> dict:
    return json.loads((ROOT / "schema" / file_name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("file_name", sorted(SCHEMAS))
def test_committed_schema_matches_the_model(file_name):
    committed = (ROOT / "schema" / file_name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[file_name], file_name), "run `standards-site schema`"


def front_matter(path: Path) -> dict:
    return parse_yaml(split_front_matter(path.read_text(encoding="utf-8"))[0]).data


@pytest.mark.parametrize(
    "path, file_name",
    [(p, "guide.schema.json") for p in sorted((ROOT / "standards" / "guides").glob("*.md"))]
    + [(p, "position-statement.schema.json") for p in sorted((FIXTURES / "positions").glob("*.md"))],
    ids=lambda value: getattr(value, "name", value),
)
def test_front_matter_satisfies_its_schema(path, file_name):
    jsonschema.validate(front_matter(path), schema(file_name))


@pytest.mark.parametrize("name", ["glossary", "principles"])
def test_glossary_and_principles_satisfy_their_schemas(name):
    jsonschema.validate(read_yaml(ROOT / "standards" / f"{name}.yml").data, schema(f"{name}.schema.json"))


def test_the_guide_schema_rejects_an_unknown_field():
    data = front_matter(ROOT / "standards" / "guides" / "learning-from-sfos-in-wales.md")
    with pytest.raises(jsonschema.ValidationError, match="Additional properties are not allowed"):
        jsonschema.validate({**data, "author": "x"}, schema("guide.schema.json"))
