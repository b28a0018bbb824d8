"""Content errors that say where and what: file, line, field, expectation."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional


@dataclass(frozen=True)
class ContentError:
    """One problem in the content, located as precisely as the source allows.

    Attributes:
        file: The file at fault, relative to the repository root where possible.
        line: 1-based line number, or None when the problem has no single line.
        field: Dotted path to the field, e.g. `characteristics.good.paragraphs[2]`.
        message: What was expected and what was found, with a fix where one is known.
    """

    file: str
    line: Optional[int]
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class ContentErrors(Exception):
    """Raised once, after every file has been checked, with all the errors found."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.field))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        lines = [f"The content has {count} {noun}; nothing was built:"]
        lines += [f"  {error}" for error in self.errors]
        return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """`path` relative to the folder above `root` when it is inside it, else as given;
    always '/'-separated. Links are not followed: the name is the one the author sees."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root)).parent).as_posix()
    except ValueError:
        return path.as_posix()


class FieldProblem(ValueError):
    """A check across fields that names the field at fault, so errors can point at its line.

    pydantic reports a model validator's error at the model itself; the loader reads
    `path` from the exception (kept in the error's `ctx`) to name the field instead.
    """

    def __init__(self, path: tuple, message: str):
        super().__init__(message)
        self.path = path
        self.message = message
