"""Export the JSON Schemas of the content files from the typed model.

The committed files in `schema/` are what editors (via the
`# yaml-language-server: $schema=` line) and other tools read; a test fails
when they differ from what the model exports, so they cannot drift.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from standards_site.library.model import Glossary, Guide, PositionStatement, Principles
from standards_site.inspections.model import ActionPlan, Inspection
from standards_site.framework.model import Edition, Standard
from standards_site.site.accessibility import AccessibilityIssues

SCHEMA_BASE = "https://standards.example.org/schema/"

SCHEMAS: dict[str, type[BaseModel]] = {
    "edition.schema.json": Edition,
    "standard.schema.json": Standard,
    "guide.schema.json": Guide,  # the front matter of standards/guides/*.md
    "position-statement.schema.json": PositionStatement,  # ... of standards/positions/*.md
    "glossary.schema.json": Glossary,
    "principles.schema.json": Principles,
    "inspection.schema.json": Inspection,
    "action-plan.schema.json": ActionPlan,
    "accessibility.schema.json": AccessibilityIssues,   # standards/accessibility.yml
}


def schema_text(model: type[BaseModel], file_name: str) -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + file_name,
        **model.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, model in SCHEMAS.items():
        path = folder / file_name
        path.write_text(schema_text(model, file_name), encoding="utf-8")
        written.append(path)
    return written
