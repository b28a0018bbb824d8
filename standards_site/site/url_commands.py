"""`standards-site urls`: keep the URL manifest in step with a real build.

    standards-site urls --update    add every URL the site now publishes
    standards-site urls --check     exit 1 if a URL is missing or unlisted

Both build the site with `mkdocs build --strict` into a temporary folder first
(without STANDARDS_PREVIEW: drafts are never part of the contract), unless
`--site` names a folder that is already built.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

PREVIEW_VARIABLE = "STANDARDS_PREVIEW"  # read by mkdocs.yml (`preview: !ENV STANDARDS_PREVIEW`)
from standards_site.site.url_manifest import MANIFEST_NAME, broken, broken_report, read_manifest, unlisted, write_manifest


def run_urls(config: Path, site: Optional[Path], update: bool) -> int:
    manifest_path = config.resolve().parent / MANIFEST_NAME
    if site is not None:
        return _compare(manifest_path, site, update)
    with tempfile.TemporaryDirectory(prefix="url-manifest-") as folder:
        built = Path(folder) / "site"
        result = build_site(config, built)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            print("error: the site did not build, so the manifest was not checked", file=sys.stderr)
            return 2
        return _compare(manifest_path, built, update)


def build_site(config: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `config` into `site`, never in preview mode."""
    env = {key: value for key, value in os.environ.items() if key != PREVIEW_VARIABLE}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config.resolve()), "-d", str(site.resolve())],
        cwd=config.resolve().parent, env=env, capture_output=True, text=True,
    )


def _compare(manifest_path: Path, site: Path, update: bool) -> int:
    listed = read_manifest(manifest_path)
    problems = broken(site, listed)
    new = unlisted(site, listed)
    if problems:
        print(broken_report(problems), file=sys.stderr)
    if update:
        if new:
            write_manifest(manifest_path, listed + new)
        print(f"{manifest_path.name}: {len(new)} URL(s) added, {len(listed) + len(new)} in all")
        return 1 if problems else 0
    if new:
        print(f"{len(new)} URL(s) published but not in {manifest_path.name}: run `standards-site urls --update`",
              file=sys.stderr)
        for url in new:
            print(f"  {url}", file=sys.stderr)
    return 1 if problems or new else 0
