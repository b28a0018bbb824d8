"""Read YAML while remembering the line of every value, so errors can name it.

PyYAML's composed node tree carries line marks; `safe_load` throws them away.
We compose once, then construct the data from the same tree and record a map
from field path (`("characteristics", "good", "paragraphs", 2)`) to line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

FieldPath = tuple[Any, ...]


# libyaml's parser is about ten times faster than the pure-Python one, and keeps line marks.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ContentLoader(_SafeLoader):
    """SafeLoader that keeps dates as text.

    Source dates have mixed precision (`2018-03`, `2020-03-04`); turning some of
    them into `datetime.date` and not others would make the model inconsistent.
    """


_ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlSyntaxError(Exception):
    """The file is not valid YAML. `line` is 1-based when PyYAML knows it."""

    def __init__(self, message: str, line: Optional[int]):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class YamlDocument:
    """Parsed YAML with the line of each field path and any duplicate keys found."""

    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[FieldPath, int]] = field(default_factory=list)

    def line_of(self, path: FieldPath) -> Optional[int]:
        """The line of `path`, or of its nearest enclosing field that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document, recording lines. Raises `YamlSyntaxError`."""
    loader = _ContentLoader(text)
    try:
        node = loader.get_single_node()
        document = YamlDocument(data=None)
        if node is not None:
            _record_lines(node, (), document, _Walk())
            document.data = loader.construct_document(node)
        return document
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = ": ".join(part for part in (error.context, error.problem) if part)
        raise YamlSyntaxError(f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(f"invalid YAML: {error}", None) from None
    finally:
        loader.dispose()


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse a UTF-8 YAML file."""
    return parse_yaml(path.read_text(encoding="utf-8"))


#: More values than any content file has, even counting repeats through aliases
#: (`*name`): a file that expands beyond it is refused rather than read for ever.
MAX_VALUES = 200_000


@dataclass
class _Walk:
    """The nodes on the way down (an alias inside its own anchor never ends) and a count."""

    open: set[int] = field(default_factory=set)
    values: int = 0


def _record_lines(node: yaml.Node, path: FieldPath, document: YamlDocument, walk: _Walk) -> None:
    line = node.start_mark.line + 1
    walk.values += 1
    if walk.values > MAX_VALUES:
        raise YamlSyntaxError(f"invalid YAML: more than {MAX_VALUES:,} values (aliases repeated "
                              "too many times?)", line)
    if id(node) in walk.open:
        raise YamlSyntaxError("invalid YAML: an alias refers to the anchor that contains it", line)
    document.lines[path] = line
    walk.open.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                document.duplicate_keys.append((path + (key,), key_node.start_mark.line + 1))
            seen.add(key)
            _record_lines(value_node, path + (key,), document, walk)
            # A key's own line is more useful than its value's (a block list starts below it).
            document.lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), document, walk)
    walk.open.discard(id(node))
