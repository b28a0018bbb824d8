"""`standards-site new site` writes a site that builds strictly as it is; `generate` writes its pages."""

from __future__ import annotations

import subprocess

from bs4 import BeautifulSoup

from tests.conftest import BUILD_ENV, STANDARDS_SITE, mkdocs_build
from tests.sites.test_build import pages_sharing_a_description

NAME = 'Example Inspectorate: "Care" & Health #1'   # invented; YAML and HTML special characters on purpose


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(STANDARDS_SITE), *map(str, args)], cwd=cwd, env=BUILD_ENV,
                          capture_output=True, text=True)


def test_a_new_site_builds_strictly_and_names_its_organisation(tmp_path):
    folder = tmp_path / "new"
    made = run("new", "site", folder, "--organisation", NAME, "--short-name", "EI")
    assert made.returncode == 0, made.stderr
    assert (folder / "README.md").read_text(encoding="utf-8").startswith(f"# Inspection standards of {NAME}\n")

    site = tmp_path / "site"
    result = mkdocs_build(folder / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    standard = BeautifulSoup((site / "standards/2025/1.1/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [i["id"] for i in standard.select(".levels .tabbed-set > input")] == [
        "outstanding", "good", "requires-improvement", "inadequate"]
    footer = standard.select_one(".md-copyright__publisher").get_text(" ", strip=True)
    assert footer == f"Published by {NAME}"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text() for a in home.select("article li a")] == ["1.1 Placeholder standard"]
    assert pages_sharing_a_description(site) == {}
    assert run("validate", cwd=folder).returncode == 0


def test_new_site_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("new", "site", tmp_path / "taken", "--organisation", "Example Inspectorate")
    assert result.returncode == 1
    assert result.stderr == f"error: {tmp_path / 'taken'} already exists and is not an empty folder: choose a new one\n"
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["notes.txt"]


def test_new_site_needs_the_organisation(tmp_path):
    result = run("new", "site", tmp_path / "new")
    assert result.returncode == 1
    assert result.stderr == "error: the organisation's name must not be empty (--organisation)\n"
    assert not (tmp_path / "new").exists()


def test_generate_writes_the_pages_and_data_the_plugin_adds(tmp_path):
    folder = tmp_path / "new"
    assert run("new", "site", folder, "--organisation", "Example Inspectorate").returncode == 0
    out = tmp_path / "generated"
    result = run("generate", out, "--root", folder / "standards", "--site-url", "https://example.org/",
                 "--organisation", "Example Inspectorate")
    assert result.returncode == 0, result.stderr
    page = (out / "standards/2025/1.1/index.md").read_text(encoding="utf-8")
    assert '=== "Requires improvement"' in page and '{ data-level="requires-improvement" }' in page
    assert (out / "api/v1/editions/2025/standards.json").is_file()
    assert "<name>Example Inspectorate</name>" in (out / "whats-new/atom.xml").read_text(encoding="utf-8")
