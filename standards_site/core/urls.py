"""Where each generated page lives. URLs derive from ids, never from titles.

Paths are MkDocs source paths (`src_uri`); with directory URLs,
`standards/2018/1.2/index.md` is published at `/standards/2018/1.2/`.
These paths are a public contract: providers cite them.
"""

from __future__ import annotations

import posixpath

FRAMEWORK_HOME = "standards/index.md"

#: The section anchors of a standard page. A rating level's id is an anchor on the same
#: page (`#good`), so no level may take one of these.
#: The URL segment of an edition's self-assessment worksheet, so never a standard's id.
SELF_ASSESSMENT = "self-assessment"

STANDARD_PAGE_ANCHORS = ("statement", "key-questions", "characteristics", "recommendations",
                         "related-guidance", "cite", "compare")


def edition_page(edition_id: str) -> str:
    """`standards/2018/index.md`"""
    return f"standards/{edition_id}/index.md"


def standard_page(edition_id: str, standard_id: str) -> str:
    """`standards/2018/1.2/index.md`"""
    return f"standards/{edition_id}/{standard_id}/index.md"


def self_assessment_page(edition_id: str) -> str:
    """`standards/2018/self-assessment/index.md`: the edition's self-assessment worksheet."""
    return f"standards/{edition_id}/{SELF_ASSESSMENT}/index.md"


def relative_link(from_page: str, to_page: str) -> str:
    """A Markdown link target from one source page to another, as MkDocs resolves it.

    >>> relative_link("standards/2018/1.2/index.md", "standards/2018/index.md")
    '../index.md'
    """
    # posixpath.relpath gives the same answer, but it makes both paths absolute against
    # the working directory first: a fifth of the time our pages took to generate.
    # Source paths are already normalised (no `.`, `..` or leading `/`), so this suffices.
    start = from_page.split("/")[:-1]
    target = to_page.split("/")
    common = 0
    while common < min(len(start), len(target) - 1) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])


def url_of(page: str) -> str:
    """The published URL path of a source page: `standards/2018/1.2/` (no leading slash)."""
    directory = posixpath.dirname(page)
    return f"{directory}/" if directory else ""


# -- Editions: current-edition URLs, crosswalks, comparisons, data ------------------------------

CURRENT = "current"
CURRENT_HOME = "standards/current/index.md"
CROSSWALK_HOME = "standards/crosswalk/index.md"
API_ROOT = "api/v1"
#: The tracker's standard filter, generated from the content (inspections/pages.py) as a part
#: of the one stylesheet; the MkDocs plugin joins it into assets/stylesheets/site.css.
TRACKER_FILTERS_CSS = "assets/stylesheets/tracker-filters.css"


def current_standard(standard_id: str) -> str:
    """`standards/current/1.2/index.md`: always the current edition's equivalent of 1.2."""
    return f"standards/{CURRENT}/{standard_id}/index.md"


def crosswalk_page(old_edition: str, new_edition: str) -> str:
    """`standards/crosswalk/2018/2021/index.md`"""
    return f"standards/crosswalk/{old_edition}/{new_edition}/index.md"


def compare_page(edition_id: str, standard_id: str, other_edition: str) -> str:
    """`standards/2018/1.2/compare/2021/index.md`: 1.2 of 2018 beside its 2021 equivalents."""
    return f"standards/{edition_id}/{standard_id}/compare/{other_edition}/index.md"


#: The reference-manager formats every standard and edition is downloadable in, by file suffix.
CITATION_FORMATS = ("ris", "bib")


def citation_file(edition_id: str, standard_id: str | None, suffix: str) -> str:
    """`standards/2018/1.2/citation.ris` (a standard) or `standards/2018/citation.bib` (an edition)."""
    folder = f"standards/{edition_id}/{standard_id}" if standard_id else f"standards/{edition_id}"
    return f"{folder}/citation.{suffix}"


def absolute_url(site_url: str, page: str) -> str:
    """The full public URL of a source page (or of a data file, given its path).

    >>> absolute_url("https://example.org/", "standards/2018/1.2/index.md")
    'https://example.org/standards/2018/1.2/'
    """
    path = url_of(page) if page.endswith(".md") else page
    return site_url.rstrip("/") + "/" + path
