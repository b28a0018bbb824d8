"""The terms on which the content may be reused are stated wherever it is taken from:
the footer of every page, the Data and How to cite pages, and every export."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from tests.conftest import mkdocs_build
from tests.test_sources import SOURCES
from tests.sites.test_publishing_build import page_text

# The real site's terms, in the words of the report that states them (tests/sources/003_...txt).
TERMS = ("You may re-use this information (excluding logos) free of charge in any format or medium, "
         "under the terms of the Open Government Licence.")
SOURCE = "An inspection of central functions supporting the National Probation Service, HM Inspectorate of Probation, January 2020"
LICENCE_URL = "http://www.nationalarchives.gov.uk/doc/open-government-licence"
LICENCE = {"name": "Open Government Licence", "url": LICENCE_URL, "terms": TERMS, "source": SOURCE}


def test_the_terms_are_the_sources_own_words():
    """mkdocs.yml quotes the report's notice page word for word (its committed copy)."""
    report = (SOURCES / "003_4188bd615b6637a1.txt").read_text(encoding="utf-8")
    assert TERMS in " ".join(report.split())
    assert "/doc/open-government-licence](http://www.nationalarchives.gov.uk/doc/open-government-licence)" in report


def test_every_page_footer_states_the_terms(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue   # a redirect page has no footer
        footer = soup.select_one("footer .md-copyright__licence")
        assert footer is not None, path
        assert " ".join(footer.get_text(" ").split()) == f"{TERMS} Read the Open Government Licence", path
        assert footer.a["href"] == LICENCE_URL


def test_the_data_and_citation_pages_state_the_terms_and_their_source(built_site):
    for page in ("data/index.html", "how-to-cite/index.html"):
        text = page_text((built_site / page).read_text(encoding="utf-8"))
        assert f"{TERMS} These terms are stated in {SOURCE}. Read the licence: Open Government Licence." in text, page


def test_every_export_carries_the_licence(built_site):
    api = built_site / "api/v1"
    for name in ("index.json", "objects.json", "editions/2018/standards.json"):
        assert json.loads((api / name).read_text(encoding="utf-8"))["license"] == LICENCE, name
    package = json.loads((api / "editions/2018/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [{"title": "Open Government Licence", "path": LICENCE_URL, "terms": TERMS,
                                    "source": SOURCE}]
    assert [r["path"] for r in package["resources"]] == ["standards.csv", "characteristics.csv"]
    for resource in package["resources"]:
        header = (api / "editions/2018" / resource["path"]).read_text(encoding="utf-8-sig").splitlines()[0]
        assert [f["name"] for f in resource["schema"]["fields"]] == header.split(","), resource["path"]
    oscal = json.loads((api / "editions/2018/oscal/catalog.json").read_text(encoding="utf-8"))["catalog"]["metadata"]
    assert {"href": LICENCE_URL, "rel": "license", "text": "Open Government Licence"} in oscal["links"]
    assert [(p["name"], p["value"]) for p in oscal["props"] if p["name"].startswith("license")] == [
        ("license", "Open Government Licence"), ("license-terms", TERMS), ("license-source", SOURCE)]
    rights = ET.parse(built_site / "whats-new/atom.xml").getroot().find("{http://www.w3.org/2005/Atom}rights")
    assert rights.text == f"{TERMS} {LICENCE_URL}"


def test_a_site_that_states_no_terms_says_nothing_and_shows_the_gap(fixture_site, tmp_path):
    page = fixture_site / "docs/index.md"
    page.write_text(page.read_text() + "\n{{ reuse_terms() }}\n", encoding="utf-8")
    result = mkdocs_build(fixture_site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert "md-copyright__licence" not in home
    assert ("[To be completed: the reuse terms: set the standards-site plugin's `licence` option in mkdocs.yml "
            "(name, url, terms, source)]") in page_text(home)
    assert json.loads((tmp_path / "out/api/v1/objects.json").read_text())["license"] is None
    assert "licenses" not in json.loads((tmp_path / "out/api/v1/editions/2020/datapackage.json").read_text())
    oscal = json.loads((tmp_path / "out/api/v1/editions/2020/oscal/catalog.json").read_text())["catalog"]["metadata"]
    assert [p for p in oscal["props"] if p["name"].startswith("license")] == []
    assert [link for link in oscal["links"] if link["rel"] == "license"] == []
