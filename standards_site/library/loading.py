"""Load the guidance library from `standards/`, collecting every error before stopping.

    standards/guides/<slug>.md        effective-practice guides (front matter + Markdown)
    standards/positions/<slug>.md     position statements (front matter + Markdown)
    standards/glossary.yml            the glossary
    standards/principles.yml          statement of purpose, values, principles of inspection

Every folder and file is optional: a site without position statements simply has
none. Loading follows the framework loader: each file is validated on its own, then
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

from pydantic import BaseModel

from standards_site.core.content_loader import ContentLoader
from standards_site.core.errors import ContentErrors
from standards_site.core.markdown_safety import markdown_problems
from standards_site.core.suggest import unknown
from standards_site.framework.editions import Framework
from standards_site.library.model import Glossary, Guide, PositionStatement, Principles

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


class _LibraryLoader(ContentLoader):
    def __init__(self, root: Path, framework: Optional[Framework]):
        super().__init__(root)
        self.framework = framework

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
        items.sort(key=lambda item: (-item.meta.last_changed.toordinal(), alphabetical(item.meta.title)))
        return {item.meta.slug: item for item in items}

    def load_item(self, path: Path, model: type[Meta]) -> Optional[LibraryItem]:
        loaded = self.load_front_matter(path, model)
        if loaded is None:
            return None
        meta, body = loaded
        if meta.slug in RESERVED_SLUGS:
            self.field_error(path, ("slug",), f"slug '{meta.slug}' is reserved for the filter pages "
                             f"(/{folder_of(model)}/{meta.slug}/...): choose another")
        elif meta.slug != path.stem:
            self.field_error(path, ("slug",),
                             f"slug '{meta.slug}' does not match the file name '{path.stem}': "
                             "rename one so they agree (the slug is the page's permanent URL)")
        if not body.strip():
            self.error(path, None, "", "the page has no text: write its Markdown below the closing '---'")
        self.check_body(path, body)
        self.check_related_standards(path, meta)
        return LibraryItem(meta=meta, body=body, path=path)

    def check_body(self, path: Path, body: str) -> None:
        """No raw HTML, event attributes or script links in the Markdown (core/markdown_safety.py)."""
        problems = markdown_problems(body)
        if problems:
            text = path.read_text(encoding="utf-8")
            before_body = text.count("\n") - body.count("\n")   # the lines of the front matter
            for line, message in problems:
                self.error(path, before_body + line, "body", message)

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
        if not self.present(path):   # every file is optional
            return None
        loaded = self.load_model(path, model)
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


def folder_of(model: type) -> str:
    """The folder under `standards/` (and under `/guidance/`) of a library item model."""
    return GUIDES_DIR if model is Guide else POSITIONS_DIR


def alphabetical(title: str) -> str:
    """A sort key on letters, digits and spaces only, ignoring case: a leading quote mark does not sort first."""
    return "".join(c for c in title.lower() if c.isalnum() or c == " ").strip()
