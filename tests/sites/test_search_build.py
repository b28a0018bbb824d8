"""The search index is part of every build: Pagefind runs after it, and failures fail it."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import material
import pytest

from standards_site.mkdocs.theme import THEME_DIR
from tests.conftest import BUILD_ENV, ROOT, mkdocs_build

FIXTURES = ROOT / "tests" / "fixtures"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def test_the_real_site_has_a_pagefind_index_and_no_material_index(built_site: Path):
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    assert any((built_site / "pagefind" / "fragment").iterdir())
    assert not (built_site / "search" / "search_index.json").exists()


def test_every_page_marks_its_article_and_only_that_for_search(built_site: Path):
    pages = [p for p in built_site.rglob("index.html") if "pagefind" not in p.parts]
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "<title>Redirecting...</title>" in html:  # mkdocs-redirects' pages: nothing to index
            continue
        if "<article data-search-exclude " in html:  # `search: exclude: true`: left out on purpose
            assert "data-pagefind-body" not in html, page
            continue
        assert html.count("data-pagefind-body") == 1, page
        assert re.search(r'<article data-pagefind-body[^>]*class="md-content__inner md-typeset">', html), page


def test_the_header_override_is_materials_own_with_only_the_search_block_replaced():
    ours = (THEME_DIR / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = (MATERIAL_TEMPLATES / "partials" / "header.html").read_text(encoding="utf-8")
    search_block = re.search(r'    {% if "material/search" in config.plugins %}.*?\n    {% endif %}\n', theirs, re.DOTALL)
    assert search_block, "Material's header has changed: review standards_site/mkdocs/theme/partials/header.html"
    ours_first = '    {% if config.extra.search_archive is defined %}{% include "partials/site-search.html" %}{% else %}\n'
    expected = theirs.replace(search_block.group(), ours_first + search_block.group().rstrip("\n") + "{% endif %}\n")
    assert ours.split("-#}\n", 1)[1] == expected


@pytest.fixture
def fixture_site(tmp_path) -> Path:
    site = tmp_path / "minimal"
    shutil.copytree(FIXTURES / "minimal", site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return site


def test_a_page_that_search_cannot_index_fails_the_build_with_a_clear_message(fixture_site: Path, tmp_path: Path):
    # A site whose own page template has no article: search would silently lose every page.
    theme = fixture_site / "theme"
    theme.mkdir()
    (theme / "main.html").write_text("<html lang='en'><body>{{ page.content }}</body></html>", encoding="utf-8")
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: theme\n", 1), encoding="utf-8")

    result = mkdocs_build(config, tmp_path / "out")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        'ERROR   -  Search index: docs/index.md: the page has no <article class="md-content__inner md-typeset"> '
        "to index: has the theme's main template changed?"
    ) in result.stderr
    assert not (tmp_path / "out").exists(), "a failed build must not leave a half-written site"


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:   # the server is not listening yet
        return 0, ""


def _wait_until(check, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.1)
    raise AssertionError(f"not ready within {timeout} s")


def test_under_mkdocs_serve_the_index_follows_each_rebuild(fixture_site: Path):
    # `mkdocs serve` reloads the page without waiting for Pagefind, which then writes
    # the index into the freshly rebuilt site (standards_site/mkdocs/search.py).
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=fixture_site, env=BUILD_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        page = base + "standards/2020/1.1/"
        _wait_until(lambda: _get(page)[0] == 200)
        _wait_until(lambda: _get(base + "pagefind/pagefind.js")[0] == 200)
        # The preview reloads itself with an inline script: the published site's policy would block it.
        assert "Content-Security-Policy" not in _get(page)[1]

        standard = fixture_site / "standards/editions/2020/standards/1.1.yml"
        text = standard.read_text(encoding="utf-8")
        standard.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
        _wait_until(lambda: "Edited " in _get(page)[1])
        # The rebuild emptied the site folder; the new index arrives after the page.
        _wait_until(lambda: _get(base + "pagefind/pagefind.js")[0] == 200)
    finally:
        server.terminate()
        log, _ = server.communicate(timeout=30)
    assert "Search index" not in log, log
    assert "Traceback" not in log, log
