"""The library in built sites: anchors, tooltips, feed, drafts and a failed build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from standards_site.site.content import load_content
from tests.conftest import BUILD_ENV, mkdocs_build

from .conftest import FIXTURE_SITE

ROOT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text().split())


@pytest.fixture(scope="module")
def real_library():
    return load_content(ROOT / "standards").library


def test_every_glossary_term_has_its_anchor(built_site, real_library):
    page = soup(built_site, "glossary/index.html")
    for term in real_library.glossary.terms:
        heading = page.find(id=term.id)
        assert heading is not None and heading.name == "h3", term.id
        assert text_of(heading).startswith(term.term)
    letters = [a["href"] for a in page.select(".glossary-az a")]
    assert letters[:3] == ["#letter-a", "#letter-b", "#letter-c"]
    assert all(page.find(id=href[1:]) is not None for href in letters)


def test_every_principle_and_value_has_its_anchor(built_site, real_library):
    page = soup(built_site, "principles/index.html")
    for anchor in ["purpose", "values", "principles"] + [v.id for v in real_library.principles.values]:
        assert page.find(id=anchor) is not None, anchor
    for principle in real_library.principles.principles:
        heading = page.find(id=f"principle-{principle.number}")
        assert heading is not None
        assert text_of(heading.find_next_sibling("p")) == principle.text


def test_abbreviations_are_explained_in_place_without_changing_the_text(built_site, real_library):
    page = soup(built_site, "guidance/guides/learning-from-sfos-in-wales/index.html")
    titles = {abbr.get_text(): abbr["title"] for abbr in page.select("article abbr")}
    assert titles["SFO"] == "Serious further offence"
    assert titles["NPS"] == "National Probation Service"
    quote = text_of(page.select_one("article blockquote"))
    body = real_library.guides["learning-from-sfos-in-wales"].body
    assert quote == " ".join(body.lstrip("> ").split())


def test_library_pages_are_searchable_and_filter_pages_are_not(built_site):
    """Pagefind indexes each page's article; filter pages repeat the index and are left out."""
    for page in ["glossary/index.html", "guidance/guides/learning-from-sfos-in-wales/index.html"]:
        assert "<article data-pagefind-body" in (built_site / page).read_text(encoding="utf-8"), page
    glossary = soup(built_site, "glossary/index.html").select_one("article")
    assert "Multi-Agency Public Protection Arrangements" in text_of(glossary)
    filter_pages = list((built_site / "guidance/guides/tag").rglob("index.html"))
    assert filter_pages
    for page in filter_pages:
        html = page.read_text(encoding="utf-8")
        assert "data-pagefind-body" not in html and "<article data-search-exclude " in html, page


def test_standard_pages_keep_their_text_and_link_to_their_guides(built_site):
    standard = load_content(ROOT / "standards").framework.standard("1.4", "2018")
    page = soup(built_site, "standards/2018/1.4/index.html")
    related = page.find(id="related-guidance")
    assert related is not None
    links = {a["href"] for a in related.find_all_next("a") if "guidance/guides/" in a.get("href", "")}
    assert "../../../guidance/guides/learning-from-sfos-in-wales/" in links
    statement = text_of(page.select_one(".standard-statement"))
    assert statement == " ".join(standard.statement.split())


def test_the_built_feed_parses(built_site, real_library):
    feed = ET.parse(built_site / "whats-new" / "atom.xml").getroot()
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert sorted(titles) == sorted(f"Published guide: {item.meta.title}" for item in real_library.guides.values())
    assert feed.findtext(f"{ATOM}updated") == "2026-11-23T00:00:00Z"  # the guides' own date


def build(site: Path, config: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=config.parent, env={**BUILD_ENV, **env}, capture_output=True, text=True,
    )


def test_a_draft_is_built_only_in_preview(tmp_path, shared_mkdocs_build):
    public, result = shared_mkdocs_build(FIXTURE_SITE / "mkdocs.yml")   # without STANDARDS_PREVIEW
    assert result.returncode == 0, result.stderr
    assert not (public / "guidance" / "guides" / "draft-guide").exists()
    assert "draft-guide" not in (public / "whats-new" / "atom.xml").read_text(encoding="utf-8")
    preview = tmp_path / "preview"
    result = build(preview, FIXTURE_SITE / "mkdocs.yml", STANDARDS_PREVIEW="1")
    assert result.returncode == 0, result.stderr
    page = soup(preview, "guidance/guides/draft-guide/index.html")
    assert "Draft: not published" in page.get_text()


def test_bad_library_content_fails_the_build_with_the_message_and_no_site(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_SITE, project)
    config = project / "mkdocs.yml"
    guide = project / "standards" / "guides" / "newer-guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace('["1.1", "1.2"]', '["1.1", "1.9"]'), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode != 0
    assert ("standards/guides/newer-guide.md:7: related_standards[1]: there is no standard '1.9' "
            "in the current edition (9000); did you mean '1.2'?") in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()
