"""The site's search index: Pagefind run over the built HTML.

Material's own search ships one index file that every browser downloads whole
before it can show a result: about 1 MB gzipped at 1,000 standard pages, far
beyond our budget of 300 KB at 5,000 pages. Pagefind (https://pagefind.app)
instead splits its index into small chunks and a browser fetches only the
chunks for the words typed, plus one short fragment per result shown.

Pagefind ships as a Python wheel with its binary (`pagefind-bin`), so the site
needs no Node.js. This module knows nothing of MkDocs: the plugin
(`standards_site/mkdocs/search.py`) runs it after every build, `mkdocs serve` included.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING

from standards_site.core import urls

if TYPE_CHECKING:  # the framework is passed in; search imports no content model
    from standards_site.framework.editions import Framework

# Where the bundle goes, under the site folder. The search box's script loads
# `<site>/pagefind/pagefind.js` from here.
BUNDLE_DIR = "pagefind"
ARCHIVE_DIR = "pagefind-archive"   # superseded editions: see archived_folders()
_BUNDLES = {BUNDLE_DIR, ARCHIVE_DIR}

# Text inside the indexed article that should not be found by search: link
# symbols after headings, the "previous/next standard" links (they would make
# "1.2" match 1.1 and 1.3) and help text for buttons.
EXCLUDED_SELECTORS = (
    ".headerlink",
    ".standard-pager",
    ".levels-toolbar",
    ".levels-help",
    ".md-source-file",
)

# The attribute that marks what a page contributes to the index (its article);
# with it on a page, Pagefind leaves headers, navigation and footers out.
BODY_ATTRIBUTE = "data-pagefind-body"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')


class SearchIndexError(Exception):
    """The search index could not be built; the message says why and what to do."""


@dataclass(frozen=True)
class StandardPage:
    """What search knows of a standard's page beyond its text."""

    standard_id: str   # "1.2": a search filter, so "1.2" finds 1.2 and never 1.12 or 12.1
    edition_id: str    # shown with each result: several editions have a standard 1.2
    published: str     # "2018-03": newer editions first among results for the same id


def standard_pages(framework: Framework) -> dict[str, StandardPage]:
    """Every standard page's source path (`standards/2018/1.2/index.md`) with its search facts."""
    return {
        urls.standard_page(edition.id, standard_id): StandardPage(
            standard_id, edition.id, str(edition.edition.published)
        )
        for edition in framework.editions.values()
        for standard_id in edition.standards
    }


def mark_indexable(html: str, boost: float | None = None, standard: StandardPage | None = None) -> str:
    """Mark the page's article as its searchable content, and say what else search needs.

    `boost` is the page's `search: boost:` from its front matter, as Material's
    search used it: the search box multiplies the page's score by it. Pagefind
    has no per-page boost (its `data-pagefind-weight` scales term frequency,
    which saturates: weight 2 barely moved a page), so the boost becomes a
    filter value the search box asks for (assets/javascripts/search.js). A `standard`
    page gets its id as a filter, its edition as metadata and its publication
    date as a sort key, and its rating levels are marked (see mark_level_blocks).
    Raises SearchIndexError if the page has no article (a changed theme), since
    such a page would silently drop out of search.
    """
    attributes, filters = [BODY_ATTRIBUTE], []
    if boost is not None and boost != 1:
        filters.append(f"boost:{float(boost):g}")
    if standard is not None:
        filters.append(f"standard:{escape(standard.standard_id)}")
        attributes += [
            f'data-pagefind-meta="edition:{escape(standard.edition_id)}"',
            f'data-pagefind-sort="published:{escape(standard.published)}"',
        ]
        html = mark_level_blocks(html)
    # Pagefind reads one filter per element, so each gets an empty hidden span.
    spans = "".join(f'<span hidden data-pagefind-filter="{value}"></span>' for value in filters)

    def mark(found: re.Match) -> str:
        return found.group().replace("<article", "<article " + " ".join(attributes), 1) + spans

    marked, count = _ARTICLE.subn(mark, html, count=1)
    if not count:
        raise SearchIndexError(
            'the page has no <article class="md-content__inner md-typeset"> to index: '
            "has the theme's main template changed?"
        )
    return marked


# The id prefix that marks a rating level's block for the search box. The level's own
# anchor (`#inadequate`) is the id of its tab's radio button, which sits with the other
# levels' buttons before all the blocks; Pagefind records where each element with an id
# starts in the text, so the block needs an id of its own to say where a level's text is.
LEVEL_ANCHOR_PREFIX = "pagefind-level-"
_TAB_LABELS = re.compile(r'<div class="tabbed-labels">.*?</div>', re.DOTALL)
_LEVEL_LABEL = re.compile(r'<label for="([^"]+)">([^<]*)</label>')
_LEVEL_BLOCK = re.compile(r'<div class="tabbed-block" data-label="([^"]*)">')


def mark_level_blocks(html: str) -> str:
    """Say to search where each rating level's text starts, and make its name searchable.

    A standard page shows its levels as tabs (framework/level_tabs.py): radio buttons
    with the levels' ids, then the labels, then one block per level carrying the label
    as `data-label`. Each level's block gets the id `pagefind-level-<level id>`, so that
    Pagefind lists it among the page's anchors at the position of the level's text, and
    the search box (assets/javascripts/search.js) can open a result at `#<level id>`,
    which selects the tab. The block's `data-label` ("Requires improvement") becomes
    indexed text at the start of the block (Pagefind never indexes `<label>` text, and
    a level's name is then found inside the level it names) and the page's metadata
    under the block's id, which the search box shows after the result's title.
    """
    levels = {
        unescape(text): level_id
        for labels in _TAB_LABELS.findall(html)
        for level_id, text in _LEVEL_LABEL.findall(labels)
    }

    def block(found: re.Match) -> str:
        level_id = levels.get(unescape(found.group(1)))
        if level_id is None:
            return found.group()
        anchor = LEVEL_ANCHOR_PREFIX + level_id
        return (f'<div class="tabbed-block" id="{anchor}" data-pagefind-index-attrs="data-label" '
                f'data-pagefind-meta="{anchor}[data-label]" data-label="{found.group(1)}">')

    return _LEVEL_BLOCK.sub(block, html)


