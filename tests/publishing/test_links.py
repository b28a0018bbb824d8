"""Links gate: every internal link and #fragment in every built site resolves.

Checked over the built HTML (the files a reader downloads), so nothing that a build
warning could let through reaches the public site. Internal means relative, or absolute
under `site_url` (canonical links, the sitemap). External links are not fetched (CI
has no business depending on other people's servers): they are listed in
build/external-links.txt for a person to review.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, fixture_site_configs

#: The origin we pretend the site is served from while resolving relative links.
LOCAL = "http://site.invalid/"
#: (tag, attribute) pairs that point at another resource.
LINK_ATTRIBUTES = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")]
NOT_FETCHABLE = ("mailto:", "tel:", "javascript:", "data:")
EXTERNAL_REPORT = ROOT / "build" / "external-links.txt"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass(frozen=True)
class Link:
    page: str      # the page it is on, relative to the site root
    target: str    # as written in the HTML


class BuiltSite:
    """A built site's pages and the ids on each, parsed once."""

    def __init__(self, site_dir: Path, site_url: str):
        self.dir = site_dir
        self.site_url = site_url
        self.soups = {
            path.relative_to(site_dir).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted(site_dir.rglob("*.html"))
        }

    def links(self):
        for page, soup in self.soups.items():
            for tag, attribute in LINK_ATTRIBUTES:
                for element in soup.find_all(tag, attrs={attribute: True}):
                    yield Link(page, element[attribute])

    def resolve(self, link: Link) -> tuple[str, str] | None:
        """(file, fragment) inside the site for an internal link, or None if external."""
        absolute = urljoin(LOCAL + link.page, link.target)
        if self.site_url and absolute.startswith(self.site_url):
            absolute = LOCAL + absolute[len(self.site_url):]
        if not absolute.startswith(LOCAL):
            return None
        parts = urlsplit(absolute)
        path = unquote(parts.path).lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        elif (self.dir / path).is_dir():
            path += "/index.html"
        return path, unquote(parts.fragment)

    def has_anchor(self, page: str, fragment: str) -> bool:
        soup = self.soups[page]
        return soup.find(id=fragment) is not None or soup.find("a", attrs={"name": fragment}) is not None

    def problems(self) -> tuple[list[str], dict[str, set[str]]]:
        """(broken internal links, {external URL: pages linking to it})."""
        broken, external = [], defaultdict(set)
        for link in self.links():
            if link.target.startswith(NOT_FETCHABLE):
                continue
            resolved = self.resolve(link)
            if resolved is None:
                external[link.target].add(link.page)
                continue
            file, fragment = resolved
            if not (self.dir / file).is_file():
                broken.append(f"{link.page}: {link.target!r}: no file {file}")
            elif fragment and file in self.soups and not self.has_anchor(file, fragment):
                broken.append(f"{link.page}: {link.target!r}: {file} has no id {fragment!r}")
        return broken, external


def _site_url(config: Path) -> str:
    """`site_url` from an mkdocs.yml (which may hold !!python tags, so read it leniently),
    with `!ENV [NAME, default]` read as MkDocs reads it."""
    class Lenient(yaml.SafeLoader):
        pass

    def env(loader, node):
        *names, default = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value, None]
        return next((os.environ[name] for name in names if name in os.environ), default)
    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    Lenient.add_constructor("!ENV", env)
    url = (yaml.load(config.read_text(), Loader=Lenient) or {}).get("site_url") or ""
    return url if not url or url.endswith("/") else url + "/"


SITES = [pytest.param(None, id="real-site")] + [
    pytest.param(config, id=f"fixture-{config.parent.name}") for config in fixture_site_configs()
]


@pytest.fixture
def site(request, built_site, build_fixture_site) -> BuiltSite:
    config = request.param
    if config is None:
        return BuiltSite(built_site, _site_url(ROOT / "mkdocs.yml"))
    return BuiltSite(build_fixture_site(config), _site_url(config))


@pytest.mark.parametrize("site", SITES, indirect=True)
def test_every_internal_link_and_fragment_resolves(site: BuiltSite):
    assert site.soups, f"no HTML pages in {site.dir}"
    broken, _ = site.problems()
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(broken))


@pytest.mark.parametrize("site", SITES, indirect=True)
def test_sitemap_lists_only_pages_that_exist(site: BuiltSite):
    sitemap = site.dir / "sitemap.xml"
    if not site.site_url:
        assert not sitemap.exists() or "<loc>" not in sitemap.read_text()
        return
    locations = [loc.text.strip() for loc in ElementTree.parse(sitemap).iter(f"{SITEMAP_NS}loc")]
    assert locations, "the sitemap lists no pages"
    missing = [loc for loc in locations if not (site.dir / site.resolve(Link("index.html", loc))[0]).is_file()]
    assert not missing, f"sitemap.xml lists pages that were not built: {missing}"


def test_external_links_are_reported(built_site):
    """The real site's external links, written to build/external-links.txt for review."""
    site = BuiltSite(built_site, _site_url(ROOT / "mkdocs.yml"))
    _, external = site.problems()
    lines = ["# External links in the built site (not fetched by the tests): URL, then pages", ""]
    for url in sorted(external):
        lines.append(url)
        lines += [f"    {page}" for page in sorted(external[url])]
    EXTERNAL_REPORT.parent.mkdir(exist_ok=True)
    EXTERNAL_REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Material's footer credit is on every page (redirect stubs have no footer): the report
    # must have found it on each.
    pages = {page for page, soup in site.soups.items() if not soup.find("meta", attrs={"http-equiv": "refresh"})}
    assert external["https://squidfunk.github.io/mkdocs-material/"] == pages


def test_a_broken_fragment_is_caught(tmp_path):
    """The checker itself: a missing page and a missing #fragment are both reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#there">ok</a><a href="a/#gone">bad</a>'
        '<a href="missing/">bad</a><a href="https://example.org/">external</a><p id="top"></p>'
        '<a href="#top">ok</a><a href="https://standards.example.org/a/#there">ok</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="there">There</h2>')
    broken, external = BuiltSite(tmp_path, "https://standards.example.org/").problems()
    assert broken == [
        "index.html: 'a/#gone': a/index.html has no id 'gone'",
        "index.html: 'missing/': no file missing/index.html",
    ]
    assert set(external) == {"https://example.org/"}
