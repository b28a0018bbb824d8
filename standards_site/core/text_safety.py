"""Characters and sizes a content file may not have.

Control characters are invisible in an editor, usually pasted from a PDF or a word
processor, and some are line breaks to one reader and not to another: YAML and
MkDocs end a line at NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR, Markdown
does not, so a title holding one made MkDocs drop a page's front matter silently and
print it as text. They are refused, with the line and column, wherever they are.
Tab, line feed and carriage return are ordinary text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

#: Larger than any content file needs (the largest real one is under 100 KB); a bigger
#: file is refused before it is read.
MAX_FILE_BYTES = 5_000_000

# C0 controls except tab, line feed and carriage return; DEL; the C1 controls (NEL among
# them); and the two Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_NAMES = {0x00: "NULL", 0x7F: "DELETE", 0x85: "NEXT LINE"}


@dataclass(frozen=True)
class ControlCharacter:
    line: int
    column: int
    code_point: int

    @property
    def message(self) -> str:
        name = _NAMES.get(self.code_point) or unicodedata.name(chr(self.code_point), "a control character")
        return (f"column {self.column}: invisible character U+{self.code_point:04X} ({name}) is not allowed: "
                "delete it (it often comes with text pasted from a PDF or a word processor)")


def find_control_character(text: str) -> Optional[ControlCharacter]:
    """The first control character in `text`, with its 1-based line and column.

    >>> find_control_character("title: A\\u2028B")
    ControlCharacter(line=1, column=9, code_point=8232)
    >>> find_control_character("plain\\ttext\\r\\n") is None
    True
    """
    found = _CONTROL.search(text)
    if found is None:
        return None
    start = found.start()
    line_start = text.rfind("\n", 0, start) + 1
    return ControlCharacter(text.count("\n", 0, start) + 1, start - line_start + 1, ord(found.group()))
