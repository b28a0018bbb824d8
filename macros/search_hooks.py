"""MkDocs glue for site search (registered in mkdocs.yml under `hooks:`).

Two steps, both thin: mark each page's article as its searchable content, and
run Pagefind over the finished site (`macros/search_index.py`). It runs after
every build, `mkdocs serve` rebuilds included; a failure fails the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file by path: import `macros` from this checkout.
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from macros import build_state
from macros.search_index import (
    SearchIndexError, StandardPage, archived_folders, index_site, mark_indexable, standard_pages,
)

_standard_pages: dict[str, StandardPage] = {}
_archived: list[str] = []


@event_priority(-100)  # after macros/mkdocs_hooks.py has loaded the content
def on_pre_build(config: MkDocsConfig) -> None:
    global _standard_pages, _archived
    try:
        framework = build_state.current().framework
    except RuntimeError:
        # Plain MkDocs without our content hook (benchmarks/run.py's `plain` variant):
        # pages are still indexed, only the standards' filters are missing.
        _standard_pages, _archived = {}, []
    else:
        _standard_pages, _archived = standard_pages(framework), archived_folders(framework)
    # Tells partials/site-search.html whether there is a second bundle to search.
    config.extra["search_archive"] = bool(_archived)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    boost = (page.meta.get("search") or {}).get("boost")
    try:
        return mark_indexable(output, boost=boost, standard=_standard_pages.get(page.file.src_uri))
    except SearchIndexError as error:
        raise PluginError(f"Search index: docs/{page.file.src_uri}: {error}") from None


@event_priority(-100)  # last: index the site once every other hook has written its files
def on_post_build(config: MkDocsConfig) -> None:
    try:
        index_site(Path(config.site_dir), _archived)
    except SearchIndexError as error:
        raise PluginError(f"Search index: {error}") from None
