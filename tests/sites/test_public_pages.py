"""What a reader meets first: a home page that routes every kind of user, a helpful
404 page, and a public menu and search that hold content, not help for authors."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

HELP_PAGES = ["authors/index.html", "authors/macros/index.html", "authors/guidance/index.html",
              "authors/editions/index.html", "how-to-publish/index.html",
              "maintainers/other-engines/index.html", "maintainers/security/index.html"]


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def resolves(site: Path, page: str, href: str) -> bool:
    """Whether a root-relative or page-relative link leads to a built page."""
    target = href.split("#")[0]
    base = Path("/" + page).parent
    path = Path(target) if target.startswith("/") else (base / target)
    folder = site / str(path).lstrip("/")
    return (folder / "index.html").is_file() or folder.is_file()


def test_the_public_menu_has_no_help_for_authors(built_site):
    menu = soup_of(built_site, "standards/index.html").select_one("nav.md-nav--primary")
    links = [a["href"] for a in menu.select("a[href]")]
    assert links, "the menu has links"
    assert not [href for href in links if "authors/" in href or "maintainers/" in href or "how-to-publish" in href]
    labels = [" ".join(a.get_text(" ").split()) for a in menu.select("a.md-nav__link")
              if not a.find_parent("nav", class_="md-nav--secondary")]   # not the page's own contents
    assert labels == ["Home", "Standards framework", "Guidance library", "Inspections", "How to cite", "Data"]


def test_every_page_links_to_the_help_from_its_footer(built_site):
    for path in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        links = [a for a in soup.select("footer .md-copyright a") if a.get_text(strip=True) == "Help for authors"]
        assert len(links) == 1, path
        page = path.relative_to(built_site).as_posix()
        assert resolves(built_site, page, links[0]["href"]), (page, links[0]["href"])


@pytest.mark.parametrize("page", HELP_PAGES + ["index.html"])
def test_help_and_the_home_page_are_not_in_the_search_index(built_site, page):
    html = (built_site / page).read_text(encoding="utf-8")
    assert "data-pagefind-body" not in html
    assert "<article data-search-exclude " in html


def test_content_pages_are_in_the_search_index(built_site):
    for page in ["standards/2018/1.2/index.html", "glossary/index.html", "how-to-cite/index.html"]:
        assert "data-pagefind-body" in (built_site / page).read_text(encoding="utf-8"), page


def test_the_home_page_routes_every_kind_of_reader_and_names_the_publisher(built_site):
    soup = soup_of(built_site, "index.html")
    article = soup.select_one("article")
    assert "Published by HM Inspectorate of Probation." in " ".join(article.get_text(" ").split())
    routes = {" ".join(a.get_text(" ").split()): a["href"] for a in article.select(".home-routes a")}
    assert routes == {
        "Find a standard": "standards/", "Guidance": "guidance/", "Glossary": "glossary/",
        "Inspections": "inspections/",
        "An inspection of central functions supporting the National Probation Service: action plan tracker":
            "inspections/nps-central-functions-2020/action-plan/",
        "Cite and reuse": "how-to-cite/", "Data": "data/",
    }
    for href in routes.values():
        assert resolves(built_site, "index.html", href), href


def test_the_404_page_offers_search_and_the_main_routes(built_site):
    soup = soup_of(built_site, "404.html")
    assert soup.h1.get_text(strip=True) == "Page not found"
    form = soup.select_one("form.not-found-search")
    assert form["action"] == "/" and form["method"] == "get"
    assert form.select_one("input[name=q]")["id"] == soup.select_one("label[for=not-found-query]")["for"]
    routes = [(a.get_text(strip=True), a["href"]) for a in soup.select(".not-found-routes a")]
    assert routes == [("Home", "/"), ("Standards framework", "/standards/"), ("Guidance library", "/guidance/"),
                      ("Glossary", "/glossary/"), ("Inspections", "/inspections/"), ("How to cite", "/how-to-cite/")]
    for _, href in routes:
        assert resolves(built_site, "404.html", href), href


def test_every_page_links_the_feed_for_feed_readers(built_site):
    for page in ["index.html", "standards/2018/1.2/index.html", "404.html"]:
        links = soup_of(built_site, page).select('link[type="application/atom+xml"]')
        assert [link["rel"] for link in links] == [["alternate", "feed"]], page
        assert resolves(built_site, page, links[0]["href"]), page
