"""What the incremental preview re-renders after each kind of change (standards_site/mkdocs/incremental.py).

The builds run in this process as `mkdocs serve` runs them: one plugin instance across
rebuilds of a freshly loaded configuration. tests/sites/test_incremental_preview.py
checks the served output against a full build, byte for byte.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from standards_site.mkdocs.incremental import abbreviations_in, stable_repr
from tests.conftest import ROOT

SERVE_URL = "http://127.0.0.1:8000/"   # never bound: MkDocs only writes it into the pages


class Serving:
    """Rebuilds of one site, as `mkdocs serve` makes them."""

    def __init__(self, folder: Path, site_dir: Path, command: str = "serve") -> None:
        self.folder, self.site_dir = folder, site_dir
        self.config = self._config()
        self.config.plugins.on_startup(command=command, dirty=False)
        self.plugin = self.config.plugins["standards-site"]

    def _config(self):
        config = load_config(config_file=str(self.folder / "mkdocs.yml"), site_dir=str(self.site_dir))
        config.site_url = SERVE_URL
        return config

    def rebuild(self) -> tuple[set[str], set[str]]:
        """Build; the pages rendered from Markdown and the pages templated (the rest were reused)."""
        config = self.config or self._config()
        self.config = None
        build(config, serve_url=SERVE_URL)
        config.plugins.on_shutdown()   # waits for the search index, run after each build
        return set(self.plugin.renders.rendered_pages), set(self.plugin.renders.templated_pages)

    def pages(self) -> dict[str, bytes]:
        return {str(p.relative_to(self.site_dir)): p.read_bytes() for p in self.site_dir.rglob("*.html")}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "minimal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", folder)
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/")
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: theme\n", 1), encoding="utf-8")
    (folder / "theme").mkdir()
    (folder / "theme" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    return folder


def _source(html: str) -> str:
    """The Markdown page an HTML file is built from (`how-to-cite/index.html`: `how-to-cite.md`)."""
    folder = html.removesuffix("index.html").rstrip("/")
    return "index.md" if not folder else f"{folder}.md" if folder == "how-to-cite" else f"{folder}/index.md"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_with_nothing_changed_renders_no_page_and_writes_the_same_pages(site: Path, tmp_path: Path):
    serving = Serving(site, tmp_path / "out")
    rendered, templated = serving.rebuild()
    assert "standards/2020/1.1/index.md" in rendered and rendered == templated
    first = serving.pages()

    assert serving.rebuild() == (set(), set())
    assert serving.pages() == first


def test_a_standards_title_re_renders_the_pages_that_show_it_and_no_other(site: Path, tmp_path: Path):
    serving = Serving(site, tmp_path / "out")
    everything, _ = serving.rebuild()
    _edit(site / "standards/editions/2020/standards/1.1.yml", "title: ", "title: Edited ")

    rendered, templated = serving.rebuild()

    # Exactly the pages that show the title: its own, its edition's, the neighbouring
    # standard's (previous and next links) and the indexes; never the hand-written How to cite.
    showing = {_source(html) for html, text in serving.pages().items() if b"Edited Fixture standard 1.1" in text}
    assert {"standards/2020/1.1/index.md", "standards/2020/index.md", "standards/2020/1.2/index.md"} <= showing
    assert rendered == showing == templated
    assert "how-to-cite.md" in everything - rendered


def test_a_theme_template_re_templates_every_page_without_rendering_markdown_again(site: Path, tmp_path: Path):
    serving = Serving(site, tmp_path / "out")
    everything, _ = serving.rebuild()
    (site / "theme" / "main.html").write_text('{% extends "base.html" %}\n{# edited #}\n', encoding="utf-8")

    assert serving.rebuild() == (set(), everything)


def test_a_setting_re_renders_every_page(site: Path, tmp_path: Path):
    serving = Serving(site, tmp_path / "out")
    everything, _ = serving.rebuild()
    _edit(site / "mkdocs.yml", "site_name: Fixture site (minimal)", "site_name: Fixture site (renamed)")

    assert serving.rebuild() == (everything, everything)
    assert "Fixture site (renamed)" in (tmp_path / "out/standards/2020/1.2/index.html").read_text(encoding="utf-8")


def test_a_page_that_logged_a_warning_is_rendered_again_so_the_warning_is_repeated(site: Path, tmp_path: Path,
                                                                                 caplog: pytest.LogCaptureFixture):
    (site / "docs" / "broken.md").write_text("# Broken\n\nSee [nowhere](nowhere.md).\n", encoding="utf-8")
    serving = Serving(site, tmp_path / "out")
    serving.rebuild()
    caplog.clear()

    rendered, _ = serving.rebuild()

    assert rendered == {"broken.md"}
    assert "'nowhere.md', but the target is not found among documentation files" in caplog.text


def test_mkdocs_build_keeps_no_renders(site: Path, tmp_path: Path):
    serving = Serving(site, tmp_path / "out", command="build")
    assert serving.plugin.renders is None


def test_the_glossary_counts_for_a_page_only_where_its_abbreviation_can_occur():
    glossary = {"NPS": "National Probation Service", "HMI Probation": "HM Inspectorate of Probation",
                "R&D": "Research and development", "&": "and"}
    assert abbreviations_in("The NPS, HMI\nProbation.", glossary) == {
        "NPS": "National Probation Service", "HMI Probation": "HM Inspectorate of Probation", "&": "and"}
    # Counted ignoring case and punctuation: more entries than can match, never fewer.
    assert "R&D" in abbreviations_in("r \\& d", glossary)
    assert "NPS" not in abbreviations_in("The probation service.", glossary)


def test_settings_compare_equal_across_builds_whatever_their_order_or_memory_address():
    class Setting:
        pass

    assert stable_repr({"b": [1, {"y", "x"}], "a": Setting()}) == stable_repr({"a": Setting(), "b": [1, {"x", "y"}]})
    assert stable_repr({"a": 1}) != stable_repr({"a": 2})
