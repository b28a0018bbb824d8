"""Build the real site with a chosen generator and build date, and compare two builds."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUILD_ENV, ROOT


def build(site_dir: Path, *, generator: str = "mkdocs", source_date_epoch: int | None = None) -> Path:
    """`<generator> build --strict` of the real site into `site_dir`; fail with its stderr."""
    env = {k: v for k, v in BUILD_ENV.items() if k != "STANDARDS_PREVIEW"}  # the public site
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(source_date_epoch)  # the build date MkDocs writes
    result = subprocess.run(
        [sys.executable, "-m", generator, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"{generator} build --strict failed:\n{result.stderr}"
    return site_dir


def files_in(site_dir: Path) -> set[str]:
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}


def differing_files(first: Path, second: Path) -> set[str]:
    """Files present in only one build, or whose bytes differ."""
    ours, theirs = files_in(first), files_in(second)
    common = sorted(ours & theirs)
    _, mismatch, errors = filecmp.cmpfiles(first, second, common, shallow=False)
    return (ours ^ theirs) | set(mismatch) | set(errors)
