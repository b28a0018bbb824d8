"""A copy of the real site with a hostile string in every text field of every content type.

Which fields are text is read from the content model's own JSON Schemas (a string
with no pattern, format or enum: titles, statements, characteristics, definitions,
owners...), so a text field added to the model is attacked without editing this file.
Each field gets its own numbered payload, so a finding names the file and field.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from xml.etree import ElementTree

import yaml
from bs4 import BeautifulSoup, Comment, Tag
from markdown_it import MarkdownIt

from standards_site.core.front_matter import split_front_matter
from standards_site.site.schema import SCHEMAS
from tests.citation_formats import FormatError, read_citation_file
from tests.conftest import ROOT

#: Which schema each content file follows, by its path under standards/.
FILE_SCHEMAS = {
    "editions/*/edition.yml": "edition.schema.json",
    "editions/*/standards/*.yml": "standard.schema.json",
    "guides/*.md": "guide.schema.json",
    "positions/*.md": "position-statement.schema.json",
    "glossary.yml": "glossary.schema.json",
    "principles.yml": "principles.schema.json",
    "inspections/*/inspection.yml": "inspection.schema.json",
    "inspections/*/action-plan.yml": "action-plan.schema.json",
    "accessibility.yml": "accessibility.schema.json",
}
#: The real site has no position statement yet: the library fixture's is added.
POSITION = ROOT / "tests/fixtures/library/standards/positions/fixture-position.md"


def payload(n: int) -> str:
    """Text that would be markup in HTML, an attribute, Markdown, Jinja, a URL or a script."""
    return (
        f"Hostile{n} <xss-{n}>el</xss-{n}> <img src=x onerror=xss{n}()> "
        f"\" onmouseover=\"xss{n}()\" data-xss{n}=\" ' onfocus='xss{n}() "
        f"</title></textarea></script><script>xss{n}()</script><!-- "
        f"[link{n}](javascript:xss{n}()) **bold{n}** _em{n}_ `code{n}` "
        f"{{{{ xss{n} }}}} {{% if xss{n} %}} ]]> &amp; &#60;\n\n# heading{n}\n\n- item{n}\n\nend{n}"
    )


#: How a payload starts: `Hostile12` is the twelfth field attacked.
_MENTION = re.compile(r"Hostile(\d+)")

#: Fields kept as written. An abbreviation is explained only where its words occur in a
#: page, so it stays a real word (`NPS`), and its tooltip (the expansion) is attacked.
KEPT = {"abbreviations"}


@dataclass
class HostileSite:
    """The copied project and, per payload number, the field it was put in."""

    root: Path
    fields: dict[int, str] = field(default_factory=dict)
    _count: int = 0

    def next_number(self) -> int:
        self._count += 1
        return self._count

    def text_of(self, n: int) -> str:
        """How payload `n` must read on the page: exactly as written, whitespace folded."""
        return " ".join(payload(n).split())


def make_hostile_site(target: Path) -> HostileSite:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".git", "node_modules", "site", "build", ".venv", "tests", "benchmarks", "examples", "standards_site", "*.egg-info"))
    (target / "standards/positions").mkdir(exist_ok=True)
    shutil.copy(POSITION, target / "standards/positions")
    site = HostileSite(target)
    content = target / "standards"
    for pattern, schema_name in FILE_SCHEMAS.items():
        schema = SCHEMAS[schema_name].model_json_schema()
        for path in sorted(content.glob(pattern)):
            where = path.relative_to(target).as_posix()
            if path.suffix == ".md":
                front, body = split_front_matter(path.read_text(encoding="utf-8"))
                data = _inject(yaml.safe_load(front), schema, schema.get("$defs", {}), site, where)
                path.write_text("---\n" + _dump(data) + "---\n" + body, encoding="utf-8")
            else:
                data = _inject(yaml.safe_load(path.read_text(encoding="utf-8")), schema,
                               schema.get("$defs", {}), site, where)
                path.write_text(_dump(data), encoding="utf-8")
    return site


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def _inject(data: Any, schema: dict, defs: dict, site: HostileSite, where: str) -> Any:
    """`data` with every text value (as its schema says) replaced by a numbered payload."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:   # Optional[...]: the branch that is not null
        branches = [s for s in schema["anyOf"] if s.get("type") != "null"]
        schema = branches[0] if data is not None else {"type": "null"}
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        injected = {key: value if key in KEPT else
                    _inject(value, properties.get(key) or (extra if isinstance(extra, dict) else {}),
                            defs, site, f"{where}: {key}")
                    for key, value in data.items()}
        return _fit_rules(injected, data, site)
    if isinstance(data, list):
        return [_inject(item, schema.get("items", {}), defs, site, f"{where}[{i}]")
                for i, item in enumerate(data)]
    if isinstance(data, str) and _is_text(schema):
        n = site.next_number()
        site.fields[n] = where
        return payload(n)
    return data


def _fit_rules(injected: dict, original: dict, site: HostileSite) -> dict:
    """Keep the two rules that tie a text to something else, with a payload inside."""
    if "expansion" in injected:   # a tooltip must quote its term or definition
        site.fields.pop(int(_MENTION.match(injected["expansion"]).group(1)))
        injected["expansion"] = injected["definition"]
    if isinstance(original.get("target"), str):   # an action's target, in a form the tracker reads
        injected["target"] = ("2020 – 2021 is the first year of delivery of what is a five year "
                              f"programme ({injected['target']})")
    return injected


def _is_text(schema: dict) -> bool:
    return schema.get("type") == "string" and not {"pattern", "enum", "format", "const"} & schema.keys()




