"""Where each generated page lives. URLs derive from ids, never from titles.

Paths are MkDocs source paths (`src_uri`); with directory URLs,
`standards/2018/1.2/index.md` is published at `/standards/2018/1.2/`.
These paths are a public contract: providers cite them.
"""

from __future__ import annotations

import posixpath

FRAMEWORK_HOME = "standards/index.md"


def edition_page(edition_id: str) -> str:
    """`standards/2018/index.md`"""
    return f"standards/{edition_id}/index.md"


def standard_page(edition_id: str, standard_id: str) -> str:
    """`standards/2018/1.2/index.md`"""
    return f"standards/{edition_id}/{standard_id}/index.md"


def relative_link(from_page: str, to_page: str) -> str:
    """A Markdown link target from one source page to another, as MkDocs resolves it.

    >>> relative_link("standards/2018/1.2/index.md", "standards/2018/index.md")
    '../index.md'
    """
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def url_of(page: str) -> str:
    """The published URL path of a source page: `standards/2018/1.2/` (no leading slash)."""
    directory = posixpath.dirname(page)
    return f"{directory}/" if directory else ""
