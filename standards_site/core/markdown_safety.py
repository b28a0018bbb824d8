"""What a guide's or position statement's Markdown body may not contain.

A body is Markdown by design (headings, lists, links, emphasis), but Python-Markdown
also passes raw HTML through, lets `attr_list` add any attribute (`{ onclick=... }`)
and keeps any link scheme (`[x](javascript:...)`). Content arrives by pull request
from authors who are not developers, so those are refused with the line where they
are, instead of being published for a reviewer to miss.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

#: Extensions of the site that change what Markdown can produce (see mkdocs.yml).
EXTENSIONS = ["attr_list", "md_in_html", "tables", "def_list", "admonition", "abbr", "footnotes"]
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|\w+);")
_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "srcset", "xlink:href"}
# Anything that could carry markup: skip the work for a body without them.
_MAYBE_MARKUP = re.compile(r"[<&{]|\]\(|\]:")


def markdown_problems(body: str) -> list[tuple[int, str]]:
    """(line in `body`, message) for each kind of markup a body may not have, first found first.

    >>> markdown_problems("Plain *text* with a [link](https://example.org).")
    []
    >>> markdown_problems("Intro\\n\\n<script>x()</script>")
    [(3, "raw HTML is not allowed ('<script>x()</script>'): write it as Markdown")]
    """
    if not _MAYBE_MARKUP.search(body):
        return []
    converter = markdown.Markdown(extensions=EXTENSIONS)
    html = converter.convert(body)
    problems = []
    for raw in converter.htmlStash.rawHtmlBlocks:
        raw = str(raw)
        if not _ENTITY.fullmatch(raw.strip()):
            problems.append((_line_of(body, raw.strip()[:20]),
                             f"raw HTML is not allowed ('{raw.strip()[:40]}'): write it as Markdown"))
    if problems:   # the raw HTML's own attributes are that problem, not another
        return sorted(problems)
    finder = _UnsafeAttributes()
    finder.feed(html)
    for attribute, value in finder.found:
        if attribute.startswith("on"):
            problems.append((_line_of(body, attribute), f"the attribute '{attribute}' is not allowed"))
        else:
            problems.append((_line_of(body, value[:20]), f"the link '{value[:40]}' is not allowed: "
                             "links must start with https:, http:, mailto: or tel:, or be relative"))
    return sorted(problems)


class _UnsafeAttributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append((name, value))
            elif name in _URL_ATTRIBUTES and _has_unsafe_scheme(value):
                self.found.append((name, value))


def _has_unsafe_scheme(url: str) -> bool:
    """A URL with a scheme that is not a web, mail or telephone address (javascript:, data:...)."""
    compact = re.sub(r"[\x00-\x20]", "", url).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", compact)
    return scheme is not None and not compact.startswith(_SAFE_SCHEMES)


def _line_of(body: str, snippet: str) -> int:
    index = body.find(snippet)
    return body.count("\n", 0, index) + 1 if index >= 0 else 1
