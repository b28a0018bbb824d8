"""Jinja environment for generated pages: content text is always escaped.

Generated pages are Markdown with some HTML. Every value from the content is
escaped twice over by default: HTML-escaped (Jinja autoescape), then the
characters Markdown would act on (`*`, `_`, `[`, a leading `#`, ...) are turned
into character references, so a standard's text is shown exactly as written and
a hostile string cannot inject markup. Template authors opt out only by passing
`markupsafe.Markup`, which is reserved for fragments we build ourselves.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).parent.parent / "templates"

# Characters that HTML or Markdown (with the enabled extensions: tables, attr_list,
# md_in_html, abbr, tabbed) would act on. Each becomes a numeric character reference,
# in a single pass so that no reference is escaped twice.
_ESCAPED = re.compile("[" + re.escape("<>&\"'\\`*_[]{}|~^=:#!+") + "]")
# Block starters that only matter at the start of a paragraph: lists and quotes.
_LEADING_BLOCK = re.compile(r"^([-+>]|\d+[.)])(?=\s)")


def md_escape(value: Any) -> Markup:
    """Escape `value` for safe, literal display inside Markdown.

    >>> str(md_escape("Staff *must* read <b>this</b>"))
    'Staff &#42;must&#42; read &#60;b&#62;this&#60;/b&#62;'
    """
    if isinstance(value, Markup):
        return value
    try:
        return _escaped(value)
    except TypeError:  # unhashable: not worth remembering
        return _escaped.__wrapped__(value)


# The same few thousand texts (names, statuses, dates, a standard's wording on its
# page and its compare pages) are escaped again and again: nine calls in ten at a
# thousand pages. `typed`, so that True and 1 are told apart.
@lru_cache(maxsize=1 << 16, typed=True)
def _escaped(value: Any) -> Markup:
    # Every text field is one paragraph: fold line breaks so the text stays inside
    # the indented block (content tab, list item) it was placed in.
    text = " ".join(str(value).split())
    lead = ""
    if match := _LEADING_BLOCK.match(text):
        lead = "".join(f"&#{ord(c)};" for c in match.group())
        text = text[match.end():]
    # str.translate looks up every character; most texts have none or a few to escape,
    # and finding those few is four times faster.
    return Markup(lead + _ESCAPED.sub(_reference, text))


def _reference(match: re.Match) -> str:
    return f"&#{ord(match.group())};"


def yaml_string(value: Any) -> Markup:
    """A value for a generated page's front matter: HTML, quoted as a YAML (JSON) string.

    MkDocs and the theme treat front matter as HTML: Material prints `page.title` and
    the description into `<title>`, the header, the navigation and
    `<meta content="...">` without escaping them (a title taken from a page's heading is
    HTML already). So the text is HTML-escaped here, once, for every value the theme
    will print, and reads in every one of those places exactly as written.

    >>> str(yaml_string('Fish & "chips" <b>'))
    '"Fish &amp; &quot;chips&quot; &lt;b&gt;"'
    """
    return Markup(json.dumps(html.escape(" ".join(str(value).split())), ensure_ascii=False))


def indent_block(value: str, width: int = 4) -> Markup:
    """Indent every non-empty line, as content tabs and admonitions require."""
    pad = " " * width
    return Markup("\n".join(pad + line if line.strip() else line for line in str(value).splitlines()))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        # Compiling the templates took a tenth of a second on every build; Jinja's own
        # cache (in the user's temporary folder, checked against the template's age) avoids it.
        bytecode_cache=FileSystemBytecodeCache(),
        autoescape=True,
        finalize=md_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_string
    env.filters["indent_block"] = indent_block
    return env


def render(template: str, **context: Any) -> str:
    """Render `templates/<template>` with `context`."""
    return environment().get_template(template).render(**context)
