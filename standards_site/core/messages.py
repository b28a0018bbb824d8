"""Turning pydantic's errors into sentences for authors: shared by every content loader.

    explain(detail, model)  -> (("titel",), "unknown field 'titel'; did you mean 'title'?")
    dotted(("domains", 0, "standards", 4))  -> "domains[0].standards[4]"
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from pydantic import BaseModel

from standards_site.core.suggest import unknown
from standards_site.core.errors import FieldProblem
from standards_site.core.types import LEVEL_ID, TAG_PATTERN, URL_SAFE_ID
from standards_site.core.yaml_source import FieldPath


def explain(detail: dict, model: type[BaseModel],
            written: Optional[Mapping[FieldPath, str]] = None) -> tuple[FieldPath, str]:
    """The field at fault and a sentence for the author, for one of pydantic's errors.

    `written`: numbers as the file writes them (`YamlDocument.numbers`), to quote.
    """
    # pydantic places an invalid mapping key at (..., key, "[key]"): the key's own line.
    location = tuple(step for step in detail["loc"] if step != "[key]")
    problem = detail.get("ctx", {}).get("error")
    if isinstance(problem, FieldProblem):   # a check across fields names the field at fault
        return location + problem.path, problem.message
    return location, _sentence(detail, model, location, (written or {}).get(location))


def _sentence(detail: dict, model: type[BaseModel], location: FieldPath, written: Optional[str]) -> str:
    kind, found = detail["type"], detail.get("input")
    pattern = detail.get("ctx", {}).get("pattern")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return _unknown_field(model, location)
    if kind == "string_type":
        if isinstance(found, (int, float)) and not isinstance(found, bool):
            # Quote what the author wrote: `1.10` is read as the number 1.1.
            as_written = written or str(found)
            return f"expected text, found a number ({as_written}): put it in quotes, e.g. \"{as_written}\""
        return f"expected text, found {describe(found)}"
    if kind.startswith("date_"):
        return f"'{found}' is not a date: write YYYY-MM-DD, e.g. 2026-11-23"
    if kind in ("int_parsing", "int_type"):
        return f"expected a whole number, found {describe(found)}"
    if kind == "string_pattern_mismatch" and pattern == URL_SAFE_ID:
        return (f"'{found}' is not a URL-safe id: use lower-case letters, digits, dots and "
                f"hyphens, starting with a letter or digit")
    if kind == "string_pattern_mismatch" and pattern == LEVEL_ID:
        return (f"'{found}' is not a rating level id: use lower-case letters, digits and single "
                f"hyphens, starting with a letter (e.g. requires-improvement)")
    if kind == "string_pattern_mismatch" and pattern == TAG_PATTERN:
        return (f"'{found}' is not a tag: use lower-case words joined by hyphens, "
                "e.g. serious-further-offences")
    if kind == "string_pattern_mismatch":
        return f"'{found}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
    if kind == "enum":
        expected = detail.get("ctx", {}).get("expected", "")
        return f"'{found}' is not allowed: expected {expected}"
    if kind == "list_type":
        return f"expected a list, found {describe(found)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields, found {describe(found)}"
    if kind == "too_short" and detail.get("ctx", {}).get("min_length", 1) > 1:
        return f"needs at least {detail['ctx']['min_length']} entries, found {detail['ctx'].get('actual_length')}"
    if kind in ("too_short", "string_too_short"):
        return "must not be empty"
    if kind == "string_too_long":
        limit = detail.get("ctx", {}).get("max_length")
        return f"'{str(found)[:60]}' is {len(str(found))} characters long; at most {limit} are allowed: shorten it"
    return detail["msg"]


def _unknown_field(model: type[BaseModel], location: FieldPath) -> str:
    allowed = _fields_at(model, location[:-1])
    name = str(location[-1])
    message = f"unknown field '{name}'"
    return unknown(message, name, allowed, otherwise=f"{message}; expected one of: {', '.join(allowed)}")


def _fields_at(model: type[BaseModel], path: FieldPath) -> list[str]:
    """The field names allowed at `path` inside `model` (list indexes are skipped)."""
    current: Any = model
    for step in path:
        if isinstance(step, int) or step not in current.model_fields:
            continue   # a list index, or a key of a mapping such as `characteristics`
        annotation = current.model_fields[step].annotation
        current = _model_in(annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> Optional[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ('{value[:40]}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def dotted(path: FieldPath) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out
