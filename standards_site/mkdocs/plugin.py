"""The `standards-site` MkDocs plugin, kept thin: load, generate, hand to MkDocs, report.

Registered by entry point (`mkdocs.plugins` in pyproject.toml) and listed under
`plugins:` in mkdocs.yml, before `macros`. Options: `config.StandardsSiteConfig`.
Everything it calls is plain Python that knows nothing of MkDocs; what one build
knows lives on the instance (`self.build`), never in module globals.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Optional
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, get_relative_url

from standards_site.framework.level_tabs import NAME as LEVEL_TABS
from standards_site.mkdocs.config import StandardsSiteConfig
from standards_site.mkdocs.csp import ContentSecurityPolicy, add_policy
from standards_site.mkdocs.incremental import RenderCache
from standards_site.mkdocs.redirect_pages import make_canonicals_absolute
from standards_site.mkdocs.search import SiteSearch
from standards_site.mkdocs.theme import ThemeParts
from standards_site.site.build_state import BuildState
from standards_site.site.pdfs import remove_markers
from standards_site.site.settings import Accessibility, Contact, Licence, Organisation, SiteSettings

if TYPE_CHECKING:   # imported in on_config: it loads the content model
    from standards_site.mkdocs.editor import SiteEditor

log = logging.getLogger("mkdocs.plugins.standards-site")

# pymdownx.tabbed gives content tabs their ids after MkDocs has collected a page's
# anchors (mkdocs/mkdocs#3690): see on_page_content.
_TAB_INPUT_ID = re.compile(r'<input[^>]*\bid="([^"]+)"')


class StandardsSitePlugin(BasePlugin[StandardsSiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.build: Optional[BuildState] = None
        self.settings = SiteSettings()
        self.theme = ThemeParts()
        self.search: Optional[SiteSearch] = None
        self._command = "build"
        self._site_dir = ""
        self._docs_texts: dict[str, str] = {}
        self.csp: Optional[ContentSecurityPolicy] = None
        self.editor: Optional["SiteEditor"] = None
        # Under `mkdocs serve` only: the previous build's renders, reused where unchanged.
        self.renders: Optional[RenderCache] = None
        self._nav: Optional[Navigation] = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command
        self.search = SiteSearch(serving=command == "serve")
        self.renders = RenderCache(self) if command == "serve" else None

    @event_priority(100)  # before mkdocs-macros and mkdocs-redirects read the configuration
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Imported here: loading the content model (pydantic, templates) is the slow part
        # of starting up, and `mkdocs --help` or a config error should not pay for it.
        from standards_site.core.errors import ContentErrors
        from standards_site.framework.history_pages import current_redirects
        from standards_site.mkdocs.editor import SiteEditor
        from standards_site.site.content import load_content
        from standards_site.site.publishing import published_content, publishing_problems

        content_root = Path(config.config_file_path).parent / self.config.content_dir
        if str(content_root) not in config.watch:   # `mkdocs serve` rebuilds when the content changes
            config.watch.append(str(content_root))
        self.settings = self._settings(config)
        if problems := publishing_problems(self.settings):
            raise PluginError("This build cannot be published (STANDARDS_PUBLISH is on):\n"
                              + "\n".join(f"  {problem}" for problem in problems))
        if self.settings.preview:
            log.info("preview is on (STANDARDS_PREVIEW): draft content is included. Never publish this build.")
        try:
            content = load_content(content_root)
        except ContentErrors as errors:
            raise PluginError(errors.report()) from None
        self.build = BuildState(published_content(content, self.settings))
        self._add_redirects(config, current_redirects(self.build.framework))
        self.theme.configure(config, search=self.config.search)
        if LEVEL_TABS not in config.markdown_extensions:   # tab anchors are level ids
            config.markdown_extensions.append(LEVEL_TABS)
        self._refuse_unsafe_features(config)
        if self._making_pdfs():
            self._check_pdf_printer()
        self._explain_abbreviations(config)
        self.editor = SiteEditor.configure(self.config.editor, config, content, self.config.content_dir)
        return config

    def _settings(self, config: MkDocsConfig) -> SiteSettings:
        organisation, contact = self.config.organisation, self.config.contact
        accessibility, licence = self.config.accessibility, self.config.licence
        return SiteSettings(
            site_url=config.site_url or "",
            preview=self.config.preview,
            publish=self.config.publish,
            organisation=Organisation(organisation.name, organisation.short_name or organisation.name,
                                      organisation.url or ""),
            contact=Contact(contact.email, contact.phone, contact.hours, contact.response_days),
            accessibility=Accessibility(accessibility.compliance or "", accessibility.prepared,
                                        accessibility.last_reviewed, accessibility.audit),
            licence=Licence(licence.name, licence.url or "", licence.terms, licence.source),
            **({"overdue_as_of": self.config.overdue_as_of} if self.config.overdue_as_of else {}),
        )

    @staticmethod
    def _refuse_unsafe_features(config: MkDocsConfig) -> None:
        if "content.tooltips" in (config.theme.get("features") or []):
            # Material 9.8's tooltips put a `title` into the page as HTML (and the text of a
            # shortened menu entry too), so a glossary expansion or a page title would run.
            raise PluginError(
                "mkdocs.yml: theme.features lists 'content.tooltips', which shows titles as HTML: "
                "text from the content would run as markup. Remove it (abbreviations keep the "
                "browser's own tooltip)")

    def _explain_abbreviations(self, config: MkDocsConfig) -> None:
        """The glossary's abbreviations, explained in place on every page (the `abbr` extension)."""
        if not self.build.abbreviations:
            return
        if "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
        options = config.mdx_configs.setdefault("abbr", {})
        options["glossary"] = {**options.get("glossary", {}), **self.build.abbreviations}

    @staticmethod
    def _add_redirects(config: MkDocsConfig, maps: dict[str, str]) -> None:
        """`/standards/current/<id>/` and moved standards, handed to mkdocs-redirects."""
        plugin = config.plugins.get("redirects")
        if plugin is None:
            if maps:
                raise PluginError("mkdocs.yml must list the 'redirects' plugin: current-edition URLs need it")
            return
        plugin.config["redirect_maps"] = {**plugin.config.get("redirect_maps", {}), **maps}

    @event_priority(-100)  # after every plugin has had its say on the configuration
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._site_dir = config.site_dir
        self.build.unresolved.clear()
        self.build.placeholders.clear()
        if self.config.search:
            # Tells partials/site-search.html whether there is a second bundle to search.
            config.extra["search_archive"] = self.search.start_build(self.build.framework)

    @event_priority(100)  # before other plugins (redirects, search) look at the files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        from standards_site.site.generated import generated_files

        self._read_docs(files, config)
        for src_uri, text in generated_files(self.build.content).items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None and not existing.generated_by:
                raise PluginError(
                    f"docs/{src_uri} is hand-written, but that page is generated from "
                    f"{self.config.content_dir}/: remove the file (edit the YAML instead)"
                )
            files.append(File.generated(config, src_uri, content=text))
        self.theme.add_bundles(files, config)
        if self.editor is not None:
            self.editor.add_files(files, config)
        if self.config.search:
            self.search.drop_material_search(files)
        return files

    def _read_docs(self, files: Files, config: MkDocsConfig) -> None:
        """Read the hand-written files with the content's checks (see site/docs_pages.py)."""
        from standards_site.core.errors import ContentErrors
        from standards_site.site.docs_pages import read_docs

        docs_dir = Path(config.docs_dir)
        # Not the theme's files (MkDocs lists them too), and links are not followed here.
        hand_written = [file.src_uri for file in files if not file.generated_by and file.abs_src_path
                        and Path(os.path.abspath(file.abs_src_path)).is_relative_to(os.path.abspath(docs_dir))]
        self._docs_texts, errors = read_docs(docs_dir, hand_written)
        if errors:
            raise PluginError(ContentErrors(errors).report())

    @event_priority(-100)  # last: the nav is final
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.renders is not None:
            self._nav = nav
            self.renders.start_build(config, files, enabled=self.config.incremental_preview)
        return nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> Optional[str]:
        """A hand-written page's text as read and checked in on_files (None: MkDocs reads it)."""
        return self._docs_texts.get(page.file.src_uri)

    @event_priority(50)   # before mkdocs-macros renders the page
    def _no_macros_in_generated_pages(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Generated pages hold content, never macros: mkdocs-macros must leave them alone,
        even on a site that renders macros by default."""
        if page.file.generated_by:
            page.meta["render_macros"] = False
        return markdown

    @event_priority(-100)  # last: the page's final Markdown, after mkdocs-macros
    def _reuse_unchanged_render(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return markdown if self.renders is None else self.renders.before_render(markdown, page)

    on_page_markdown = CombinedEvent(_no_macros_in_generated_pages, _reuse_unchanged_render)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # The theme's templates (footer, accessibility statement) read the identity from here.
        env.globals["standards_site"] = self.settings
        self.csp = ContentSecurityPolicy(env, config.theme.get("features") or [], dict(config.extra))
        if self.renders is not None:
            standard_pages = self.search.standard_pages if self.config.search else {}
            self.renders.choose_templates(env, config, files, self._nav, standard_pages)
        return env

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        """"Edit this page": the editor entry of the content file behind a generated page."""
        if self.editor is not None:
            page.edit_url = self.editor.edit_url(page)
        return context

    @event_priority(100)  # first: a reused render is put back before anything reads the page
    def _restore_unchanged_render(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return html if self.renders is None else self.renders.after_render(html, page, files)

    def _register_tab_anchors(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Register content-tab ids as anchors, so links to `#good` are validated, not flagged."""
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(_TAB_INPUT_ID.findall(html))
        return html

    on_page_content = CombinedEvent(_restore_unchanged_render, _register_tab_anchors)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.renders is not None and (saved := self.renders.saved_output(page)) is not None:
            return saved
        if not self._making_pdfs():   # no PDF, no link (site/pdfs.py writes it after printing)
            output = remove_markers(output)
        if self._command != "serve":   # `mkdocs serve` reloads the preview with an inline script
            output = add_policy(output, self.csp.meta(get_relative_url(".", page.url)))
        output = self.search.mark(output, page) if self.config.search else output
        if self.renders is not None:
            self.renders.remember_output(output, page)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page is a theme template, not a page; MkDocs gives it the site's own path as base."""
        if template_name == "404.html" and self._command != "serve":
            return add_policy(output_content, self.csp.meta(urlsplit(config.site_url or "/").path))
        return output_content

    @event_priority(-100)  # last: index the site once every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.renders is not None:
            self.renders.finish_build()
        if self.build.unresolved:
            raise PluginError(self.build.unresolved_report())
        if self.build.placeholders and self.settings.publish:
            raise PluginError(self.build.placeholders_report())
        make_canonicals_absolute(config)   # mkdocs-redirects (priority 0) has written its pages
        if self._making_pdfs():   # before search, so the download links are in the indexed pages
            self._make_pdfs(config)
        if self.config.search:
            self.search.index(Path(config.site_dir))

    def _making_pdfs(self) -> bool:
        return self.config.pdf and self._command != "serve"

    def _check_pdf_printer(self) -> None:
        """Before anything is written: a build that cannot print its PDFs stops here."""
        from standards_site.site.pdfs import PdfError, check_printer

        try:
            check_printer(self.config.chromium)
        except PdfError as error:
            raise PluginError(str(error)) from None

    def _make_pdfs(self, config: MkDocsConfig) -> None:
        from standards_site.site.pdfs import PdfError, make_pdfs, pdf_documents

        try:
            printed = make_pdfs(Path(config.site_dir), pdf_documents(self.build.framework),
                                site_url=config.site_url or "", chromium=self.config.chromium,
                                dated=get_build_datetime())   # SOURCE_DATE_EPOCH, as MkDocs reads it
        except PdfError as error:
            raise PluginError(str(error)) from None
        log.info("PDFs: %d printed (STANDARDS_PDF)", len(printed))

    def on_build_error(self, *, error: Exception) -> None:
        """Leave no half-written site behind a failed `mkdocs build`.

        A failure before `on_pre_build` (invalid content) happens before MkDocs
        touches the output folder, so a previous complete site is kept.
        """
        if self.renders is not None:
            self.renders.forget()
        if self._command == "build" and self._site_dir and Path(self._site_dir).exists():
            shutil.rmtree(self._site_dir)
            log.info("Removed the partly written output folder %s", self._site_dir)

    def on_shutdown(self) -> None:
        if self.search is not None:
            self.search.finish()
