"""`mkdocs serve` re-renders only what a save changes, and serves what a full build serves.

A copy of the real site is served; a standard, a guide and a glossary term are edited in
turn, and after each save the preview must show the edit having re-rendered only some
pages. Then the whole served folder is compared, byte for byte, with a fresh `mkdocs serve`
of the edited content (a full build, on the same port, so that the served addresses are
the same), apart from:

- `pagefind/` and `pagefind-archive/`: the search index, written after the reload in the
  background (standards_site/mkdocs/search.py), so it may be half-written when the folder
  is copied; it is built from the HTML, which is compared;
- `sitemap.xml.gz`: MkDocs writes the build's time into the gzip header (its content,
  `sitemap.xml`, is compared).

The folders on disk are compared, not HTTP responses: the server adds its live-reload
script, with a new timestamp, to every HTML page it sends.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUILD_ENV, ROOT
from tests.sites.test_search_build import _get, _wait_until

#: Named above: what a fresh build of the same content may write differently.
NOT_COMPARED = ("pagefind/", "pagefind-archive/", "sitemap.xml.gz")
_BUILT = re.compile(r"incremental preview: (\d+) pages rendered, (\d+) templated, of (\d+)")


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy)
    for folder in ("docs", "standards", "overrides", "macros"):
        shutil.copytree(ROOT / folder, copy / folder)
    return copy


class Preview:
    """One `mkdocs serve` of a folder, its output folder found through TMPDIR."""

    def __init__(self, folder: Path, port: int, temp: Path) -> None:
        temp.mkdir()
        self.temp = temp
        self.log_path = temp.parent / f"{temp.name}.log"
        self.log_file = self.log_path.open("w", encoding="utf-8")
        self.base = f"http://127.0.0.1:{port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=folder, env={**BUILD_ENV, "TMPDIR": str(temp)}, stdout=self.log_file, stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def builds(self) -> list[tuple[int, int, int]]:
        return [tuple(int(n) for n in match) for match in _BUILT.findall(self.log())]

    def wait_for(self, path: str, text: str, builds: int) -> tuple[int, int, int]:
        """Wait until the page shows `text` and the `builds`-th build has finished; its counts."""
        _wait_until(lambda: text in _get(self.base + path)[1], timeout=180)
        _wait_until(lambda: len(self.builds()) >= builds, timeout=60)
        return self.builds()[builds - 1]

    def site_dir(self) -> Path:
        (folder,) = [p for p in self.temp.iterdir() if p.name.startswith("mkdocs_")]
        return folder

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log_file.close()
        return self.log()


def _snapshot(site: Path, into: Path) -> Path:
    shutil.copytree(site, into, ignore=shutil.ignore_patterns("pagefind", "pagefind-archive", "sitemap.xml.gz"))
    return into


def _differences(left: Path, right: Path) -> list[str]:
    """Files only in one folder or with different bytes, as paths relative to the folders."""
    found = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in incremental: {prefix}{name}" for name in comparison.left_only)
        found.extend(f"only in full build: {prefix}{name}" for name in comparison.right_only)
        _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
        found.extend(f"differs: {prefix}{name}" for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found: has the content changed?"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_save_re_renders_only_what_it_changes_and_serves_what_a_full_build_serves(site_copy: Path, tmp_path: Path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    preview = Preview(site_copy, port, tmp_path / "serve-incremental")
    try:
        total = preview.wait_for("standards/2018/1.2/", "Staff", builds=1)[2]
        assert preview.builds()[0] == (total, total, total), "the first build renders every page"

        # A standard's title: its page, its edition's page (which lists it), the pages that
        # link it by title (guides, inspections) and the framework's index, no more.
        _edit(site_copy / "standards/editions/2018/standards/1.2.yml", "title: Staff", "title: Staff edited")
        rendered, templated, pages = preview.wait_for("standards/2018/1.2/", "Staff edited", builds=2)
        assert 2 <= rendered < pages // 2 and templated < pages // 2, preview.builds()

        # A guide's text.
        guide = "standards/guides/line-management-supervision.md"
        _edit(site_copy / guide, "Middle managers were generally positive", "Middle managers were positive")
        rendered, templated, pages = preview.wait_for(
            "guidance/guides/line-management-supervision/", "Middle managers were positive", builds=3)
        assert 1 <= rendered < pages // 2 and templated < pages // 2, preview.builds()

        # A glossary term's expansion, shown where its abbreviation (NPS) occurs: guides.
        _edit(site_copy / "standards/glossary.yml", "expansion: National Probation Service",
              "expansion: a single national service")
        rendered, templated, pages = preview.wait_for("glossary/", "a single national service", builds=4)
        assert 1 <= rendered < pages // 2 and templated < pages // 2, preview.builds()
        incremental = _snapshot(preview.site_dir(), tmp_path / "incremental")
    finally:
        log = preview.stop()
    assert "Traceback" not in log, log

    fresh = Preview(site_copy, port, tmp_path / "serve-full")
    try:
        fresh.wait_for("standards/2018/1.2/", "Staff edited", builds=1)
        full = _snapshot(fresh.site_dir(), tmp_path / "full")
    finally:
        fresh.stop()

    assert (incremental / "standards/2018/1.2/index.html").is_file()
    assert _differences(incremental, full) == []
