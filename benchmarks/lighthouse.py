"""Lighthouse scores of the home page and a standard page, mobile and desktop.

    cd benchmarks/node && npm ci && cd ../..
    python -m benchmarks.lighthouse        # writes benchmarks/lighthouse-results.json

Builds the real site, serves it on loopback and runs Lighthouse (npm, pinned in
benchmarks/node) with Debian's Chromium. Targets (issue 7): performance >= 95,
accessibility 100.

The site is measured served twice over: gzip-compressed, as GitHub Pages serves it
to every browser (text files only; the figures to compare with the target), and
uncompressed, as Python's http.server serves it (the figures before issue 7's work,
kept for comparison). Lighthouse's mobile profile simulates a slow 4G link, on which
uncompressed text costs about four times as long to download.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

from tests.conftest import CHROMIUM, CHROMIUM_ARGS

from .corpus import ROOT
from .run import WORK, timed_build

LIGHTHOUSE = ROOT / "benchmarks" / "node" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "standard 1.2": "standards/2018/1.2/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SERVED = {"gzip": "gzip-compressed, as GitHub Pages serves the site",
          "identity": "uncompressed (Python's http.server)"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Python's static file handler, quiet, and optionally compressing text files."""

    compress = False
    TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if self.path.split("?")[0].endswith("/") and path.is_dir():
            path = path / "index.html"
        if (not self.compress or path.suffix not in self.TEXT or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


class Server:
    """The built site on 127.0.0.1, served from a background thread."""

    def __init__(self, directory: Path, compress: bool):
        handler = type("Handler", (_Handler,), {"compress": compress})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


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


def measure(site: Path, compress: bool) -> dict:
    server = Server(site, compress)
    try:
        return {
            name: {"mobile": scores(server.url + path, desktop=False),
                   "desktop": scores(server.url + path, desktop=True)}
            for name, path in PAGES.items()
        }
    finally:
        server.close()


def main() -> None:
    site = WORK / "lighthouse-site"
    timed_build(ROOT / "mkdocs.yml", site)
    results = {SERVED[encoding]: measure(site, compress=encoding == "gzip") for encoding in SERVED}
    out = ROOT / "benchmarks" / "lighthouse-results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
