"""Load the guidance library from `standards/`, collecting every error before stopping.

    standards/guides/<slug>.md        effective-practice guides (front matter + Markdown)
    standards/positions/<slug>.md     position statements (front matter + Markdown)
    standards/glossary.yml            the glossary
    standards/principles.yml          statement of purpose, values, principles of inspection

Every folder and file is optional: a site without position statements simply has
none. Loading follows `loader.py`: each file is validated on its own, then
references (related standards) are resolved against the framework, and every
problem is reported once as `ContentErrors` naming file, line and field.

Drafts are loaded and validated like everything else, but only shown when the
preview flag is on (the `preview` setting: `STANDARDS_PREVIEW=1`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, Optional, TypeVar, Union

from pydantic import BaseModel, ValidationError

from standards_site.core.suggest import unknown
from standards_site.core.errors import ContentError, ContentErrors, display_path
from standards_site.framework.editions import Framework
from standards_site.library.model import (
    TAG_PATTERN, FieldProblem, Glossary, Guide, PositionStatement, Principles,
)
from standards_site.core.messages import describe as _describe, dotted as _dotted, explain as _explain
from standards_site.core.yaml_source import FieldPath, YamlSyntaxError, parse_yaml

GUIDES_DIR = "guides"
POSITIONS_DIR = "positions"
GLOSSARY_FILE = "glossary.yml"
PRINCIPLES_FILE = "principles.yml"
#: Slugs that would clash with the generated filter pages (`guides/standard/1.4/`).
RESERVED_SLUGS = {"standard", "tag"}

Meta = TypeVar("Meta", Guide, PositionStatement)
Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class LibraryItem(Generic[Meta]):
    """A guide or position statement: validated front matter plus its Markdown text.

    Attributes:
        meta: The front matter.
        body: The Markdown below the front matter, as the author wrote it.
        path: The file it was read from.
    """

    meta: Meta
    body: str
    path: Path


@dataclass(frozen=True)
class Library:
    """Everything in the guidance library. Guides and statements are ordered newest first."""

    guides: dict[str, LibraryItem[Guide]] = field(default_factory=dict)
    positions: dict[str, LibraryItem[PositionStatement]] = field(default_factory=dict)
    glossary: Optional[Glossary] = None
    principles: Optional[Principles] = None

    def visible_guides(self, preview: bool) -> list[LibraryItem[Guide]]:
        """The guides to publish: all but drafts, or everything in preview."""
        return _visible(self.guides.values(), preview)

    def visible_positions(self, preview: bool) -> list[LibraryItem[PositionStatement]]:
        """The position statements to publish: all but drafts, or everything in preview."""
        return _visible(self.positions.values(), preview)

    def related_to(self, standard_id: str, preview: bool) -> tuple[list[LibraryItem[Guide]], list[LibraryItem[PositionStatement]]]:
        """The guides and the position statements to publish that relate to a standard."""
        guides, positions = self._by_standard.get(standard_id, ([], []))
        return _visible(guides, preview), _visible(positions, preview)

    @cached_property
    def _by_standard(self) -> dict[str, tuple[list, list]]:
        # Built once: every standard page asks, and searching every guide for each standard
        # would grow with standards x guides.
        index: dict[str, tuple[list, list]] = {}
        for kind, items in ((0, self.guides.values()), (1, self.positions.values())):
            for item in items:
                for standard_id in item.meta.related_standards:
                    index.setdefault(standard_id, ([], []))[kind].append(item)
        return index


def _visible(items, preview: bool) -> list:
    return [item for item in items if preview or not item.meta.is_draft]


def load_library(root: Path, framework: Optional[Framework] = None) -> Library:
    """Load and validate the library under `root`.

    Args:
        root: The `standards/` folder.
        framework: The loaded framework, to check related standard ids against its
            current edition; None when it failed to load (those checks are skipped).

    Raises:
        ContentErrors: every problem found.
    """
    loader = _LibraryLoader(root, framework)
    library = loader.load()
    if loader.errors:
        raise ContentErrors(loader.errors)
    return library


class FrontMatterError(ValueError):
    """A Markdown file whose front matter block is missing or unterminated."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


