"""The data files in the built sites (not just in memory): JSON valid against the schemas
the same build publishes, CSVs that `frictionless validate` accepts and that Excel reads
as written, and an OSCAL catalog per edition that compliance-trestle reads."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from trestle.oscal.catalog import Catalog

SITES = ["built_site", "two_editions_site", "example_site"]
BOM = b"\xef\xbb\xbf"


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _frictionless(package: Path) -> dict:
    """`frictionless validate datapackage.json`, as a provider would run it, as its JSON report."""
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", package.name],
                            cwd=package.parent, capture_output=True, text=True, timeout=120)
    return json.loads(result.stdout)


def _as_excel_opens(data: bytes) -> str:
    """How Excel decodes a CSV it opens: UTF-8 when a byte-order mark says so, else the
    Windows code page (1252 in the UK), which shows UTF-8's en dash as `â€“`."""
    return data[len(BOM):].decode("utf-8") if data.startswith(BOM) else data.decode("cp1252", errors="replace")


@pytest.mark.parametrize("fixture", SITES)
def test_published_data_validates_against_published_schemas(request, fixture):
    site = request.getfixturevalue(fixture)
    api = site / "api" / "v1"
    exports = sorted((api / "editions").glob("*/standards.json")) + [api / "objects.json", api / "index.json"]
    assert len(exports) > 2
    for export in exports:
        data = _json(export)
        schema_path = site / data["$schema"].split("://", 1)[1].split("/", 1)[1]
        jsonschema.validate(data, _json(schema_path), cls=jsonschema.Draft202012Validator,
                            format_checker=jsonschema.FormatChecker())
        if export.name == "standards.json":
            assert data["id"] == export.parent.name


@pytest.mark.parametrize("fixture", SITES)
def test_every_edition_has_an_oscal_catalog_that_trestle_reads(request, fixture):
    api = request.getfixturevalue(fixture) / "api" / "v1"
    index = _json(api / "index.json")
    assert index["editions"]
    for edition in index["editions"]:
        path = api / "editions" / edition["id"] / "oscal" / "catalog.json"
        assert edition["oscal_catalog"].endswith(f"/api/v1/editions/{edition['id']}/oscal/catalog.json")
        catalog = Catalog.oscal_read(path)
        assert catalog.metadata.title == edition["title"]
        standards = _json(path.parent.parent / "standards.json")["standards"]
        assert [c.title for g in catalog.groups for c in g.controls or []] == [s["title"] for s in standards]


@pytest.mark.parametrize("fixture", SITES)
def test_frictionless_validates_the_csvs_against_their_data_package(request, fixture):
    packages = sorted((request.getfixturevalue(fixture) / "api/v1/editions").glob("*/datapackage.json"))
    assert packages
    for package in packages:
        report = _frictionless(package)
        assert (report["valid"], report["errors"], [task["errors"] for task in report["tasks"]]) == (True, [], [[], []])
        assert [task["labels"][:3] for task in report["tasks"]] == [
            ["edition", "domain", "domain_title"], ["edition", "standard", "standard_title"]]


def test_frictionless_finds_a_level_the_scale_does_not_have(example_site, tmp_path):
    """The check can fail: a characteristic filed under a level outside the five-level scale."""
    folder = tmp_path / "2026"
    shutil.copytree(example_site / "api/v1/editions/2026", folder)
    csv_path = folder / "characteristics.csv"
    csv_path.write_bytes(csv_path.read_bytes().replace(b",strong,Strong,", b",requires-improvement,Strong,", 1))
    report = _frictionless(folder / "datapackage.json")
    assert report["valid"] is False
    errors = report["tasks"][1]["errors"]
    assert [(e["type"], e["fieldName"], e["cell"]) for e in errors] == [
        ("constraint-error", "level", "requires-improvement")]


def test_excel_reads_the_csvs_as_written(built_site):
    """The provider's report: an en dash showed as `â€“` in Excel. The real text has en dashes."""
    folder = built_site / "api/v1/editions/2018"
    export = _json(folder / "standards.json")
    dashed = [text for s in export["standards"] for c in s["characteristics"]
              for text in [c["summary"], *c["paragraphs"]] if "–" in text]
    assert dashed, "the real content has en dashes"
    data = (folder / "characteristics.csv").read_bytes()
    assert data.startswith(BOM)
    assert data.count(b"\n") == data.count(b"\r\n") > len(dashed) and b"\r\r" not in data   # Windows line endings
    text = _as_excel_opens(data)
    assert "â€“" not in text
    assert all(paragraph in text for paragraph in dashed)
    assert text.splitlines()[0] == "edition,standard,standard_title,level,level_label,position,kind,text,url"
    assert "\r\n2018,1.1,Leadership,requires-improvement,Requires improvement,0,summary," in text
    assert _as_excel_opens((folder / "standards.csv").read_bytes()).startswith(
        "edition,domain,domain_title,id,title,statement,url,replaces\r\n2018,1,Organisational delivery,1.1,Leadership,")


def test_the_data_page_explains_the_oscal_catalog_and_the_csv_columns(built_site):
    page = built_site / "data/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text(" ", strip=True).removesuffix(" ¶") for h in soup.select("main h2")]
    assert {"The CSV files in a spreadsheet", "OSCAL catalog", "Schemas"} <= set(headings)
    links = {a["href"] for a in soup.select("main a[href*='api/v1/']")}
    assert "../api/v1/editions/2018/oscal/catalog.json" in links
    assert [href for href in links if not (page.parent / href).resolve().is_file()] == []
    columns = {code.get_text() for code in soup.select("main table td:first-child code")}
    assert {"domain_title", "standard_title", "level_label"} <= columns
    mapping = {row.select("td")[0].get_text(" ", strip=True): row.select("td")[1].get_text(" ", strip=True)
               for row in soup.select("main table tr") if row.select("td")}
    assert mapping["A standard"].startswith(
        "A control. OSCAL ids may not start with a digit, so standard 1.2 is standard-1.2")
