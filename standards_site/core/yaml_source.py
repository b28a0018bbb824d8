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
    """Parsed YAML with the line of each field path and any duplicate keys found, and
    numbers as written (`1.10`, which YAML reads as 1.1), for messages that quote them."""

    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    numbers: dict[FieldPath, str] = field(default_factory=dict)
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
        if _may_nest_deeper_than(text, MAX_DEPTH):
            _check_depth(text)
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
#: More text than any content file holds, counting repeats through aliases: a small
#: file whose aliases repeat a long text would otherwise become gigabytes of pages.
MAX_TEXT = 10_000_000
#: Deeper than any content model goes (a standard is five levels deep). Deeper input is
#: refused before it is built: libyaml's composer recurses in C, and a list nested some
#: hundred thousand deep crashes the process instead of raising an error.
MAX_DEPTH = 100

_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_COLLECTION_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _may_nest_deeper_than(text: str, limit: int) -> bool:
    """A cheap upper bound on nesting, so only suspicious files pay for `_check_depth`.

    A flow collection opens with `[` or `{`. A block collection nested in another starts
    further right, except a list given as a mapping's value, which may start in the same
    column: so block nesting is at most twice the furthest column a collection starts in,
    and a collection starts after a line's indentation and its compact entries (`- - x`).
    """
    flow = text.count("[") + text.count("{")
    if flow > limit:
        return True
    furthest = max(len(line) - len(line.lstrip(" -?")) for line in text.split("\n"))
    return flow + 2 * (furthest + 1) > limit


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, reading libyaml's events (a loop, not recursion)."""
    depth = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, _COLLECTION_STARTS):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlSyntaxError(f"invalid YAML: lists or mappings nested more than {MAX_DEPTH} deep",
                                      event.start_mark.line + 1)
        elif isinstance(event, _COLLECTION_ENDS):
            depth -= 1


@dataclass
class _Walk:
    """The nodes on the way down (an alias inside its own anchor never ends) and counts."""

    open: set[int] = field(default_factory=set)
    values: int = 0
    text: int = 0


def _record_lines(node: yaml.Node, path: FieldPath, document: YamlDocument, walk: _Walk) -> None:
    line = node.start_mark.line + 1
    walk.values += 1
    if walk.values > MAX_VALUES:
        raise YamlSyntaxError(f"invalid YAML: more than {MAX_VALUES:,} values (aliases repeated "
                              "too many times?)", line)
    if len(walk.open) >= MAX_DEPTH:   # nesting that aliases add, which the text does not show
        raise YamlSyntaxError(f"invalid YAML: lists or mappings nested more than {MAX_DEPTH} deep "
                              "once aliases are followed", line)
    if isinstance(node, yaml.ScalarNode):
        walk.text += len(node.value)
        if node.tag in _NUMBER_TAGS:
            document.numbers[path] = node.value
        if walk.text > MAX_TEXT:
            raise YamlSyntaxError(f"invalid YAML: more than {MAX_TEXT:,} characters of text once "
                                  "aliases are repeated (aliases repeated too many times?)", line)
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