def split_front_matter(text: str) -> tuple[str, str]:
    """Split `---` front matter from the Markdown body.

    >>> split_front_matter("---\\ntitle: A\\n---\\nText\\n")
    ('title: A\\n', 'Text\\n')
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError("expected front matter: the file must start with a line '---'", 1)
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1:])
    raise FrontMatterError("the front matter is not closed: add a line '---' after the last field", 1)


class _LibraryLoader:
    def __init__(self, root: Path, framework: Optional[Framework]):
        self.root = root
        self.framework = framework
        self.errors: list[ContentError] = []

    def load(self) -> Library:
        return Library(
            guides=self.load_items(GUIDES_DIR, Guide),
            positions=self.load_items(POSITIONS_DIR, PositionStatement),
            glossary=self.load_single(GLOSSARY_FILE, Glossary),
            principles=self.load_single(PRINCIPLES_FILE, Principles),
        )

    # -- guides and position statements ---------------------------------------------------------

    def load_items(self, folder: str, model: type[Meta]) -> dict[str, LibraryItem]:
        items = []
        for path in sorted((self.root / folder).glob("*.md")):
            item = self.load_item(path, model)
            if item is not None:
                items.append(item)
        items.sort(key=lambda item: (-item.meta.last_changed.toordinal(), _sort_key(item.meta.title)))
        return {item.meta.slug: item for item in items}

    def load_item(self, path: Path, model: type[Meta]) -> Optional[LibraryItem]:
        try:
            text = path.read_text(encoding="utf-8")
            front_matter, body = split_front_matter(text)
        except UnicodeDecodeError:
            return self.error(path, None, "", "the file is not UTF-8 text")
        except FrontMatterError as problem:
            return self.error(path, problem.line, "", problem.message)
        # The front matter's first line is line 2 of the file (line 1 is `---`).
        meta = self.validate(path, front_matter, model, line_offset=1)
        if meta is None:
            return None
        if meta.slug in RESERVED_SLUGS:
            self.field_error(path, ("slug",), f"slug '{meta.slug}' is reserved for the filter pages "
                             f"(/{folder_of(model)}/{meta.slug}/...): choose another")
        elif meta.slug != path.stem:
            self.field_error(path, ("slug",),
                             f"slug '{meta.slug}' does not match the file name '{path.stem}': "
                             "rename one so they agree (the slug is the page's permanent URL)")
        if not body.strip():
            self.error(path, None, "", "the page has no text: write its Markdown below the closing '---'")
        self.check_related_standards(path, meta)
        return LibraryItem(meta=meta, body=body, path=path)

    def check_related_standards(self, path: Path, meta: Union[Guide, PositionStatement]) -> None:
        current = self.framework.current if self.framework else None
        if current is None:
            return
        for index, standard_id in enumerate(meta.related_standards):
            if standard_id in current.standards:
                continue
            message = unknown(f"there is no standard '{standard_id}' in the current edition ({current.id})",
                              standard_id, current.standards)
            self.field_error(path, ("related_standards", index), message)

    # -- glossary and principles ----------------------------------------------------------------

    def load_single(self, file_name: str, model: type[Model]) -> Optional[Model]:
        path = self.root / file_name
        if not path.is_file():
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            return self.error(path, None, "", "the file is not UTF-8 text")
        loaded = self.validate(path, text, model, line_offset=0)
        if isinstance(loaded, Glossary):
            self.check_glossary(path, loaded)
        return loaded

    def check_glossary(self, path: Path, glossary: Glossary) -> None:
        ids: dict[str, int] = {}
        forms: dict[str, str] = {}
        for index, term in enumerate(glossary.terms):
            if term.id in ids:
                self.field_error(path, ("terms", index, "id"),
                                 f"duplicate term id '{term.id}': also used by terms[{ids[term.id]}]")
            ids.setdefault(term.id, index)
            for a_index, form in enumerate(term.abbreviations):
                if form in forms:
                    self.field_error(path, ("terms", index, "abbreviations", a_index),
                                     f"abbreviation '{form}' is already explained by term '{forms[form]}'")
                forms.setdefault(form, term.id)

    # -- shared ---------------------------------------------------------------------------------

    def validate(self, path: Path, text: str, model: type[Model], line_offset: int) -> Optional[Model]:
        """Parse YAML `text` from `path` and validate it as `model`; None when invalid."""
        try:
            document = parse_yaml(text)
        except YamlSyntaxError as problem:
            line = problem.line + line_offset if problem.line else None
            return self.error(path, line, "", problem.message)
        self._document, self._offset = document, line_offset
        for key_path, line in document.duplicate_keys:
            self.error(path, line + line_offset, _dotted(key_path), "duplicate key: the field is given twice")
        if not isinstance(document.data, dict):
            return self.error(path, 1 + line_offset, "",
                              f"expected a mapping of fields (key: value), found {_describe(document.data)}")
        try:
            return model.model_validate(document.data)
        except ValidationError as problem:
            for detail in problem.errors():
                location, message = _explain_library(detail, model)
                self.field_error(path, location, message)
            return None

    def field_error(self, path: Path, location: FieldPath, message: str) -> None:
        """Record an error at a field of the YAML last validated, looking up its line."""
        found = self._document.line_of(location)
        line = found + self._offset if found else None
        self.error(path, line, _dotted(location), message)

    def error(self, path: Path, line: Optional[int], field_name: str, message: str) -> None:
        """Record an error; returns None so loaders can `return self.error(...)`."""
        self.errors.append(ContentError(display_path(path, self.root), line, field_name, message))
        return None


def folder_of(model: type) -> str:
    """The folder under `standards/` (and under `/guidance/`) of a library item model."""
    return GUIDES_DIR if model is Guide else POSITIONS_DIR


def _sort_key(title: str) -> str:
    """Titles compared on letters and digits only, so a leading quote mark does not sort first."""
    return "".join(c for c in title.lower() if c.isalnum() or c == " ").strip()


def _explain_library(detail: dict, model: type[BaseModel]) -> tuple[FieldPath, str]:
    """The field path and an author-facing sentence for one pydantic error."""
    location = tuple(detail["loc"])
    kind, found = detail["type"], detail.get("input")
    problem = detail.get("ctx", {}).get("error")
    if isinstance(problem, FieldProblem):
        return location + problem.path, problem.message
    if kind.startswith("date_"):
        return location, f"'{found}' is not a date: write YYYY-MM-DD, e.g. 2026-11-23"
    if kind == "string_pattern_mismatch" and detail["ctx"]["pattern"] == TAG_PATTERN:
        return location, (f"'{found}' is not a tag: use lower-case words joined by hyphens, "
                          "e.g. serious-further-offences")
    if kind in ("int_parsing", "int_type"):
        return location, f"expected a whole number, found {_describe(found)}"
    return location, _explain(detail, model, location)
