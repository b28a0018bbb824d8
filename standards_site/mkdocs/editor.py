"""The browser editor for the plugin: /admin/ and the "Edit this page" links (option `editor:`).

Thin: the configuration, the admin page and which entry edits which page are worked out
by `standards_site.site.cms`, which knows nothing of MkDocs. Without the option the site
is built exactly as before: no /admin/, no edit links, the same pages for readers.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from standards_site.site import cms

log = logging.getLogger("mkdocs.plugins.standards-site.editor")

_GITHUB_REPO = re.compile(r"^https://github\.com/([^/]+/[^/]+?)(?:\.git)?/?$")


class SiteEditor:
    """The editor of one build: made in on_config when `editor.enabled` is on."""

    def __init__(self, backend: cms.Backend, content, site_name: str, site_url: str):
        self.backend = backend
        self._content = content
        self._site_name = site_name
        self._site_url = site_url
        self._entries = cms.edit_links(content)

    @classmethod
    def configure(cls, options, config: MkDocsConfig, content, content_dir: str) -> Optional["SiteEditor"]:
        """The editor `options` ask for (None when it is off); adds Material's edit button."""
        if not options.enabled:
            return None
        site_folder = Path(config.config_file_path).parent
        repo = options.repo or _repo_from_url(config.repo_url or "")
        backend = cms.Backend(
            repo=repo, branch=options.branch, local_url=options.local_backend, auth_url=options.auth_url,
            content_path=options.content_path or content_dir.strip("/"),
            docs_path=options.docs_path or Path(os.path.relpath(config.docs_dir, site_folder)).as_posix(),
        )
        if not backend.is_local and not backend.repo:
            raise PluginError("mkdocs.yml: editor.enabled is on, but there is no repository to edit: set "
                              "editor.repo (owner/name on GitHub), repo_url, or editor.local_backend")
        if not backend.is_local and not backend.auth_url:
            # Info, not a warning: a strict build must still publish the site for readers.
            log.info("editor: no editor.auth_url (EDITOR_AUTH_URL): authors cannot sign in to GitHub from "
                     "/admin/ until an OAuth service is set (docs/authors/editor.md)")
        features = config.theme.get("features")
        if features is not None and "content.action.edit" not in features:
            features.append("content.action.edit")
        return cls(backend, content, config.site_name, config.site_url or "")

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        """The admin page, its configuration, and Decap CMS's script copied from cms/node_modules."""
        try:
            written = cms.admin_files(self._content, self.backend, self._site_name, self._site_url)
        except (cms.EditorConfigError, TypeError) as problem:
            raise PluginError(f"editor: {problem}") from None
        for src_uri, text in written.items():
            files.append(File.generated(config, src_uri, content=text))
        scripts = cms.editor_script_files()
        if not scripts:
            raise PluginError(f"editor: Decap CMS is not installed in {cms.NPM_FOLDER}: run `make cms` "
                              "(npm ci there), or turn editor.enabled off")
        for path in scripts:
            files.append(File.generated(config, f"{cms.ADMIN_DIR}/{path.name}", abs_src_path=str(path)))

    def edit_url(self, page: Page) -> Optional[str]:
        """The editor entry of a generated page (the editor's start for pages made of many
        files, such as index pages); a hand-written page's source on GitHub."""
        if page.file.generated_by:
            admin = get_relative_url(f"{cms.ADMIN_DIR}/", page.url or ".")
            return admin + self._entries.get(page.file.src_uri, "#/")
        return cms.source_edit_url(self.backend, page.file.src_uri) or None


def _repo_from_url(url: str) -> str:
    match = _GITHUB_REPO.match(url)
    return match.group(1) if match else ""
