"""Load `standards/` into the typed model, collecting every error before stopping.

Loading runs in two phases, like mkdocs-autorefs: first each file is parsed and
validated on its own; then references between files (domains listing standards,
standards naming their domain) are resolved once everything is known.
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path
from typing import Any, Optional, TypeVar

from pydantic import BaseModel, ValidationError

from .edition_checks import check_editions
from .errors import ContentError, ContentErrors, display_path
from .framework import Framework, FrameworkEdition
from .model import URL_SAFE_ID, Edition, Standard
from .yaml_source import FieldPath, YamlDocument, YamlSyntaxError, read_yaml

Model = TypeVar("Model", bound=BaseModel)

EDITIONS_DIR = "editions"
EDITION_FILE = "edition.yml"
STANDARDS_DIR = "standards"


def load_framework(root: Path) -> Framework:
    """Load and validate every edition under `root/editions/`.

    Raises:
        ContentErrors: with every problem found in every file.
    """
    loader = _Loader(root)
    framework = loader.load()
    if loader.errors:
        raise ContentErrors(loader.errors)
    return framework


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []

    # -- phase one: each file on its own --------------------------------------------------------

    def load(self) -> Framework:
        editions_dir = self.root / EDITIONS_DIR
        edition_dirs = sorted(p for p in editions_dir.glob("*") if p.is_dir())
        if not edition_dirs:
            self.error(editions_dir, None, "", "no editions found: expected folders such as editions/2018/")
        editions = {}
        for edition_dir in edition_dirs:
            loaded = self.load_edition(edition_dir)
            if loaded is not None:
                editions[loaded.id] = loaded
        ordered = sorted(editions.values(), key=lambda e: e.edition.published, reverse=True)
        framework = Framework({e.id: e for e in ordered})
        self.check_one_current(framework)
        if not self.errors:  # phase three compares editions: only meaningful once each is valid
            check_editions(self.root, framework, self.error)
        return framework

    def load_edition(self, edition_dir: Path) -> Optional[FrameworkEdition]:
        edition_file = edition_dir / EDITION_FILE
        if not edition_file.is_file():
            self.error(edition_dir, None, "", f"missing {EDITION_FILE}: every edition folder needs one")
            return None
        edition = self.load_model(edition_file, Edition)
        standards = [
            (path, self.load_model(path, Standard))
            for path in sorted((edition_dir / STANDARDS_DIR).glob("*.y*ml"))
        ]
        if edition is None:
            return None
        self.check_name_matches_id(edition_file, edition.id, edition_dir.name, "folder")
        for path, standard in standards:
            if standard is not None:
                self.check_name_matches_id(path, standard.id, path.stem, "file")
        valid = [(path, s) for path, s in standards if s is not None]
        # A standard whose file failed to load has been reported already; do not
        # report it again as missing wherever it is referenced.
        unloadable = {path.stem for path, s in standards if s is None}
        return self.resolve_edition(edition_file, edition, valid, unloadable)

    def load_model(self, path: Path, model: type[Model]) -> Optional[Model]:
        """Parse `path` and validate it as `model`, recording errors; None if invalid."""
        try:
            document = read_yaml(path)
        except YamlSyntaxError as error:
            self.error(path, error.line, "", error.message)
            return None
        except UnicodeDecodeError:
            self.error(path, None, "", "the file is not UTF-8 text")
            return None
        for key_path, line in document.duplicate_keys:
            self.error(path, line, _dotted(key_path), "duplicate key: the field is given twice")
        if not isinstance(document.data, dict):
            found = _describe(document.data)
            self.error(path, 1, "", f"expected a mapping of fields (key: value), found {found}")
            return None
        try:
            return model.model_validate(document.data)
        except ValidationError as error:
            for detail in error.errors():
                self.record_validation_error(path, document, model, detail)
            return None

    def record_validation_error(
        self, path: Path, document: YamlDocument, model: type[BaseModel], detail: dict
    ) -> None:
        location = tuple(detail["loc"])
        message = _explain(detail, model, location)
        self.error(path, document.line_of(location), _dotted(location), message)

    # -- phase two: references between files ----------------------------------------------------

    def resolve_edition(
        self, edition_file: Path, edition: Edition, standards: list[tuple[Path, Standard]],
        unloadable: set[str],
    ) -> FrameworkEdition:
        document = read_yaml(edition_file)
        by_id: dict[str, Standard] = {}
        files: dict[str, Path] = {}
        for path, standard in standards:
            if standard.id in by_id:
                self.error(
                    path, _line(path, ("id",)), "id",
                    f"duplicate standard id '{standard.id}' in edition {edition.id}: "
                    f"also used by {display_path(files[standard.id], self.root)}",
                )
                continue
            by_id[standard.id] = standard
            files[standard.id] = path
        self.check_key_questions(edition, standards)

        domain_counts = Counter(domain.id for domain in edition.domains)
        listed: dict[str, str] = {}
        for d_index, domain in enumerate(edition.domains):
            if domain_counts[domain.id] > 1:
                self.error(
                    edition_file, document.line_of(("domains", d_index, "id")),
                    f"domains[{d_index}].id", f"duplicate domain id '{domain.id}'",
                )
            for s_index, standard_id in enumerate(domain.standards):
                location = ("domains", d_index, "standards", s_index)
                field_name = _dotted(location)
                line = document.line_of(location)
                if standard_id in listed:
                    self.error(edition_file, line, field_name,
                               f"standard '{standard_id}' is already listed in domain {listed[standard_id]}")
                    continue
                listed[standard_id] = domain.id
                if standard_id in unloadable:
                    continue
                if standard_id not in by_id:
                    self.error(edition_file, line, field_name, _no_such_standard(standard_id, edition.id, by_id))
                elif by_id[standard_id].domain != domain.id:
                    self.error(
                        files[standard_id], _line(files[standard_id], ("domain",)), "domain",
                        f"standard '{standard_id}' says domain '{by_id[standard_id].domain}' but "
                        f"{display_path(edition_file, self.root)} lists it under domain '{domain.id}'",
                    )
        for standard_id, path in files.items():
            if standard_id not in listed:
                self.error(
                    path, _line(path, ("id",)), "id",
                    f"standard '{standard_id}' is not listed in any domain of "
                    f"{display_path(edition_file, self.root)}: add it to its domain's 'standards' list",
                )
        in_reading_order = {sid: by_id[sid] for sid in listed if sid in by_id}
        return FrameworkEdition(edition=edition, standards=in_reading_order)

    def check_key_questions(self, edition: Edition, standards: list[tuple[Path, Standard]]) -> None:
        seen: dict[str, Path] = {}
        for path, standard in standards:
            for index, question in enumerate(standard.key_questions):
                if question.id in seen:
                    self.error(
                        path, _line(path, ("key_questions", index, "id")), f"key_questions[{index}].id",
                        f"duplicate key question id '{question.id}' in edition {edition.id}",
                    )
                seen[question.id] = path

    def check_name_matches_id(self, path: Path, declared: str, name: str, kind: str) -> None:
        if declared != name:
            self.error(
                path, _line(path, ("id",)), "id",
                f"id '{declared}' does not match the {kind} name '{name}': "
                "rename one so they agree (the id is the page's permanent URL)",
            )

    def check_one_current(self, framework: Framework) -> None:
        current = [e for e in framework.editions.values() if e.edition.status.value == "current"]
        if len(current) > 1:
            for extra in current[1:]:
                path = self.root / EDITIONS_DIR / extra.id / EDITION_FILE
                self.error(path, _line(path, ("status",)), "status",
                           f"editions {', '.join(e.id for e in current)} are all 'current': only one may be")

    def error(self, path: Path, line: Optional[int], field: str, message: str) -> None:
        self.errors.append(ContentError(display_path(path, self.root), line, field, message))


# -- helpers: turning pydantic's errors into sentences for authors ---------------------------------

def _explain(detail: dict, model: type[BaseModel], location: FieldPath) -> str:
    kind, found = detail["type"], detail.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return _unknown_field(model, location)
    if kind == "string_type":
        hint = ""
        if isinstance(found, (int, float)) and not isinstance(found, bool):
            hint = f": put it in quotes, e.g. \"{found}\""
        return f"expected text, found {_describe(found)}{hint}"
    if kind == "string_pattern_mismatch" and detail["ctx"]["pattern"] == URL_SAFE_ID:
        return (f"'{found}' is not a URL-safe id: use lower-case letters, digits, dots and "
                f"hyphens, starting with a letter or digit")
    if kind == "string_pattern_mismatch":
        return f"'{found}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
    if kind == "enum":
        expected = detail.get("ctx", {}).get("expected", "")
        return f"'{found}' is not allowed: expected {expected}"
    if kind == "list_type":
        return f"expected a list, found {_describe(found)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields, found {_describe(found)}"
    if kind == "too_short":
        return "must not be empty"
    return detail["msg"]


def _unknown_field(model: type[BaseModel], location: FieldPath) -> str:
    allowed = _fields_at(model, location[:-1])
    name = str(location[-1])
    message = f"unknown field '{name}'"
    guesses = difflib.get_close_matches(name, allowed, n=1)
    if guesses:
        return f"{message}; did you mean '{guesses[0]}'?"
    return f"{message}; expected one of: {', '.join(allowed)}"


def _fields_at(model: type[BaseModel], path: FieldPath) -> list[str]:
    """The field names allowed at `path` inside `model` (list indexes are skipped)."""
    current: Any = model
    for step in path:
        if isinstance(step, int):
            continue
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


def _no_such_standard(standard_id: str, edition_id: str, known: dict) -> str:
    message = f"standard '{standard_id}' does not exist in edition {edition_id}"
    guesses = difflib.get_close_matches(standard_id, list(known), n=1)
    if guesses:
        return f"{message}; did you mean '{guesses[0]}'?"
    return f"{message}: add standards/{standard_id}.yml or remove it from the list"


def _describe(value: Any) -> str:
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


def _dotted(path: FieldPath) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _line(path: Path, location: FieldPath) -> Optional[int]:
    try:
        return read_yaml(path).line_of(location)
    except (YamlSyntaxError, OSError):
        return None
