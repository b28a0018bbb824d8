"""Site search for the plugin: mark each page's article for Pagefind, run Pagefind after the build.

Both steps are thin: the work is in `standards_site.site.search_index`, which knows
nothing of MkDocs. A failure fails the build. Under `mkdocs serve` the browser reloads
as soon as the pages are written and the index follows a moment later, so an author
sees an edit without waiting for search (a failure is then logged).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from standards_site.site.search_index import (
    Indexing, SearchIndexError, StandardPage, archived_folders, mark_indexable, standard_pages, start_indexing,
)

if TYPE_CHECKING:  # passed in: search imports no content model (benchmarks' plain variant)
    from standards_site.framework.editions import Framework

log = logging.getLogger("mkdocs.plugins.standards-site.search")

# Material's own search (lunr and its web worker), which Pagefind replaces: the theme
# still copies its files (1.2 MB, a quarter of the real site) though no page loads them.
MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


class SiteSearch:
    """One site's search, across the builds of one `mkdocs build` or `mkdocs serve`."""

    def __init__(self, serving: bool) -> None:
        self.serving = serving
        self._standard_pages: dict[str, StandardPage] = {}
        self._archived: list[str] = []
        self._background: Optional[threading.Thread] = None

    def drop_material_search(self, files: Files) -> None:
        for unused in [file for file in files if file.src_uri.startswith(MATERIAL_SEARCH_FILES)]:
            files.remove(unused)

    def start_build(self, framework: Optional[Framework]) -> bool:
        """Prepare a build; True when there is an archive bundle (older editions) to search too."""
        self._wait_for_background_indexing()   # before MkDocs empties the site folder for the rebuild
        if framework is None:
            self._standard_pages, self._archived = {}, []
        else:
            self._standard_pages, self._archived = standard_pages(framework), archived_folders(framework)
        return bool(self._archived)

    @property
    def standard_pages(self) -> dict[str, StandardPage]:
        """What `mark` writes into each standard's page, by source path (the preview's cache keys on it)."""
        return self._standard_pages

    def mark(self, output: str, page: Page) -> str:
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            # Material's `search: exclude: true` (e.g. filter pages that repeat an index):
            # a page without data-pagefind-body is not indexed. The marker makes that visible.
            return output.replace("<article ", "<article data-search-exclude ", 1)
        try:
            return mark_indexable(output, boost=search.get("boost"), standard=self._standard_pages.get(page.file.src_uri))
        except SearchIndexError as error:
            raise PluginError(f"Search index: docs/{page.file.src_uri}: {error}") from None

    def index(self, site_dir: Path) -> None:
        try:
            indexing = start_indexing(site_dir, self._archived)
            if not self.serving:
                indexing.wait()
                return
        except SearchIndexError as error:
            raise PluginError(f"Search index: {error}") from None
        self._background = threading.Thread(target=self._wait_and_log, args=(indexing,), daemon=True)
        self._background.start()

    def finish(self) -> None:
        self._wait_for_background_indexing()

    @staticmethod
    def _wait_and_log(indexing: Indexing) -> None:
        try:
            indexing.wait()
        except SearchIndexError as error:
            log.error(f"Search index: {error}")

    def _wait_for_background_indexing(self) -> None:
        if self._background is not None:
            self._background.join()
            self._background = None
