"""Incremental preview: under `mkdocs serve`, a save re-renders only the pages it changes.

Every rebuild still runs the whole build (load the content, generate every page's
Markdown, run mkdocs-macros, write every file): what is skipped is the two costly
steps of a page whose inputs are unchanged since the previous build of the same
`mkdocs serve`:

1. Markdown to HTML (`Page.render`), when the page's final Markdown (after every
   plugin, mkdocs-macros included), the configuration, the list of files (links
   resolve against it) and the glossary abbreviations that can occur in the page are
   the same. What `render` produced (HTML, table of contents, title, anchors, links
   to anchors) is put back on the page, so the rest of the build sees the same page.
2. The theme's template (Material renders the whole nav into every page), when the
   page's HTML, title, table of contents, metadata, URLs, previous and next pages
   and search data are the same, and so are the configuration, the theme's files and
   the whole nav (every title in it). The page is then written from the saved output.

So a page that depends on another (an edition page lists its standards' titles, a
standard page lists related guides) is re-rendered because its own generated
Markdown changed; a changed nav title, theme file, setting or file list changes the
site-wide part of every key, which re-renders everything, as a full build does.

Only the inputs listed above are keyed, so the cache is used only when the build has
no other plugin that acts on pages after Markdown (`_only_ours`); a page that logged
a warning is never saved (a reused page would not repeat it), and a failed build
empties the cache. `mkdocs build` never creates this object.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Optional

from jinja2 import ChoiceLoader, DictLoader, Environment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import TableOfContents

log = logging.getLogger("mkdocs.plugins.standards-site.incremental")

#: The template an unchanged page is "rendered" with: nothing, at once. Its saved
#: output then replaces the empty result in `on_post_page`.
UNCHANGED_PAGE_TEMPLATE = "standards-site-unchanged-page.html"

# Page events that run on a page after its Markdown: a plugin other than ours acting
# there would see (or change) what the cache skips, so its presence turns the cache off.
_PAGE_EVENTS = ("pre_page", "page_read_source", "page_content", "page_context", "post_page")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Rendered:
    """What `Page.render` produced for one page, and the key of its inputs."""
    key: str
    content: str
    toc: TableOfContents
    title: Optional[str]
    anchor_ids: Optional[frozenset[str]]
    links_to_anchors: Optional[dict[str, dict[str, str]]]   # by the linked file's src_uri


@dataclass(frozen=True)
class _Written:
    """One page's final output (after every `on_post_page`), and the key of its inputs."""
    key: str
    output: str


def stable_repr(value: Any) -> str:
    """A repr that is the same for equal settings in two builds: mappings sorted, no memory addresses."""
    if isinstance(value, Mapping):
        items = sorted((repr(key), stable_repr(item)) for key, item in value.items())
        return "{" + ", ".join(f"{key}: {item}" for key, item in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable_repr(item) for item in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_repr(item) for item in value)) + "}"
    return _ADDRESS.sub("", repr(value))


