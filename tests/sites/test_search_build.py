"""The search index is part of every build: Pagefind runs after it, and failures fail it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import material
import pytest

from tests.conftest import ROOT, mkdocs_build

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
        assert html.count("data-pagefind-body") == 1, page
        assert re.search(r'<article data-pagefind-body[^>]*class="md-content__inner md-typeset">', html), page


def test_the_header_override_is_materials_own_with_only_the_search_block_replaced():
    ours = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = (MATERIAL_TEMPLATES / "partials" / "header.html").read_text(encoding="utf-8")
    search_block = re.search(r'    {% if "material/search" in config.plugins %}.*?\n    {% endif %}\n', theirs, re.DOTALL)
    assert search_block, "Material's header has changed: review overrides/partials/header.html"
    expected = theirs.replace(search_block.group(), '    {% include "partials/site-search.html" %}\n')
    assert ours.split("-#}\n", 1)[1] == expected


@pytest.fixture
def fixture_site(tmp_path) -> Path:
    site = tmp_path / "minimal"
    shutil.copytree(FIXTURES / "minimal", site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return site


def test_a_page_that_search_cannot_index_fails_the_build_with_a_clear_message(fixture_site: Path, tmp_path: Path):
    # A theme whose page template has no article: search would silently lose every page.
    theme = fixture_site / "theme"
    shutil.copytree(ROOT / "overrides", theme)
    (theme / "main.html").write_text("<html lang='en'><body>{{ page.content }}</body></html>", encoding="utf-8")
    config = fixture_site / "mkdocs.yml"
    config.write_text(re.sub(r"custom_dir: .*", f"custom_dir: {theme.as_posix()}", config.read_text()), encoding="utf-8")

    result = mkdocs_build(config, tmp_path / "out")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        'ERROR   -  Search index: docs/index.md: the page has no <article class="md-content__inner md-typeset"> '
        "to index: has the theme's main template changed?"
    ) in result.stderr
    assert not (tmp_path / "out").exists(), "a failed build must not leave a half-written site"
