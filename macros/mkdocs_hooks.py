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
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros import build_state
from macros.errors import ContentErrors
from macros.content import load_content
from macros.inspection_pages import overdue_as_of
from macros.pages import generate_pages

log = logging.getLogger("mkdocs.hooks.standards")

_command = "build"


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
        build_state.start(load_content(content_root))
    except ContentErrors as errors:
        raise PluginError(errors.report()) from None
    try:
        overdue_as_of()  # a bad OVERDUE_AS_OF stops the build here, with its message
    except ValueError as problem:
        raise PluginError(str(problem)) from None
    return config


@event_priority(100)  # before other plugins (redirects, search) look at the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, markdown in generate_pages(build_state.current().content).items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None and not existing.generated_by:
            raise PluginError(
                f"docs/{src_uri} is hand-written, but that page is generated from standards/: "
                "remove the file (edit the YAML instead)"
            )
        files.append(File.generated(config, src_uri, content=markdown))
    return files


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
    """Leave no half-written site behind a failed `mkdocs build`."""
    if _command == "build" and _site_dir and Path(_site_dir).exists():
        shutil.rmtree(_site_dir)
        log.error("The build failed, so the output folder %s was removed.", _site_dir)


_site_dir: str = ""


@event_priority(-100)
def on_pre_build(config: MkDocsConfig) -> None:
    global _site_dir
    _site_dir = config.site_dir
