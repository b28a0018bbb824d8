"""The two-editions fixture site, built with --strict: what each edition's pages say.

Fixture 2018 -> 2021: 1.1 same id, 1.2 renamed, 1.3 moved to 2.1, 1.4 split into 2.2 and
2.3, 1.5 + 1.6 merged into 2.4, 1.7 retired, 2.5 new. 2024 is a draft.
"""

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from tests.conftest import TWO_EDITIONS, mkdocs_build

SITE_URL = "https://fixture.example.org/"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


def heading_text(heading) -> str:
    """A heading's text without its permalink (the "¶" MkDocs adds)."""
    return " ".join(t for t in (text_of(c) if hasattr(c, "get_text") else c.strip() for c in heading.contents
                                if getattr(c, "get", lambda _: None)("class") != ["headerlink"]) if t)


def notice(site: Path, url: str):
    return soup(site, url).select_one(".admonition")


# -- drafts ------------------------------------------------------------------------------------

def test_a_normal_build_publishes_no_draft_page_or_data(two_editions_site):
    assert not (two_editions_site / "standards" / "2024").exists()
    assert not (two_editions_site / "api" / "v1" / "editions" / "2024").exists()
    everything = "".join(p.read_text(encoding="utf-8") for p in two_editions_site.rglob("*.html"))
    assert "Fixture framework 2024" not in everything


def test_a_preview_build_includes_the_draft_with_a_notice(two_editions_preview_site):
    box = notice(two_editions_preview_site, "standards/2024/2.1")
    assert box.select_one(".admonition-title").get_text() == "Draft edition: not published"
    assert "It is not in force, and the public site never shows it." in text_of(box)


# -- superseded notices ------------------------------------------------------------------------

@pytest.mark.parametrize("page, equivalents", [
    # 2018 page         the links in its notice, in order
    ("standards/2018/1.1", ["../../2021/1.1/"]),
    ("standards/2018/1.3", ["../../2021/2.1/"]),
    ("standards/2018/1.4", ["../../2021/2.2/", "../../2021/2.3/"]),
    ("standards/2018/1.6", ["../../2021/2.4/"]),
])
def test_superseded_page_links_to_its_current_equivalents(two_editions_site, page, equivalents):
    box = notice(two_editions_site, page)
    assert box.select_one(".admonition-title").get_text() == "Superseded edition"
    assert [a["href"] for a in box.select("li a")] == equivalents
    compare = box.find("a", string="Compare this standard with the current edition")
    assert compare["href"] == "compare/2021/"


def test_superseded_notice_names_the_relation_and_reason(two_editions_site):
    text = text_of(notice(two_editions_site, "standards/2018/1.3"))
    assert "2.1 Partnerships (moved (new id): Fixture reason: partnerships moved to domain two.)" in text


def test_a_retired_standard_says_there_is_no_current_equivalent(two_editions_site):
    text = text_of(notice(two_editions_site, "standards/2018/1.7"))
    assert ("There is no current equivalent of 1.7 Volunteers: it was retired in the 2021 edition (Fixture "
            "reason: volunteering is covered by 2.5 Learning in part, and otherwise dropped.).") in text


def test_superseded_edition_page_has_the_notice_and_current_pages_have_none(two_editions_site):
    assert "has been superseded" in text_of(notice(two_editions_site, "standards/2018"))
    assert notice(two_editions_site, "standards/2021") is None
    assert notice(two_editions_site, "standards/2021/2.1") is None


# -- current-edition URLs ----------------------------------------------------------------------