def archived_folders(framework: Framework) -> list[str]:
    """Site folders of superseded and withdrawn editions (`standards/2017`), searched second.

    At scale most standard pages belong to old editions. Kept in a bundle of their
    own, they neither weigh on nor slow down the search of what is in force: the
    search box shows current results first, then adds these under their own heading.
    """
    from standards_site.framework.model import EditionStatus  # here, not at the top: see the imports

    return sorted(
        posixpath.dirname(urls.edition_page(edition.id))
        for edition in framework.editions.values()
        if edition.edition.status in (EditionStatus.SUPERSEDED, EditionStatus.WITHDRAWN)
    )


def glob_excluding(site_dir: Path, excluded: list[str]) -> str:
    """A Pagefind glob for every HTML page of the site outside the `excluded` folders."""
    excluded_set = set(excluded)
    ancestors = {posixpath.dirname(folder) for folder in excluded}
    ancestors |= {a for folder in ancestors for a in _parents(folder)}
    patterns = []

    def walk(folder: Path, relative: str) -> None:
        prefix = f"{relative}/" if relative else ""
        patterns.append(f"{prefix}*.html")
        for child in sorted(p for p in folder.iterdir() if p.is_dir()):
            path = f"{prefix}{child.name}"
            if path in excluded_set or (not relative and child.name in _BUNDLES):
                continue
            if path in ancestors:
                walk(child, path)
            else:
                patterns.append(f"{path}/**/*.html")

    walk(site_dir, "")
    return "{" + ",".join(patterns) + "}"


def _parents(folder: str) -> list[str]:
    parts = folder.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def pagefind_command(site_dir: Path, bundle: str = BUNDLE_DIR, glob: str | None = None) -> list[str]:
    """The Pagefind command line that indexes `site_dir` (shown in error messages)."""
    return [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", bundle,
        *(["--glob", glob] if glob else []),
        "--exclude-selectors", ", ".join(EXCLUDED_SELECTORS),
        "--force-language", "en",
        "--quiet",
    ]


def index_site(site_dir: Path, archived: list[str] = ()) -> Path:
    """Index the built site at `site_dir`; return the main bundle's folder.

    Pages under the `archived` folders (see `archived_folders`) go to a second
    bundle, `pagefind-archive/`, and not to the main one.
    Raises SearchIndexError, naming the command and Pagefind's own output,
    when Pagefind is missing, fails, or finds no page to index.
    """
    return start_indexing(site_dir, archived).wait()


@dataclass
class Indexing:
    """Pagefind running over a built site: one process per bundle, started together."""

    site_dir: Path
    started: dict[str, tuple[list[str], subprocess.Popen]]   # bundle folder -> (command, process)

    def wait(self) -> Path:
        """Wait for every bundle; return the main one's folder, or raise SearchIndexError."""
        try:
            return _finish(self.site_dir, self.started[BUNDLE_DIR], BUNDLE_DIR)
        finally:
            for bundle, started in self.started.items():   # waited for even when the main one failed
                if bundle != BUNDLE_DIR:
                    _finish(self.site_dir, started, bundle)


def start_indexing(site_dir: Path, archived: list[str] = ()) -> Indexing:
    """Start Pagefind over the built site (see `index_site`) without waiting for it."""
    archived = [folder for folder in archived if (site_dir / folder).is_dir()]
    if not archived:
        return Indexing(site_dir, {BUNDLE_DIR: _start(pagefind_command(site_dir))})
    # The two bundles are written to separate folders: index them at the same time.
    archive_glob = "{" + ",".join(f"{f}/**/*.html" for f in archived) + "}"
    return Indexing(site_dir, {
        ARCHIVE_DIR: _start(pagefind_command(site_dir, ARCHIVE_DIR, archive_glob)),
        BUNDLE_DIR: _start(pagefind_command(site_dir, BUNDLE_DIR, glob_excluding(site_dir, archived))),
    })


def _start(command: list[str]) -> tuple[list[str], subprocess.Popen]:
    try:
        return command, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as error:
        raise SearchIndexError(f"could not run Pagefind ({error})") from None


def _finish(site_dir: Path, started: tuple[list[str], subprocess.Popen], bundle_dir: str) -> Path:
    command, process = started
    try:
        stdout, stderr = process.communicate(timeout=600)
    except subprocess.TimeoutExpired as error:
        process.kill()
        raise SearchIndexError(f"could not run Pagefind ({error})") from None
    output = (stdout + stderr).strip()
    if process.returncode != 0:
        hint = ""
        if "No module named pagefind" in output or "Could not find" in output:
            hint = " Pagefind is not installed: run `make setup` (it installs pagefind and pagefind-bin)."
        raise SearchIndexError(
            f"Pagefind failed with exit status {process.returncode}.{hint}\n"
            f"Command: {' '.join(command)}\n{output}"
        )
    bundle = site_dir / bundle_dir
    if not (bundle / "pagefind.js").is_file() or not any((bundle / "fragment").glob("*")):
        raise SearchIndexError(
            f"Pagefind indexed no page of {site_dir}: every page should have an element "
            f"with {BODY_ATTRIBUTE}.\nCommand: {' '.join(command)}\n{output}"
        )
    return bundle