# -- reading the built site back ------------------------------------------------------------------

_MARKDOWN_TAGS = {"strong", "em", "code", "b", "i", "h1", "h2", "h3", "h4", "h5", "h6", "li", "a"}
_MARKDOWN_MADE = re.compile(r"(bold|em|code|heading|item)\d+")


def findings(site: HostileSite, built: Path) -> list[str]:
    """Every place in the built site where a payload became more than text.

    HTML is parsed as a browser parses it (html5lib), so a payload that closes
    `<title>`, an attribute or a `<script>` is seen as the element or attribute it made.
    """
    found = []
    for path in sorted(built.rglob("*")):
        where = path.relative_to(built).as_posix()
        if path.suffix == ".html":
            found += [f"{where}: {problem}" for problem in html_findings(site, path.read_text(encoding="utf-8"))]
        elif path.suffix in (".json", ".csv", ".xml", ".ris", ".bib"):
            found += [f"{where}: {problem}" for problem in data_findings(site, path)]
    return found


def html_findings(site: HostileSite, html: str) -> list[str]:
    soup = BeautifulSoup(html, "html5lib")
    found = []
    for element in soup.find_all(True):
        found += [problem for problem in _element_findings(site, element)]
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if _MENTION.search(comment) or "xss" in comment:
            found.append(f"a comment swallowed text: <!--{comment[:60]}-->")
    found += _text_findings(site, " ".join(soup.get_text(" ").split()), "page text")
    return found


def _element_findings(site: HostileSite, element: Tag) -> Iterator[str]:
    name = element.name
    if name.startswith("xss-") or (name == "img" and element.get("src") == "x"):
        yield f"element <{name}> made by payload {name[4:] or '?'}"
    if name == "script" and "xss" in element.get_text():
        if element.get("type") != "application/json":
            yield "a payload is inside a <script>"
    if name in _MARKDOWN_TAGS and _MARKDOWN_MADE.fullmatch(element.get_text().strip()):
        yield f"Markdown made <{name}>{element.get_text()}</{name}>"
    for attribute, value in element.attrs.items():
        value = " ".join(value) if isinstance(value, list) else value
        if "xss" in attribute or (attribute.startswith("on") and "xss" in value):
            yield f"attribute {attribute}=\"{value[:40]}\" on <{name}> made by a payload"
        if attribute == "href" and value.strip().lower().startswith("javascript:"):
            yield f"javascript: link <a href=\"{value[:40]}\">"
        yield from _text_findings(site, value, f"<{name} {attribute}>")


def _text_findings(site: HostileSite, text: str, place: str) -> Iterator[str]:
    """Wherever a payload is mentioned, it must read exactly as written."""
    for mention in _MENTION.finditer(text):
        n = int(mention.group(1))
        expected = site.text_of(n)
        shown = text[mention.start():mention.start() + len(expected)]
        if shown != expected:
            yield f"{place}: payload {n} ({site.fields.get(n)}) reads {shown!r}"


def data_findings(site: HostileSite, path: Path) -> list[str]:
    if path.suffix in (".ris", ".bib"):
        return citation_findings(site, path)
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        strings = list(_json_strings(json.loads(text)))
        if path.parent.name == "oscal":
            return oscal_findings(site, json.loads(text))
    elif path.suffix == ".csv":
        strings = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    else:
        tree = ElementTree.fromstring(text)
        strings = [s for element in tree.iter() for s in (element.text or "", *element.attrib.values())]
        if any("xss" in element.tag for element in tree.iter()):
            return ["an XML element made by a payload"]
    found = []
    for value in strings:
        found += list(_text_findings(site, " ".join(value.split()), "value"))
        if value.lstrip().startswith("<") and _MENTION.search(value):   # HTML carried in data (the feed)
            found += html_findings(site, value)
    return found


#: The fields of an OSCAL document that are markup (Markdown), which an OSCAL tool renders.
_OSCAL_MARKUP = {"title", "prose", "remarks", "text"}


def oscal_findings(site: HostileSite, document: Any) -> list[str]:
    """An OSCAL catalog's markup, rendered as CommonMark, must show each payload as the text
    it is; its other values (ids, property values, addresses) are plain text."""
    found = []
    for is_markup, value in _oscal_strings(document):
        if is_markup:
            found += [f"OSCAL markup: {problem}" for problem in
                      html_findings(site, MarkdownIt("commonmark").render(value))]
        else:
            found += list(_text_findings(site, " ".join(value.split()), "value"))
    return found


def _oscal_strings(value: Any, key: str = "") -> Iterator[tuple[bool, str]]:
    if isinstance(value, str):
        yield key in _OSCAL_MARKUP, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _oscal_strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _oscal_strings(item, key)


def citation_findings(site: HostileSite, path: Path) -> list[str]:
    """A citation file must parse as one record of the site's own tags or fields (a payload
    must not start a RIS tag or a BibTeX field or entry), and each value read as written."""
    try:
        records = read_citation_file(path)
    except FormatError as error:
        return [f"the format is broken: {error}"]
    if len(records) != 1:
        return [f"{len(records)} records instead of one"]
    found = []
    for value in _json_strings(records[0]):
        found += list(_text_findings(site, " ".join(value.split()), "value"))
    return found


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _json_strings(key)
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


if __name__ == "__main__":   # python -m tests.security.hostile DIR [BUILT]: make one, or check a build
    import sys

    made = make_hostile_site(Path(sys.argv[1]))
    if len(sys.argv) > 2:
        print("\n".join(findings(made, Path(sys.argv[2]))))
