"""Lighthouse scores of the home page and a standard page, mobile and desktop.

    cd benchmarks/node && npm ci && cd ../..
    python -m benchmarks.lighthouse        # writes benchmarks/lighthouse-results.json

Builds the real site, serves it on loopback and runs Lighthouse (npm, pinned in
benchmarks/node) with Debian's Chromium. Targets (issue 7): performance >= 95,
accessibility 100.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, SiteServer

from .corpus import ROOT
from .run import WORK, timed_build

LIGHTHOUSE = ROOT / "benchmarks" / "node" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "standard 1.2": "standards/2018/1.2/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def scores(url: str, desktop: bool) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [str(LIGHTHOUSE), url, f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
                   "--output=json", f"--output-path={report}", "--quiet"]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    site = WORK / "lighthouse-site"
    timed_build(ROOT / "mkdocs.yml", site)
    server = SiteServer(site)
    try:
        results = {
            name: {"mobile": scores(server.url + path, desktop=False),
                   "desktop": scores(server.url + path, desktop=True)}
            for name, path in PAGES.items()
        }
    finally:
        server.close()
    out = ROOT / "benchmarks" / "lighthouse-results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
