"""The MkDocs glue, kept thin: load and validate, add generated pages, report.

Registered in `mkdocs.yml` under `hooks:`. Everything it calls is plain Python
that knows nothing of MkDocs.
"""

from __future__ import annotations

import logging
import re
import shutil
import sys
from pathlib import Path

# MkDocs loads this file by path, outside the package: make sure `macros` is
# imported from this checkout (not from another one installed in the venv).
_PROJECT = str(Path(__file__).resolve().parents[2])
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from standards_site.site import build_state
from standards_site.site.content import load_content
from standards_site.framework.history_pages import current_redirects
from standards_site.core.errors import ContentErrors
from standards_site.inspections.pages import overdue_as_of
from standards_site.site.preview import preview_requested
from standards_site.site.publishing import published_content
from standards_site.site.generated import generated_files

log = logging.getLogger("mkdocs.hooks.standards")

# Set per run: which command is running and where it writes, for on_build_error.
_command = "build"
_site_dir = ""


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(100)  # before mkdocs-macros reads the content in its own on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Path(config.config_file_path).parent
    content_root = project / "standards"
    # `mkdocs serve` rebuilds when the content or the code that renders it changes.
    for watched in (content_root, Path(__file__).parent):
        if str(watched) not in config.watch:
            config.watch.append(str(watched))
    try:
        content = load_content(content_root)
    except ContentErrors as errors:
        raise PluginError(errors.report()) from None
    # Draft editions are validated above but published only in a preview (STANDARDS_PREVIEW=1).
    preview = preview_requested()
    if preview:
        log.info("STANDARDS_PREVIEW is set: draft editions are included. Never publish this build.")
    build_state.start(published_content(content, include_drafts=preview), site_url=config.site_url or "")
    _add_current_redirects(config)
    try:
        overdue_as_of()  # a bad OVERDUE_AS_OF stops the build here, with its message
    except ValueError as problem:
        raise PluginError(str(problem)) from None
    return config


@event_priority(-100)  # after every plugin has had its say on the configuration
def on_pre_build(config: MkDocsConfig) -> None:
    global _site_dir
    _site_dir = config.site_dir


def _add_current_redirects(config: MkDocsConfig) -> None:
    """`/standards/current/<id>/` redirects, from the data, handed to mkdocs-redirects."""
    plugin = config.plugins.get("redirects")
    maps = current_redirects(build_state.current().framework)
    if plugin is None:
        if maps:
            raise PluginError("mkdocs.yml must list the 'redirects' plugin: current-edition URLs need it")
        return
    plugin.config["redirect_maps"] = {**plugin.config.get("redirect_maps", {}), **maps}


@event_priority(100)  # before other plugins (redirects, search) look at the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    content = build_state.current().content
    for src_uri, text in generated_files(content, config.site_url or "", preview_requested()).items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None and not existing.generated_by:
            raise PluginError(
                f"docs/{src_uri} is hand-written, but that page is generated from standards/: "
                "remove the file (edit the YAML instead)"
            )
        files.append(File.generated(config, src_uri, content=text))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Explain the glossary's abbreviations in place on every page (the `abbr` extension)."""
    return markdown + "\n\n" + build_state.current().abbreviations


_TAB_INPUT_ID = re.compile(r'<input[^>]*\bid="([^"]+)"')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Register content-tab ids as anchors, so links to `#good` are validated, not flagged.

    pymdownx.tabbed assigns slugified tab ids after MkDocs has collected a page's
    anchors (mkdocs/mkdocs#3690), so MkDocs would report valid links as broken.
    """
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(_TAB_INPUT_ID.findall(html))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    state = build_state.current()
    if state.unresolved:
        raise PluginError(state.unresolved_report())


def on_build_error(error: Exception) -> None:
    """Leave no half-written site behind a failed `mkdocs build`.

    A failure before `on_pre_build` (invalid content) happens before MkDocs
    touches the output folder, so a previous complete site is kept.
    """
    if _command == "build" and _site_dir and Path(_site_dir).exists():
        shutil.rmtree(_site_dir)
        log.info("Removed the partly written output folder %s", _site_dir)

