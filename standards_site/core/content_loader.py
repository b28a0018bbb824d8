"""The base of every content loader: read a file safely, validate its YAML as a model,
and record errors that name the file, the line and the field.

The framework, library and inspections loaders each walk their own folders and check
their own rules; reading, validating and placing an error on its line happen here,
once, so every content type gets the same protections and the same wording:

- a file must be a regular file inside the content folder: a link that leads outside
  it, a link to nothing, or a folder named like a content file is refused, and the
  message never shows what lies at the other end of a link;
- text must be UTF-8 (a byte-order mark is allowed and dropped, as editors on Windows
  write one), at most `MAX_FILE_BYTES` long, and free of invisible control characters
  (`core.text_safety`);
- YAML is read with line numbers and limits on nesting and size (`core.yaml_source`);
- pydantic's errors become sentences (`core.messages.explain`).

A field's line is looked up again only when an error needs it: files without errors
are parsed once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, TypeVar

from pydantic import BaseModel, ValidationError

from standards_site.core.errors import ContentError, display_path
from standards_site.core.front_matter import FrontMatterError, split_front_matter
from standards_site.core.messages import describe, dotted, explain
from standards_site.core.text_safety import MAX_FILE_BYTES, find_control_character
from standards_site.core.yaml_source import FieldPath, YamlDocument, YamlSyntaxError, parse_yaml

Model = TypeVar("Model", bound=BaseModel)

_BYTE_ORDER_MARK = "\ufeff"


class ContentLoader:
    """Reads and validates content files under `root`, collecting every error.

    Subclasses walk their folders and call `load_model` / `load_front_matter`, then
    check references between files with `error` and `field_error`.
    """

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        self._real_root = root.resolve()
        self._documents: dict[Path, Optional[tuple[YamlDocument, int]]] = {}

    # -- errors --------------------------------------------------------------------------------

    def error(self, path: Path, line: Optional[int], field_name: str, message: str) -> None:
        """Record an error; returns None so loaders can `return self.error(...)`."""
        self.errors.append(ContentError(display_path(path, self.root), line, field_name, message))
        return None

    def field_error(self, path: Path, location: FieldPath, message: str) -> None:
        """Record an error at a field of `path`, placed on the field's line."""
        self.error(path, self.line_of(path, location), dotted(location), message)

    def line_of(self, path: Path, location: FieldPath) -> Optional[int]:
        """The line of a field (or of its nearest enclosing field) in `path`, or None."""
        if path not in self._documents:
            self._documents[path] = self._parse_quietly(path)
        found = self._documents[path]
        if found is None:
            return None
        document, offset = found
        line = document.line_of(location)
        return line + offset if line else None

    # -- reading -------------------------------------------------------------------------------

    def read_text(self, path: Path) -> Optional[str]:
        """The text of a content file, or None after recording why it cannot be read."""
        problem = self.unreadable(path)
        if problem:
            return self.error(path, None, "", problem)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                return self.error(path, None, "", f"the file is {size:,} bytes; a content file may be at "
                                  f"most {MAX_FILE_BYTES:,}: split it")
            text = path.read_text(encoding="utf-8").removeprefix(_BYTE_ORDER_MARK)
        except UnicodeDecodeError as failure:
            return self.error(path, None, "", f"the file is not UTF-8 text (byte {failure.start + 1} "
                              "cannot be read): save it as UTF-8")
        except OSError as failure:
            return self.error(path, None, "", f"the file cannot be read ({failure.strerror})")
        if found := find_control_character(text):
            return self.error(path, found.line, "", found.message)
        return text

    @staticmethod
    def present(path: Path) -> bool:
        """Whether there is anything at `path`, even a broken link (which `read_text` then names)."""
        return path.exists() or path.is_symlink()

    def unreadable(self, path: Path) -> Optional[str]:
        """Why `path` is not a plain file inside the folder, or None."""
        if path.is_symlink() and not path.exists():
            return "the file is a link to a file that does not exist: replace it with the file itself"
        if not self._inside_content(path):
            return (f"the file is a link to something outside the content folder "
                    f"({display_path(self.root, self.root)}/): content must be kept in the repository, "
                    "so replace the link with the file itself")
        if path.is_dir():
            return f"'{path.name}' is a folder, not a file: rename it (a name ending in {path.suffix} is read as content)"
        if not path.is_file():
            return "not a regular file: only plain text files are read"
        return None

    def _inside_content(self, path: Path) -> bool:
        return path.resolve().is_relative_to(self._real_root)

    # -- validating ----------------------------------------------------------------------------

    def load_model(self, path: Path, model: type[Model]) -> Optional[Model]:
        """Read a YAML file and validate it as `model`; None (errors recorded) if invalid."""
        text = self.read_text(path)
        if text is None:
            return None
        return self.validate(path, text, model, line_offset=0)

    def load_front_matter(self, path: Path, model: type[Model]) -> Optional[tuple[Model, str]]:
        """Read a Markdown file's front matter as `model`; returns it with the Markdown body."""
        text = self.read_text(path)
        if text is None:
            return None
        try:
            front_matter, body = split_front_matter(text)
        except FrontMatterError as problem:
            return self.error(path, problem.line, "", problem.message)
        # The front matter's first line is line 2 of the file (line 1 is `---`).
        meta = self.validate(path, front_matter, model, line_offset=1)
        return None if meta is None else (meta, body)

    def validate(self, path: Path, text: str, model: type[Model], line_offset: int) -> Optional[Model]:
        try:
            document = parse_yaml(text)
        except YamlSyntaxError as problem:
            return self.error(path, problem.line + line_offset if problem.line else None, "", problem.message)
        for key_path, line in document.duplicate_keys:
            self.error(path, line + line_offset, dotted(key_path), "duplicate key: the field is given twice")
        if not isinstance(document.data, dict):
            return self.error(path, 1 + line_offset, "",
                              f"expected a mapping of fields (key: value), found {describe(document.data)}")
        try:
            return model.model_validate(document.data)
        except ValidationError as problem:
            # This file has errors: keep its lines for the checks that follow.
            self._documents[path] = (document, line_offset)
            for detail in problem.errors():
                location, message = explain(detail, model, document.numbers)
                self.field_error(path, location, message)
            return None

    def _parse_quietly(self, path: Path) -> Optional[tuple[YamlDocument, int]]:
        """Parse `path` again to find a line; None when it cannot be (its error is reported already)."""
        if self.unreadable(path):
            return None
        try:
            text = path.read_text(encoding="utf-8").removeprefix(_BYTE_ORDER_MARK)
            if path.suffix == ".md":
                return parse_yaml(split_front_matter(text)[0]), 1
            return parse_yaml(text), 0
        except (OSError, UnicodeDecodeError, FrontMatterError, YamlSyntaxError):
            return None

    # -- shared checks -------------------------------------------------------------------------

    def check_name_matches_id(self, path: Path, declared: str, name: str, kind: str) -> None:
        if declared != name:
            self.field_error(
                path, ("id",),
                f"id '{declared}' does not match the {kind} name '{name}': "
                "rename one so they agree (the id is the page's permanent URL)",
            )