def redirect_target(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', html)
    assert match, f"{url} is not a redirect"
    canonical = BeautifulSoup(html, "html.parser").find("link", rel="canonical")["href"]
    assert canonical == urljoin(f"{SITE_URL}{url}/", match.group(1)), "the redirect's canonical link names the edition URL"
    assert "location.hash" in html, "the redirect keeps the #fragment"
    return urlparse(urljoin(f"{SITE_URL}{url}/", match.group(1))).path


@pytest.mark.parametrize("current, target", [
    ("standards/current", "/standards/2021/"),
    ("standards/current/1.1", "/standards/2021/1.1/"),      # same id
    ("standards/current/1.2", "/standards/2021/1.2/"),      # renamed in place
    ("standards/current/1.3", "/standards/2021/2.1/"),      # moved
    ("standards/current/1.5", "/standards/2021/2.4/"),      # merged
    ("standards/current/2.5", "/standards/2021/2.5/"),      # new
])
def test_current_urls_redirect_to_the_current_edition(two_editions_site, current, target):
    assert redirect_target(two_editions_site, current) == target


def test_a_redirect_pages_canonical_link_is_the_full_address_of_its_target(two_editions_site):
    """mkdocs-redirects writes it relative; the plugin makes it site_url + path (mkdocs/redirect_pages.py)."""
    html = (two_editions_site / "standards/current/1.3/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://fixture.example.org/standards/2021/2.1/">' in html
    assert '<meta http-equiv="refresh" content="0; url=../../2021/2.1/">' in html   # still relative: any host


def test_a_split_standards_current_url_lists_both_parts(two_editions_site):
    page = soup(two_editions_site, "standards/current/1.4")
    links = [(a.get_text(), a["href"]) for a in page.select("article li a")]
    assert links == [("2.2 Services in custody", "../../2021/2.2/"),
                     ("2.3 Services in the community", "../../2021/2.3/")]


def test_a_retired_standards_current_url_says_so(two_editions_site):
    text = text_of(soup(two_editions_site, "standards/current/1.7").select_one("article"))
    assert "Standard 1.7 (Volunteers, 2018 edition) has no current equivalent: it was retired in the 2021 edition" \
        in text


# -- crosswalk and comparisons -----------------------------------------------------------------

def test_the_crosswalk_page_has_a_row_per_relation(two_editions_site):
    rows = soup(two_editions_site, "standards/crosswalk/2018/2021").select("article table tbody tr")
    cells = [[text_of(td) for td in row.find_all("td")][:3] for row in rows]
    assert cells == [
        ["1.1 Leading", "same id", "1.1 Leading"],
        ["1.2 People", "renamed", "1.2 People and culture"],
        ["1.3 Partnerships", "moved (new id)", "2.1 Partnerships"],
        ["1.4 Services", "split", "2.2 Services in custody"],
        ["1.4 Services", "split", "2.3 Services in the community"],
        ["1.5 Information", "merged", "2.4 Information and facilities"],
        ["1.6 Facilities", "merged", "2.4 Information and facilities"],
        ["1.7 Volunteers", "retired", "(none)"],
        ["(none)", "new", "2.5 Learning"],
    ]


def test_compare_page_marks_insertions_and_deletions_for_screen_readers(two_editions_site):
    page = soup(two_editions_site, "standards/2018/1.1/compare/2021")
    good = page.find("h3", string=re.compile("^Good")).find_parent("section")
    deleted = [text_of(d) for d in good.find_all("del")]
    inserted = [text_of(i) for i in good.find_all("ins")]
    assert deleted == ["[deleted: sound ]"]
    assert inserted == ["[inserted: sound, well recorded ]", "[inserted: Fixture paragraph added in 2021. ]"]
    title = page.find(lambda tag: tag.name == "h3" and tag.get_text().startswith("Title"))
    assert text_of(title) == "Title (no change)"


def test_compare_page_of_a_merge_shows_each_predecessor(two_editions_site):
    page = soup(two_editions_site, "standards/2021/2.4/compare/2018")
    headings = [heading_text(h) for h in page.select("article h2")]
    assert headings[:2] == [
        "1.5 Information (2018) and 2.4 Information and facilities (2021)",
        "1.6 Facilities (2018) and 2.4 Information and facilities (2021)",
    ]


def test_standard_page_offers_comparison_or_says_there_is_none(two_editions_site):
    section = soup(two_editions_site, "standards/2018/1.7").find(id="compare").find_next("ul")
    assert text_of(section).startswith("Fixture framework 2021 (current): no equivalent (retired")
    new = soup(two_editions_site, "standards/2021/2.5").find(id="compare").find_next("ul")
    assert text_of(new) == "Fixture framework 2018 (superseded): no equivalent (new)"


# -- citation, version stamp, canonical, sitemap -------------------------------------------------

def test_citation_names_organisation_standard_edition_and_permanent_url(two_editions_site):
    page = soup(two_editions_site, "standards/2021/2.1")
    citation = page.select_one(".citation--standard code").get_text()
    assert citation == ("Fixture Inspectorate (2021). Standard 2.1 Partnerships. In: Fixture framework 2021. "
                        "Available at: https://fixture.example.org/standards/2021/2.1/ (accessed [date]).")
    assert text_of(page.select_one(".standard-version")) == \
        "Version: Fixture framework 2021 (current edition), published April 2021."


def test_canonical_link_is_the_edition_url(two_editions_site):
    page = soup(two_editions_site, "standards/2018/1.3")
    assert page.find("link", rel="canonical")["href"] == f"{SITE_URL}standards/2018/1.3/"


def test_sitemap_lists_real_pages_with_dates_from_the_data(two_editions_site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = ET.parse(two_editions_site / "sitemap.xml").getroot().findall("s:url", namespace)
    located = {e.find("s:loc", namespace).text: getattr(e.find("s:lastmod", namespace), "text", None)
               for e in entries}
    # Published in March 2018: the schema takes full dates only, so the first day it can mean.
    assert located[f"{SITE_URL}standards/2018/1.3/"] == "2018-03-01"
    assert located[f"{SITE_URL}standards/2021/2.1/"] == "2021-04-01"
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) for date in located.values() if date)
    assert located[f"{SITE_URL}"] is None  # a hand-written page: no date rather than the build clock
    for loc in located:
        path = loc.removeprefix(SITE_URL)
        assert "/current/" not in loc and "/compare/" not in loc and "/2024/" not in loc, loc
        page = (two_editions_site / path / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' not in page, f"{loc} is a redirect"


# -- bad input stops the build ----------------------------------------------------------------

def copy_fixture(tmp_path: Path) -> Path:
    """A copy of the fixture site that still finds this worktree's macros module; returns its mkdocs.yml."""
    project = tmp_path / "two-editions"
    shutil.copytree(TWO_EDITIONS, project)
    worktree = Path(__file__).resolve().parents[2]
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../..", str(worktree)), encoding="utf-8")
    return config


def test_bad_edition_data_fails_the_build_with_a_message_and_leaves_no_site(tmp_path):
    config = copy_fixture(tmp_path)
    project = config.parent
    retired = project / "standards" / "editions" / "2021" / "edition.yml"
    retired.write_text(retired.read_text(encoding="utf-8").replace('supersedes: "2018"', 'supersedes: "2017"'),
                       encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode != 0
    assert "standards/editions/2021/edition.yml:6: supersedes: edition '2017' does not exist; did you mean " \
           "'2018'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_the_build_needs_the_redirects_plugin_for_current_urls(tmp_path):
    config = copy_fixture(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - redirects:\n      redirect_maps: {}\n", ""), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml must list the 'redirects' plugin: current-edition URLs need it" in result.stderr
    assert "Traceback" not in result.stderr
