"""MkDocs glue for site search (registered in mkdocs.yml under `hooks:`).

Two steps, both thin: mark each page's article as its searchable content, and
run Pagefind over the finished site (`standards_site/site/search_index.py`). It runs after
every build; a failure fails the build. Under `mkdocs serve` the browser reloads
as soon as the pages are written and the index follows a moment later, so that
an author sees an edit without waiting for search (a failure is logged).
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

# MkDocs loads this file by path: import `macros` from this checkout.
_PROJECT = str(Path(__file__).resolve().parents[2])
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from standards_site.site import build_state
from standards_site.site.search_index import (
    Indexing, SearchIndexError, StandardPage, archived_folders, mark_indexable, standard_pages, start_indexing,
)

log = logging.getLogger("mkdocs.hooks.search")

_standard_pages: dict[str, StandardPage] = {}
_archived: list[str] = []
_serving = False
_indexing_in_background: threading.Thread | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


# Material's own search (lunr and its web worker), which Pagefind replaces: the theme
# still copies its files (1.2 MB, a quarter of the real site) though no page loads them.
MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for unused in [file for file in files if file.src_uri.startswith(MATERIAL_SEARCH_FILES)]:
        files.remove(unused)
    return files


@event_priority(-100)  # after standards_site/mkdocs/hooks.py has loaded the content
def on_pre_build(config: MkDocsConfig) -> None:
    global _standard_pages, _archived
    _wait_for_background_indexing()   # before MkDocs empties the site folder for the rebuild
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
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        # Material's `search: exclude: true` (e.g. filter pages that repeat an index):
        # a page without data-pagefind-body is not indexed. The marker makes that visible.
        return output.replace("<article ", "<article data-search-exclude ", 1)
    boost = search.get("boost")
    try:
        return mark_indexable(output, boost=boost, standard=_standard_pages.get(page.file.src_uri))
    except SearchIndexError as error:
        raise PluginError(f"Search index: docs/{page.file.src_uri}: {error}") from None


@event_priority(-100)  # last: index the site once every other hook has written its files
def on_post_build(config: MkDocsConfig) -> None:
    global _indexing_in_background
    try:
        indexing = start_indexing(Path(config.site_dir), _archived)
        if not _serving:
            indexing.wait()
            return
    except SearchIndexError as error:
        raise PluginError(f"Search index: {error}") from None
    _indexing_in_background = threading.Thread(target=_wait_and_log, args=(indexing,), daemon=True)
    _indexing_in_background.start()


def _wait_and_log(indexing: Indexing) -> None:
    try:
        indexing.wait()
    except SearchIndexError as error:
        log.error(f"Search index: {error}")


def _wait_for_background_indexing() -> None:
    global _indexing_in_background
    if _indexing_in_background is not None:
        _indexing_in_background.join()
        _indexing_in_background = None


def on_shutdown() -> None:
    _wait_for_background_indexing()
