"""Benchmark search at scale: what a browser downloads before the first results, and how fast they come.

    python -m benchmarks.search                     # corpora of about 1,000 and 5,000 HTML pages
    python -m benchmarks.search --sizes 1000 --trials 1   # a quick look

For each size it writes a synthetic corpus (benchmarks/corpus.py) and builds it
twice:

- `before`: Material's search plugin and its single index (search/search_index.json),
  as the site was configured before Pagefind;
- `after`:  the site as configured now (Pagefind, run after the build by
  standards_site/mkdocs/search.py, and our search box, standards_site/mkdocs/theme/partials/site-search.html).
  Superseded editions are in a second bundle, searched after the first results are
  shown: its downloads are counted under `search_bytes_after_first_results`.

Each site is served over loopback and opened in Chromium (Playwright, Debian's
chromium) once per trial in a fresh browser context (empty cache). A trial opens a
standard page, waits until the page has loaded, presses "/" and waits until the
network is idle (Material downloads its whole index, Pagefind its entry files),
then types a query and waits for the first result to be shown.

Bytes are counted per fetched file as a server sending gzip would: the smaller of
the file's size and its gzip -9 size (Pagefind's index files are gzipped already).
The query is typed at 80 ms a key. Times are read in the page (performance.now()):
from the first keydown to the moment the first result is in the list, and from the
last keydown to the last change of the results list (the results of the whole query). Results go to
benchmarks/search-results.json; compare `before` and `after` from one run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

from .corpus import ROOT, make_corpus

WORK = ROOT / "build" / "bench-search"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Material's search configuration before Pagefind (from mkdocs.yml at that time).
MATERIAL_SEARCH = """  - search:
      separator: '[\\s\\-,:!=\\[\\]()"`/]+|\\.(?!\\d)|&[lg]t;|(?!\\b)(?=[A-Z][a-z])'
