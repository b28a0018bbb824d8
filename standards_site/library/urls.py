"""Where the guidance library's pages live. Like `urls.py`: paths derive from slugs and ids,
never from titles, and are a public contract once published.

    /guidance/                               the library's home
    /guidance/guides/                        every guide; /guidance/guides/<slug>/ one guide
    /guidance/guides/standard/<id>/          guides related to a standard (works without JavaScript)
    /guidance/guides/tag/<tag>/              guides with a tag
    /guidance/positions/ ...                 the same for position statements
    /glossary/#<term-id>                     one glossary term
    /principles/#principle-<n>               one principle of inspection
    /whats-new/ and /whats-new/atom.xml      the change list and its Atom feed
"""

from __future__ import annotations

GUIDANCE_HOME = "guidance/index.md"
GLOSSARY = "glossary/index.md"
PRINCIPLES = "principles/index.md"
WHATS_NEW = "whats-new/index.md"
FEED = "whats-new/atom.xml"
FEED_TITLE = "What's new: guidance library"

#: The folder of each type of library item under `guidance/`.
GUIDES = "guides"
POSITIONS = "positions"


def index_page(kind: str) -> str:
    """`guidance/guides/index.md`"""
    return f"guidance/{kind}/index.md"


def item_page(kind: str, slug: str) -> str:
    """`guidance/guides/learning-from-sfos-in-wales/index.md`"""
    return f"guidance/{kind}/{slug}/index.md"


def filter_page(kind: str, facet: str, value: str) -> str:
    """`guidance/guides/standard/1.4/index.md` or `guidance/guides/tag/wales/index.md`"""
    return f"guidance/{kind}/{facet}/{value}/index.md"