def digest(*parts: str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def abbreviations_in(markdown: str, glossary: Mapping[str, str]) -> dict[str, str]:
    """The glossary entries that can be explained on a page: every word of the abbreviation occurs in its Markdown.

    The `abbr` extension matches an abbreviation in the text of the page, which is made
    of the Markdown's own characters, so an abbreviation whose words are not all in the
    Markdown cannot occur. Compared ignoring case, and an abbreviation with no word
    characters is always counted: both only ever count more entries, never fewer.
    """
    lowered = markdown.lower()
    return {form: expansion for form, expansion in glossary.items()
            if all(word in lowered for word in _WORD.findall(form.lower()))}


def config_fingerprint(config: MkDocsConfig, plugins: Iterable[tuple[str, BasePlugin]]) -> str:
    """Every setting, after every plugin's `on_config`, but the abbreviations (keyed per page)."""
    settings = {key: value for key, value in config.items() if key not in ("plugins", "mdx_configs", "theme")}
    mdx_configs = {name: dict(options) for name, options in (config.mdx_configs or {}).items()}
    mdx_configs.get("abbr", {}).pop("glossary", None)
    theme = {"name": config.theme.name, "dirs": list(config.theme.dirs), "options": dict(config.theme.items())}
    plugin_options = {name: dict(plugin.config) for name, plugin in plugins}
    plugin_options.get("redirects", {}).pop("redirect_maps", None)   # written by redirects, not into pages
    return digest(stable_repr(settings), stable_repr(mdx_configs), stable_repr(theme), stable_repr(plugin_options))


def files_fingerprint(files: Files) -> str:
    """Every file's place in the site: links in a page resolve against these."""
    return digest(*sorted(f"{file.src_uri}|{file.dest_uri}|{file.url}|{file.inclusion.name}" for file in files))


def theme_fingerprint(dirs: Iterable[str]) -> str:
    """Every file of the theme (templates, partials, icons), by size and modification time."""
    entries = []
    for theme_dir in dirs:
        for root, folders, names in os.walk(theme_dir):
            folders.sort()
            for name in sorted(names):
                path = os.path.join(root, name)
                stat = os.stat(path)
                entries.append(f"{path}|{stat.st_size}|{stat.st_mtime_ns}")
    return digest(*entries)


def nav_fingerprint(nav: Navigation) -> str:
    """Every entry of the nav, with its title: Material writes the whole nav into every page."""
    def entry(item) -> str:
        children = getattr(item, "children", None) or []
        return stable_repr((type(item).__name__, item.title, getattr(item, "url", None), [entry(c) for c in children]))
    return digest(*(entry(item) for item in nav.items))


def toc_repr(toc: Iterable) -> str:
    return stable_repr([(item.title, item.id, item.level, toc_repr(item.children)) for item in toc])


def _neighbour(page: Optional[Page]) -> str:
    return "" if page is None else f"{page.url}|{page.title}"


class _PageWarnings(logging.Handler):
    """Which pages logged a warning or an error while they were built."""

    def __init__(self, config: MkDocsConfig) -> None:
        super().__init__(logging.WARNING)
        self.config = config
        self.pages: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        page = getattr(self.config, "_current_page", None)
        if page is not None:
            self.pages.add(page.file.src_uri)


class RenderCache:
    """The renders of one `mkdocs serve`'s previous build, reused where their inputs are unchanged."""

    def __init__(self, owner: BasePlugin) -> None:
        self.owner = owner
        self._rendered: dict[str, _Rendered] = {}
        self._written: dict[str, _Written] = {}
        self._reset_build()

    def _reset_build(self) -> None:
        self.active = False
        self._site_key = ""
        self._glossary: Mapping[str, str] = {}
        self._render_keys: dict[str, tuple[str, str]] = {}   # src_uri: (key, markdown)
        self._reused_render: set[str] = set()
        self._new_rendered: dict[str, _Rendered] = {}
        self._output_keys: dict[str, str] = {}
        self._reused_output: set[str] = set()
        self._new_written: dict[str, _Written] = {}
        self._warnings: Optional[_PageWarnings] = None
        #: Pages rendered and templated this build (the rest were reused), for the log and tests.
        self.rendered_pages: list[str] = []
        self.templated_pages: list[str] = []

    # -- the build's start: after the nav, before any page is read ------------------------------

    def start_build(self, config: MkDocsConfig, files: Files, enabled: bool = True) -> None:
        self._detach_warnings()
        self._reset_build()
        if not enabled or not self._only_ours(config):
            if enabled:
                log.info("incremental preview off for this build: another plugin acts on rendered pages")
            self._rendered.clear()
            self._written.clear()
            return
        self.active = True
        self._glossary = dict((config.mdx_configs or {}).get("abbr", {}).get("glossary", {}))
        self._site_key = digest(config_fingerprint(config, config.plugins.items()), files_fingerprint(files))
        self._warnings = _PageWarnings(config)
        logging.getLogger("mkdocs").addHandler(self._warnings)

    def _only_ours(self, config: MkDocsConfig) -> bool:
        events = config.plugins.events
        if any(getattr(handler, "__self__", None) is not self.owner
               for name in _PAGE_EVENTS for handler in events[name]):
            return False
        markdown_handlers = events["page_markdown"]
        return bool(markdown_handlers) and getattr(markdown_handlers[-1], "__self__", None) is self.owner

    # -- step 1: Markdown to HTML -------------------------------------------------------------------

    def before_render(self, markdown: str, page: Page) -> str:
        """The Markdown to render: the page's own, or nothing when its saved render is reused."""
        if not self.active:
            return markdown
        src_uri = page.file.src_uri
        key = digest(self._site_key, src_uri, markdown, stable_repr(abbreviations_in(markdown, self._glossary)))
        self._render_keys[src_uri] = (key, markdown)
        saved = self._rendered.get(src_uri)
        if saved is not None and saved.key == key:
            self._reused_render.add(src_uri)
            return ""   # rendered in no time; after_render puts the saved render back
        return markdown

    def after_render(self, html: str, page: Page, files: Files) -> str:
        """Put a reused render back on the page, or note the new one to save."""
        if not self.active:
            return html
        src_uri = page.file.src_uri
        key, markdown = self._render_keys[src_uri]
        if src_uri in self._reused_render:
            saved = self._rendered[src_uri]
            page.markdown = markdown
            page.toc = saved.toc
            page._title_from_render = saved.title
            page.present_anchor_ids = None if saved.anchor_ids is None else set(saved.anchor_ids)
            page.links_to_anchors = None if saved.links_to_anchors is None else {
                files.get_file_from_path(linked): dict(anchors) for linked, anchors in saved.links_to_anchors.items()}
            return saved.content
        self.rendered_pages.append(src_uri)
        links = page.links_to_anchors
        self._new_rendered[src_uri] = _Rendered(
            key, html, page.toc, page._title_from_render,
            None if page.present_anchor_ids is None else frozenset(page.present_anchor_ids),
            None if links is None else {linked.src_uri: dict(anchors) for linked, anchors in links.items()},
        )
        return html

    # -- step 2: the theme's template -----------------------------------------------------------------

    def choose_templates(self, env: Environment, config: MkDocsConfig, files: Files, nav: Navigation,
                         search_data: Mapping[str, Any]) -> None:
        """Give each unchanged page the empty template; its saved output is written instead."""
        if not self.active:
            return
        env.loader = ChoiceLoader([DictLoader({UNCHANGED_PAGE_TEMPLATE: ""}), env.loader])
        site_key = digest(self._site_key, theme_fingerprint(config.theme.dirs), nav_fingerprint(nav))
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            key = digest(
                site_key, file.src_uri, page.content or "", toc_repr(page.toc), str(page.title),
                stable_repr(page.meta), str(page.url), str(page.abs_url), str(page.canonical_url),
                str(page.edit_url), str(page.is_homepage), _neighbour(page.previous_page), _neighbour(page.next_page),
                file.inclusion.name, stable_repr(search_data.get(file.src_uri)),
            )
            self._output_keys[file.src_uri] = key
            saved = self._written.get(file.src_uri)
            if saved is not None and saved.key == key:
                self._reused_output.add(file.src_uri)
                page.meta["template"] = UNCHANGED_PAGE_TEMPLATE

    def saved_output(self, page: Page) -> Optional[str]:
        """The output to write for an unchanged page (None: the page was rendered)."""
        if page.file.src_uri in self._reused_output:
            return self._written[page.file.src_uri].output
        return None

    def remember_output(self, output: str, page: Page) -> None:
        if self.active and page.file.src_uri in self._output_keys:
            self.templated_pages.append(page.file.src_uri)
            self._new_written[page.file.src_uri] = _Written(self._output_keys[page.file.src_uri], output)

    # -- the build's end ------------------------------------------------------------------------------

    def finish_build(self) -> None:
        """Keep this build's renders for the next one: pages gone from the site are dropped."""
        if not self.active:
            return
        warned = self._warnings.pages if self._warnings else set()
        self._detach_warnings()
        self._rendered = {uri: rendered for uri, rendered in {**self._rendered, **self._new_rendered}.items()
                          if uri in self._render_keys and uri not in warned}
        self._written = {uri: written for uri, written in {**self._written, **self._new_written}.items()
                         if uri in self._output_keys and uri not in warned}
        log.info(f"incremental preview: {len(self.rendered_pages)} pages rendered, "
                 f"{len(self.templated_pages)} templated, of {len(self._output_keys)}")
        log.debug("incremental preview: rendered %s", ", ".join(self.rendered_pages))

    def forget(self) -> None:
        """After a failed build nothing saved is trusted: the next build renders every page."""
        self._detach_warnings()
        self._rendered.clear()
        self._written.clear()
        self._reset_build()

    def _detach_warnings(self) -> None:
        if self._warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self._warnings)
            self._warnings = None