"""
# A topic word and a standard id from the corpus: both exist on many pages.
QUERIES = ("workload", "3.7")
BUDGET = {"search_bytes_gzip": 300 * 1024, "first_results_ms": 300}

# Selectors for "a result is shown" in each variant.
RESULT_SELECTOR = {"before": ".md-search-result__item", "after": "#site-search-results li"}


# -- the two variants ---------------------------------------------------------------------------

def before_variant(corpus: Path, config: Path) -> Path:
    """A configuration with Material's search plugin and Material's own search box.

    The generator's `search: false` leaves out Pagefind and our search box's files.
    """
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - standards-site:\n", "  - standards-site:\n      search: false\n", 1)
    text = text.replace("plugins:\n", "plugins:\n" + MATERIAL_SEARCH, 1)
    before = corpus / "mkdocs-before.yml"
    before.write_text(text, encoding="utf-8")
    return before


def build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                            env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stderr}")
    return round(time.perf_counter() - start, 1)


def pagefind_seconds(corpus: Path, site: Path) -> float:
    """Time Pagefind alone on the built site, as the search hook runs it (both bundles).

    It rewrites the bundles the build wrote, with the same content, so it runs after
    the browser measurements.
    """
    from standards_site.site.content import load_content
    from standards_site.site.search_index import archived_folders, index_site
    archived = archived_folders(load_content(corpus / "standards").framework)
    start = time.perf_counter()
    index_site(site, archived)
    return round(time.perf_counter() - start, 2)


# -- serving and accounting ---------------------------------------------------------------------

class Server:
    """The built site over HTTP on 127.0.0.1, from a background thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(_Quiet, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@functools.lru_cache(maxsize=None)
def transfer_size(path: Path) -> tuple[int, int]:
    """(raw bytes, bytes a gzip-sending server would send) for one file."""
    raw = path.read_bytes()
    return len(raw), min(len(raw), len(gzip.compress(raw, compresslevel=9, mtime=0)))


def file_of(site: Path, url: str) -> Path | None:
    path = unquote(urlparse(url).path).lstrip("/")
    candidate = site / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def account(site: Path, urls: list[str]) -> dict:
    files = [f for f in (file_of(site, u) for u in urls) if f is not None]
    return {"files": len(files), "raw": sum(transfer_size(f)[0] for f in files),
            "gzip": sum(transfer_size(f)[1] for f in files)}


def is_search_file(url: str) -> bool:
    return any(part in url for part in ("/pagefind/", "/pagefind-archive/", "/search/search_index.json", "/workers/search"))


# -- one trial in Chromium ----------------------------------------------------------------------

TYPING_DELAY_MS = 80          # a fast typist: about 12 characters a second

# Timestamps kept in the page: the first and the last keydown, the first moment a
# result is shown, and the last change to the results list.
RESULT_WATCH = """([item, list]) => {
  window.__keys = []; window.__firstResult = null; window.__lastChange = null;
  document.addEventListener('keydown', () => window.__keys.push(performance.now()), true);
  new MutationObserver((mutations) => {
    if (!window.__keys.length) return;
    const now = performance.now();
    if (mutations.some(m => m.target.closest && m.target.closest(list))) window.__lastChange = now;
    if (window.__firstResult === null && document.querySelector(item)) window.__firstResult = now;
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""
RESULT_LIST = {"before": ".md-search-result__list", "after": "#site-search-results"}
RESULT_LINK = {"before": ".md-search-result__item a", "after": "#site-search-results a"}


def trial(browser, site: Path, url: str, variant: str, query: str, page_path: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    fetched: list[tuple[str, float]] = []      # (url, request start in ms since the epoch)
    page.on("response", lambda response: fetched.append((response.url, response.request.timing["startTime"])))
    page.goto(url + page_path, wait_until="load")
    page.wait_for_load_state("networkidle")
    on_load = [u for u, _ in fetched]
    page.keyboard.press("/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)         # let a worker finish reading what it fetched
    page.evaluate(RESULT_WATCH, [RESULT_SELECTOR[variant], RESULT_LIST[variant]])
    page.keyboard.type(query, delay=TYPING_DELAY_MS)
    page.wait_for_selector(RESULT_SELECTOR[variant], timeout=60_000)
    _wait_until_quiet(page)
    keys, first_result, last_change, origin = page.evaluate(
        "[window.__keys, window.__firstResult, window.__lastChange, performance.timeOrigin]")
    first_href = page.locator(RESULT_LINK[variant]).first.get_attribute("href")
    context.close()
    # A request counts as "before the first results" if it started before they were shown
    # (the page's clock and the request timings are both milliseconds since the epoch).
    shown_at = origin + first_result
    shown = [u for u, started in fetched if started <= shown_at]
    later = [u for u, started in fetched if started > shown_at]
    return {
        "page_load": account(site, on_load),
        "search_before_first_results": account(site, [u for u in shown if is_search_file(u)]),
        "everything_before_first_results": account(site, shown),
        "search_after_first_results": account(site, [u for u in later if is_search_file(u)]),
        "typing_to_first_results_ms": round(first_result - keys[0], 1),
        "last_key_to_final_results_ms": round(max(0.0, last_change - keys[-1]), 1),
        "first_result": first_href,
    }


def _wait_until_quiet(page, quiet_ms: int = 1500, timeout_ms: int = 60_000) -> None:
    """Wait until the results list has not changed for `quiet_ms`."""
    page.wait_for_function(
        f"window.__lastChange !== null && performance.now() - window.__lastChange > {quiet_ms}",
        timeout=timeout_ms, polling=100,
    )


def measure_variant(browser, site: Path, variant: str, trials: int, page_path: str) -> dict:
    server = Server(site)
    try:
        by_query = {}
        for query in QUERIES:
            runs = [trial(browser, site, server.url, variant, query, page_path) for _ in range(trials)]
            times = [r["typing_to_first_results_ms"] for r in runs]
            final = [r["last_key_to_final_results_ms"] for r in runs]
            by_query[query] = {
                "typing_to_first_results_ms": {"median": statistics.median(times), "all": times},
                "last_key_to_final_results_ms": {"median": statistics.median(final), "all": final},
                "search_bytes_after_first_results": runs[0]["search_after_first_results"],
                "search_bytes_before_first_results": runs[0]["search_before_first_results"],
                "all_bytes_before_first_results": runs[0]["everything_before_first_results"],
                "page_load_bytes": runs[0]["page_load"],
                "first_result": runs[0]["first_result"],
            }
        return by_query
    finally:
        server.close()


def index_size(site: Path, variant: str) -> dict:
    if variant == "before":
        index = site / "search" / "search_index.json"
        raw, packed = transfer_size(index)
        return {"files": 1, "raw": raw, "gzip": packed}
    sizes = {}
    for name in ("pagefind", "pagefind-archive"):
        bundle = [p for p in (site / name).rglob("*") if p.is_file()]
        sizes[name] = {"files": len(bundle), "raw": sum(p.stat().st_size for p in bundle)}
    return sizes


def measure_size(browser, standards: int, trials: int, reuse: bool = False) -> dict:
    corpus = WORK / f"corpus-{standards}"
    if reuse and (corpus / "site-before").is_dir() and (corpus / "site-after").is_dir():
        variants = {"before": None, "after": None}
    else:
        config = make_corpus(corpus, standards)
        variants = {"before": before_variant(corpus, config), "after": config}
    entry = {"standards": standards}
    current_edition = "2018"
    page_path = f"standards/{current_edition}/1.2/"
    for name, variant_config in variants.items():
        site = corpus / f"site-{name}"
        seconds = build(variant_config, site) if variant_config else None
        entry[name] = {"build_seconds": seconds, "index_on_disk": index_size(site, name)}
        entry[name]["queries"] = measure_variant(browser, site, name, trials, page_path)
        if name == "after":
            entry[name]["pagefind_seconds"] = pagefind_seconds(corpus, site)
        print(json.dumps({name: entry[name]}), flush=True)
    entry["html_pages"] = sum(1 for _ in (corpus / "site-after").rglob("*.html"))
    return entry


def verdict(entry: dict) -> dict:
    """Did `after` meet the budget for every query? Time is judged after typing: from the
    last keydown to the results of the whole query (the time from the first keydown also
    counts the typing itself, 80 ms a key, and is reported for information)."""
    after = entry["after"]["queries"].values()
    worst_bytes = max(q["search_bytes_before_first_results"]["gzip"] for q in after)
    worst_ms = max(q["last_key_to_final_results_ms"]["median"] for q in after)
    return {"search_bytes_gzip_worst": worst_bytes, "last_key_to_results_ms_worst_median": worst_ms,
            "bytes_within_budget": worst_bytes <= BUDGET["search_bytes_gzip"],
            "time_within_budget": worst_ms <= BUDGET["first_results_ms"]}


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Standards per corpus (benchmarks/corpus.py): about 1,000 and 5,000 HTML pages.
    parser.add_argument("--sizes", default="240,1350", help="standards per corpus")
    parser.add_argument("--trials", type=int, default=3, help="fresh-cache browser trials per query")
    parser.add_argument("--reuse-builds", action="store_true",
                        help="measure the sites built by an earlier run (no build times) instead of building")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "search-results.json")
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
               "budget": BUDGET, "queries": list(QUERIES), "trials": args.trials, "sizes": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for size in (int(s) for s in args.sizes.split(",")):
                print(f"size {size} ...", flush=True)
                entry = measure_size(browser, size, args.trials, args.reuse_builds)
                entry["verdict"] = verdict(entry)
                results["sizes"].append(entry)
                print(json.dumps(entry["verdict"]), flush=True)
        finally:
            browser.close()
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
