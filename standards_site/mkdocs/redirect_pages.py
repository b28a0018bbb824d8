"""Redirect pages name their target by its full address (an absolute canonical link).

mkdocs-redirects writes one HTML page per redirect (`/standards/current/1.2/` to
`/standards/2018/1.2/`, and moved standards) in its `on_post_build`. Its
`<link rel="canonical">` is relative, as are its refresh and its script, which keep a
`#fragment`. A canonical link is meant to be the page's one address wherever a copy of
it is read, so with `site_url` set it becomes site_url + the target's path; the refresh
and the script are left relative (they work under any host, and keep fragments).
Called from the plugin's `on_post_build`, which runs after mkdocs-redirects'.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs_redirects.plugin import get_html_path

#: The canonical link as mkdocs-redirects (1.2) writes it.
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def absolute_canonical(page_html: str, page_path: str, site_url: str) -> str:
    """`page_html` with its canonical href made absolute, as seen from `page_path`.

    >>> absolute_canonical('<link rel="canonical" href="../../2018/1.2/">',
    ...                    "standards/current/1.2/index.html", "https://example.org/hmi/")
    '<link rel="canonical" href="https://example.org/hmi/standards/2018/1.2/">'

    An external target is already absolute and stays as it is. None found: `ValueError`.
    """
    found = _CANONICAL.search(page_html)
    if found is None:
        raise ValueError("no <link rel=\"canonical\" href=\"...\"> as mkdocs-redirects writes it")
    target = urljoin(urljoin(site_url, page_path), html.unescape(found.group(1)))
    link = f'<link rel="canonical" href="{html.escape(target, quote=True)}">'
    return page_html[:found.start()] + link + page_html[found.end():]


def make_canonicals_absolute(config: MkDocsConfig) -> None:
    """Rewrite the canonical link of every page mkdocs-redirects wrote (none without site_url)."""
    plugin = config.plugins.get("redirects")
    if plugin is None or not config.site_url:
        return
    site_dir = Path(config.site_dir)
    for old_page in plugin.config["redirect_maps"]:
        page_path = get_html_path(old_page, config.use_directory_urls)
        file = site_dir / page_path
        if not file.is_file():   # a target mkdocs-redirects refused (it warned, and --strict stops)
            continue
        try:
            file.write_text(absolute_canonical(file.read_text(encoding="utf-8"), page_path, config.site_url),
                            encoding="utf-8")
        except ValueError as error:
            raise PluginError(f"redirect page {page_path} (from {old_page}): {error}; "
                              "has mkdocs-redirects changed its template?") from None
