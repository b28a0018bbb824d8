"""The URL contract: a committed list of every URL the site publishes.

`url-manifest.txt` (next to `mkdocs.yml`) lists, one per line, each page, the
level anchors of each standard page, each data file and each citation file, as
site-relative URLs:

    /standards/2018/1.2/
    /standards/2018/1.2/#good
    /standards/2018/1.2/citation.ris
    /api/v1/editions/2018/standards.json

Rules (enforced by tests/contract/test_url_manifest.py):

- every URL in the manifest is still produced by the build, as a page or as a
  redirect (mkdocs-redirects' pages count, and their targets must exist);
- every URL the build produces is in the manifest: `standards-site urls --update`
  adds new ones. It never removes one: a URL that disappears needs a redirect.

The PDFs of standards and editions are URLs too, but only the published build makes
them: `STANDARDS_PDF=1 standards-site urls --update` adds them.

This module reads a *built* site, so the contract is checked against what is
really published, not against the code that is supposed to publish it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Iterable, Optional

from standards_site.core.urls import CITATION_FORMATS

MANIFEST_NAME = "url-manifest.txt"
HEADER = """\
# Every URL this site publishes: a public contract (providers cite these).
# Checked by tests/contract/test_url_manifest.py against a real build.
# Add new URLs with `standards-site urls --update`. Never delete a line: a URL
# that is no longer produced needs a redirect (see standards_site/framework/history_pages.py).
"""

#: The level anchors of a standard page (the radio buttons of its rating-level tabs, whose
#: ids are the level ids of the edition's rating scale): a public contract too.
_LEVEL_TABS = re.compile(r'<div class="levels">\s*<div class="tabbed-set[^>]*>((?:<input[^>]*>)+)')
_INPUT_ID = re.compile(r'<input[^>]*\bid="([^"]+)"')
_REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')
#: The PDFs of standards and editions (site/pdfs.py), beside their pages: each a URL.
PDF = ".pdf"
#: Folders of the built site that hold published data files, each file a URL.
DATA_FOLDERS = ("api",)
#: Files published beside the pages, each a URL: the citation files of editions and standards.
PAGE_FILES = tuple(f"standards/**/citation.{suffix}" for suffix in CITATION_FORMATS)


def published_urls(site: Path) -> set[str]:
    """Every page, level anchor and data file in the built site at `site`."""
    found: set[str] = set()
    for page in site.rglob("index.html"):
        relative = page.parent.relative_to(site).as_posix()
        url = "/" if relative == "." else f"/{relative}/"
        found.add(url)
        html = page.read_text(encoding="utf-8")
        if tabs := _LEVEL_TABS.search(html):
            found.update(f"{url}#{anchor}" for anchor in _INPUT_ID.findall(tabs.group(1)))
    for folder in DATA_FOLDERS:
        for data in (site / folder).rglob("*"):
            if data.is_file():
                found.add("/" + data.relative_to(site).as_posix())
    found.update("/" + pdf.relative_to(site).as_posix() for pdf in site.rglob(f"*{PDF}"))
    for pattern in PAGE_FILES:
        found.update("/" + file.relative_to(site).as_posix() for file in site.glob(pattern))
    return found


def why_unresolved(site: Path, url: str) -> Optional[str]:
    """None when `url` resolves in the built site (directly or through redirects), else why not."""
    path, _, anchor = url.partition("#")
    seen: set[str] = set()
    while True:
        file = site / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        if not file.is_file():
            return "no longer produced" if not seen else f"redirects to {path}, which does not exist"
        if not file.name.endswith(".html"):
            return None
        html = file.read_text(encoding="utf-8")
        target = _REDIRECT.search(html)
        if target is None:
            break
        if path in seen:
            return "redirect loop"
        seen.add(path)
        path = resolve_relative(path, target.group(1))
    if anchor and f'id="{anchor}"' not in html:
        return f"the page exists but has no anchor #{anchor}"
    return None


def resolve_relative(from_url: str, target: str) -> str:
    """Where a relative link on page `from_url` leads.

    >>> resolve_relative("/standards/current/1.2/", "../../2018/1.2/")
    '/standards/2018/1.2/'
    """
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    joined = posixpath.normpath(posixpath.join(base, target))
    return joined + "/" if target.endswith("/") and joined != "/" else joined


def read_manifest(path: Path) -> list[str]:
    """The URLs listed in a manifest file (comments and blank lines skipped)."""
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def write_manifest(path: Path, urls: Iterable[str]) -> None:
    path.write_text(HEADER + "".join(f"{url}\n" for url in sorted(set(urls))), encoding="utf-8")


def broken(site: Path, manifest: list[str]) -> dict[str, str]:
    """Manifest URLs that the built site no longer resolves, each with the reason.

    PDFs are made only by a build with the `pdf` option on (the published build,
    STANDARDS_PDF=1): a site built with no PDF at all is not asked for them.
    """
    if not made_pdfs(site):
        manifest = [url for url in manifest if not url.endswith(PDF)]
    reasons = {url: why_unresolved(site, url) for url in manifest}
    return {url: reason for url, reason in reasons.items() if reason}


def made_pdfs(site: Path) -> bool:
    """Whether the site was built with its PDFs (site/pdfs.py)."""
    return next(site.rglob(f"*{PDF}"), None) is not None


def unlisted(site: Path, manifest: list[str]) -> list[str]:
    """URLs the built site publishes that the manifest does not list yet."""
    return sorted(published_urls(site) - set(manifest))


def broken_report(problems: dict[str, str]) -> str:
    lines = [f"{len(problems)} URL(s) in the manifest no longer resolve; each needs a redirect "
             "(never delete a line from the manifest):"]
    return "\n".join(lines + [f"  {url}: {reason}" for url, reason in sorted(problems.items())])
