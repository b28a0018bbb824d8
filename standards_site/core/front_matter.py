"""Split a Markdown file's `---` front matter from its body (guides, position statements)."""

from __future__ import annotations

import re

# Lines end at "\n" only: str.splitlines also breaks at U+2028, NEL and other
# separators, which may appear inside a field.
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")


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
    lines = _LINE.findall(text)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError("expected front matter: the file must start with a line '---'", 1)
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1:])
    raise FrontMatterError("the front matter is not closed: add a line '---' after the last field", 1)
