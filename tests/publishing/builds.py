"""Build the real site with a chosen generator and build date, and compare two builds."""

from __future__ import annotations

import filecmp
import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUILD_ENV, ROOT
from tests.shared_builds import SharedBuilds


def build(site_dir: Path, *, generator: str = "mkdocs", source_date_epoch: int | None = None) -> Path:
    """`<generator> build --strict` of the real site into `site_dir`; fail with its stderr."""
    result = _run(generator, ROOT / "mkdocs.yml", site_dir, _environment(source_date_epoch))
    assert result.returncode == 0, f"{generator} build --strict failed:\n{result.stderr}"
    return site_dir


def shared_build(shared_builds: SharedBuilds, *, generator: str = "mkdocs",
                 source_date_epoch: int | None = None) -> Path:
    """The same build, made once per test run and shared by the tests that compare a fresh
    build with it (tests/shared_builds.py); its folder."""
    site_dir, result = shared_builds.build(
        ROOT / "mkdocs.yml", _environment(source_date_epoch),
        lambda config, site_dir, env: _run(generator, config, site_dir, env), generator=generator)
    assert result.returncode == 0, f"{generator} build --strict failed:\n{result.stderr}"
    return site_dir


def _environment(source_date_epoch: int | None) -> dict[str, str]:
    env = {k: v for k, v in BUILD_ENV.items() if k != "STANDARDS_PREVIEW"}  # the public site
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(source_date_epoch)  # the build date MkDocs writes
    return env


def _run(generator: str, config: Path, site_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", generator, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )


def files_in(site_dir: Path) -> set[str]:
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}


#: Pagefind (1.5.2) writes its filter and metadata chunks in an order that varies from
#: run to run, even single-threaded on the same HTML, and names them by content hash:
#: these files (and the entry file that names them) differ between any two builds.
#: `same_search_index` compares what they describe instead.
UNORDERED_SEARCH_FILES = re.compile(r"^pagefind(-archive)?/(pagefind-entry\.json|filter/.*\.pf_filter|pagefind\..*\.pf_meta)$")


def same_search_index(first: Path, second: Path) -> bool:
    """Both builds' Pagefind indexes cover the same pages, in the same languages."""
    def summary(site: Path) -> dict:
        entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        return {language: info["page_count"] for language, info in entry["languages"].items()}
    return summary(first) == summary(second)


def differing_files(first: Path, second: Path) -> set[str]:
    """Files present in only one build, or whose bytes differ (Pagefind's unordered files aside)."""
    ours = {name for name in files_in(first) if not UNORDERED_SEARCH_FILES.match(name)}
    theirs = {name for name in files_in(second) if not UNORDERED_SEARCH_FILES.match(name)}
    common = sorted(ours & theirs)
    _, mismatch, errors = filecmp.cmpfiles(first, second, common, shallow=False)
    return (ours ^ theirs) | set(mismatch) | set(errors)
