"""The real site built with the browser editor on (as the publishing workflow builds it):
/admin/ for authors, "Edit this page" on every page, and the same pages for readers.

The build is the real one, with STANDARDS_EDITOR=1 and the repository GitHub Actions names
(GITHUB_REPOSITORY); it is compared with the `built_site` fixture, the same site without
the editor.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, mkdocs_build
from tests.publishing.nu_checker import Allowed, check_site
from tests.publishing.test_nu_html_checker import CHECKER_WARNINGS, THEME_ERRORS

REPO = "inspectorate/standards"
EDITOR_ENV = {"STANDARDS_EDITOR": "1", "GITHUB_REPOSITORY": REPO}
#: The checker's own limit, as for the site's assets (CHECKER_WARNINGS): it reads files as
#: file: URLs, where 'self' matches nothing.
ADMIN_SCRIPT = Allowed(
    message=r"^Resource violates Content Security Policy \(meta tag\): external script “decap-cms\.js” blocked by "
            r"“script-src” directive\.$",
    extract=r'<script src="decap-cms\.js"></scri',
    source="The checker reads admin/index.html as a file: URL, whose origin is opaque: 'self' matches nothing.",
    harmless="Served over HTTP, the editor's script is same-origin and runs: tests/browser/test_editor.py "
             "fails on any policy violation the editor reports.",
)
EDIT_LINK = re.compile(r'\s*<p class="md-content__button" data-pagefind-ignore><a href="[^"]*" rel="edit">Edit this page</a></p>\s*')


def build_with_editor(folder: Path) -> Path:
    site = folder / "site"
    result = mkdocs_build(ROOT / "mkdocs.yml", site, extra_env=EDITOR_ENV)
    assert result.returncode == 0, result.stderr
    return site


def shared_build_with_editor(shared_mkdocs_build) -> Path:
    """The same build, made once per test run (shared by modules and xdist workers)."""
    site, result = shared_mkdocs_build(ROOT / "mkdocs.yml", EDITOR_ENV)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def editor_build(shared_mkdocs_build) -> Path:
    return shared_build_with_editor(shared_mkdocs_build)


def edit_link(html: str) -> str:
    (href,) = re.findall(r'<p class="md-content__button" data-pagefind-ignore><a href="([^"]*)" rel="edit">Edit this page</a></p>', html)
    return href


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_a_generated_page_links_to_its_entry_in_the_editor(editor_build):
    assert edit_link(read(editor_build, "standards/2018/1.2/index.html")) == (
        "../../../admin/#/collections/standards-2018/entries/1.2")
    assert edit_link(read(editor_build, "guidance/guides/line-management-supervision/index.html")) == (
        "../../../admin/#/collections/guides/entries/line-management-supervision")
    assert edit_link(read(editor_build, "inspections/nps-central-functions-2020/index.html")) == (
        "../../admin/#/collections/inspections/entries/nps-central-functions-2020")


def test_a_page_made_of_many_files_opens_the_editor(editor_build):
    assert edit_link(read(editor_build, "guidance/guides/index.html")) == "../../admin/#/"


def test_a_hand_written_page_links_to_its_source_on_github(editor_build):
    assert edit_link(read(editor_build, "how-to-cite/index.html")) == (
        f"https://github.com/{REPO}/edit/main/docs/how-to-cite.md")
    assert edit_link(read(editor_build, "index.html")) == f"https://github.com/{REPO}/edit/main/docs/index.md"


def test_every_page_has_an_edit_link(editor_build):
    pages = [path for path in editor_build.rglob("*.html")
             if "admin" not in path.parts and path.name != "404.html"
             and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")]
    assert len(pages) > 50
    without = [str(path.relative_to(editor_build)) for path in pages if "Edit this page" not in path.read_text(encoding="utf-8")]
    assert not without, f"pages without an edit link: {without[:10]}"


def test_the_admin_page_is_for_authors_only(editor_build):
    admin = read(editor_build, "admin/index.html")
    assert '<meta name="robots" content="noindex, nofollow">' in admin
    assert "data-pagefind-body" not in admin, "Pagefind indexes only pages marked for it"
    assert "data-pagefind-body" in read(editor_build, "standards/2018/1.2/index.html")
    assert "admin/" not in read(editor_build, "sitemap.xml")
    assert '<script src="decap-cms.js"></script>' in admin
    assert (editor_build / "admin" / "decap-cms.js").stat().st_size > 1_000_000, "the editor is served from the site"
    assert not list((editor_build / "admin").glob("*.map")), "no source maps published"


def test_the_admin_page_has_its_own_policy(editor_build):
    admin = read(editor_build, "admin/index.html")
    (policy,) = [html.unescape(found) for found in
                 re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', admin)]
    assert "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';" in policy
    assert "connect-src 'self' https://api.github.com https://raw.githubusercontent.com blob:;" in policy
    assert "http:" not in policy and "*" not in policy, "no other site may be reached"


def test_the_editor_edits_the_repository_through_pull_requests(editor_build):
    config = yaml.safe_load(read(editor_build, "admin/config.yml"))
    assert config["backend"] == {"name": "github", "repo": REPO, "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"
    assert config["site_url"] == "https://standards.example.org/"


def test_readers_get_the_same_pages_without_the_editor(editor_build, built_site):
    """Apart from the edit link (and the feature that shows it), every file is the same.

    Pagefind's filter and metadata chunks (and the entry file naming them) are left out: Pagefind writes them in a varying
    order, build after build (see tests/publishing/test_reproducibility.py); its fragments,
    the indexed text of each page, are compared."""
    def files(site: Path) -> set[str]:
        return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()
                and not re.match(r"pagefind/(filter/|pagefind\.|pagefind-entry\.json)", path.relative_to(site).as_posix())}

    plain, edited = files(built_site), files(editor_build)
    assert {path for path in edited - plain if not path.startswith("admin/")} == set()
    assert plain - edited == set()
    different = []
    for path in sorted(plain):
        if not path.endswith(".html"):
            if (built_site / path).read_bytes() != (editor_build / path).read_bytes():
                different.append(path)
            continue
        with_editor = EDIT_LINK.sub(" ", read(editor_build, path)).replace(', "content.action.edit"', "")
        if " ".join(with_editor.split()) != " ".join(read(built_site, path).split()):
            different.append(path)
    assert not different, f"pages that differ for readers: {different[:10]}"


def test_turned_on_without_a_repository_the_build_says_what_to_set(tmp_path):
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site", extra_env={"STANDARDS_EDITOR": "1", "GITHUB_REPOSITORY": ""})
    assert result.returncode == 1
    assert ("mkdocs.yml: editor.enabled is on, but there is no repository to edit: set editor.repo "
            "(owner/name on GitHub), repo_url, or editor.local_backend") in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_pages_with_edit_links_are_valid_html(editor_build, tmp_path):
    """The Nu Html Checker on a generated page, a hand-written page and the admin page."""
    for page in ("standards/2018/1.2/index.html", "how-to-cite/index.html", "admin/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(editor_build / page, tmp_path / page)
    messages = check_site(tmp_path)
    problems = [m for m in messages if m.kind == "error" and not any(a.matches(m) for a in THEME_ERRORS)]
    problems += [m for m in messages if m.kind == "warning" and not any(a.matches(m) for a in (*CHECKER_WARNINGS, ADMIN_SCRIPT))]
    assert not problems, "\n".join(str(m) for m in problems)
