"""Benchmark the build: speed, memory, size, page weight and edit-to-reload time.

    python -m benchmarks.run                       # about 100, 500, 1,000 and 5,000 pages; 5 or 3 builds each
    python -m benchmarks.run --sizes 100 --repeats 1   # a quick look

For each size it writes a synthetic corpus (benchmarks/corpus.py) and times full
`mkdocs build` runs of two variants, alternating them so that drift on a shared
machine affects both alike:

- `ours`:  the site as we build it (hooks generate pages, macros render);
- `plain`: plain MkDocs + Material building the already-rendered Markdown of the
  same pages, with our hooks and mkdocs-macros switched off.

For each size it also times the parts of our layer on their own (imports, loading,
generation: benchmarks/layer_costs.py), to show where the difference goes.

Results go to benchmarks/results.json. Figures to compare are ratios from one run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .corpus import ROOT, make_corpus
from .layer_costs import layer_costs

WORK = ROOT / "build" / "bench"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def timed_build(config: Path, site: Path, extra_env: dict | None = None) -> tuple[float, float, int]:
    """Run one `mkdocs build`; return (wall seconds, CPU seconds, peak resident memory in KiB).

    CPU seconds (user + system, Pagefind's processes included: the build waits for
    them) drift less than wall time when other work shares the machine."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        env={**ENV, **(extra_env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build of {config} failed:\n{process.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def plain_variant(corpus: Path, config: Path) -> Path:
    """Dump our rendered Markdown, then write a config that builds it with plain MkDocs."""
    dumped = corpus / "rendered-docs"
    shutil.rmtree(dumped, ignore_errors=True)
    shutil.copytree(corpus / "docs", dumped, ignore=shutil.ignore_patterns("*.md"))
    with_dump = corpus / "mkdocs-dump.yml"
    text = config.read_text(encoding="utf-8")
    hook = (ROOT / "benchmarks" / "dump_markdown_hook.py").as_posix()
    with_dump.write_text(text.replace("plugins:\n", f"hooks:\n  - {hook}\nplugins:\n", 1), encoding="utf-8")
    timed_build(with_dump, corpus / "site-dump", {"BENCHMARK_DUMP_DIR": str(dumped)})
    shutil.rmtree(corpus / "site-dump")

    plain = corpus / "mkdocs-plain.yml"
    # The standards-site plugin and mkdocs-macros go; the generator's theme, bundles and
    # search (Pagefind) stay in both variants (benchmarks/plain_hooks.py), since plain
    # MkDocs + Material would need a theme and a search too.
    text = _remove_block(text, r"^  - standards-site:\n")
    text = _remove_block(text, r"^  - macros:\n")
    hooks = (ROOT / "benchmarks" / "plain_hooks.py").as_posix()
    text = text.replace("plugins:\n", f"hooks:\n  - {hooks}\nplugins:\n", 1)
    plain.write_text(text.replace("docs_dir: docs", "docs_dir: rendered-docs", 1), encoding="utf-8")
    return plain


def _remove_block(text: str, header: str) -> str:
    """Remove a YAML block: its header line and the more-indented lines under it."""
    match = re.search(header, text, flags=re.MULTILINE)
    if not match:
        return text
    indent = len(match.group()) - len(match.group().lstrip())
    lines = text[match.end():].split("\n")
    keep = 0
    while keep < len(lines) and (not lines[keep].strip() or len(lines[keep]) - len(lines[keep].lstrip()) > indent):
        keep += 1
    return text[: match.start()] + "\n".join(lines[keep:])


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def measure_size(pages: int, repeats: int) -> dict:
    corpus = WORK / f"corpus-{pages}"
    config = make_corpus(corpus, pages)
    plain = plain_variant(corpus, config)
    times: dict[str, list[float]] = {"ours": [], "plain": []}
    cpu: dict[str, list[float]] = {"ours": [], "plain": []}
    memory: dict[str, list[int]] = {"ours": [], "plain": []}
    for _ in range(repeats):
        for name, variant in (("ours", config), ("plain", plain)):
            seconds, cpu_seconds, peak = timed_build(variant, corpus / f"site-{name}")
            times[name].append(seconds)
            cpu[name].append(cpu_seconds)
            memory[name].append(peak)
    site = corpus / "site-ours"
    html_pages = sum(1 for _ in site.rglob("*.html"))
    ours, base = statistics.median(times["ours"]), statistics.median(times["plain"])
    return {
        "standard_pages": pages,
        "html_pages": html_pages,
        "repeats": repeats,
        "build_seconds": {"ours_median": round(ours, 2), "plain_median": round(base, 2),
                          "ours_all": [round(t, 2) for t in times["ours"]],
                          "plain_all": [round(t, 2) for t in times["plain"]]},
        "our_layer_ratio": round(ours / base, 3),
        "cpu_seconds": {"ours_median": round(statistics.median(cpu["ours"]), 2),
                        "plain_median": round(statistics.median(cpu["plain"]), 2)},
        "our_layer_cpu_ratio": round(statistics.median(cpu["ours"]) / statistics.median(cpu["plain"]), 3),
        "ms_per_page": round(1000 * ours / html_pages, 2),
        "plain_ms_per_page": round(1000 * base / html_pages, 2),
        "peak_memory_mib": {"ours": round(max(memory["ours"]) / 1024), "plain": round(max(memory["plain"]) / 1024)},
        "site_bytes": folder_size(site),
        "search_data_bytes_on_disk": search_data_size(site),
        # Where the difference between the two builds goes (benchmarks/layer_costs.py).
        "our_layer_ms": layer_costs(corpus),
    }


def search_data_size(site: Path) -> dict:
    """Pagefind's whole index on disk, raw and gzipped; a browser downloads only the chunks
    a query needs (measured by `python -m benchmarks.search`). Pagefind compresses its
    index chunks itself, so gzip gains little on them."""
    files = [p for folder in ("pagefind", "pagefind-archive") for p in (site / folder).rglob("*") if p.is_file()]
    return {"raw": sum(p.stat().st_size for p in files), "gzip": sum(gzip_size(p) for p in files),
            "files": len(files)}


def page_weight(site: Path, page: str) -> dict:
    """Compressed bytes of what a browser loads for `page`: HTML, CSS and JS (no fonts are loaded)."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', html)
    files = {"html": [html_path], "css": [], "js": []}
    for asset in assets:
        if asset.startswith(("http:", "https:", "//")):
            continue
        path = (html_path.parent / asset.split("?")[0]).resolve()
        files["css" if path.suffix == ".css" else "js"].append(path)
    weight = {kind: sum(gzip_size(p) for p in paths) for kind, paths in files.items()}
    weight["total_gzip"] = sum(weight.values())
    # Search data is fetched only when someone searches; see benchmarks/search-results.json.
    return weight


def edit_to_reload(repeats: int = 3) -> dict:
    """Seconds from saving a standard's YAML to `mkdocs serve` serving the changed page."""
    copy = WORK / "serve-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "build", "site", "node_modules"))
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--watch", "standards", "--watch", "macros"],
        cwd=copy, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/standards/2018/1.2/"
    try:
        _wait_for(url, lambda body: "Staff" in body, timeout=60)
        standard = copy / "standards/editions/2018/standards/1.2.yml"
        original = standard.read_text(encoding="utf-8")
        seconds = []
        for attempt in range(repeats):
            marker = f"Staff edited {attempt}"
            start = time.perf_counter()
            standard.write_text(original.replace("title: Staff", f"title: {marker}"), encoding="utf-8")
            _wait_for(url, lambda body: marker in body, timeout=60)
            seconds.append(time.perf_counter() - start)
            time.sleep(1.5)
        return {"median_seconds": round(statistics.median(seconds), 2), "all": [round(s, 2) for s in seconds]}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(url: str, ready, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not become ready within {timeout} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Standards per corpus (all three editions). With guides, inspections, the real docs,
    # current-edition redirects and compare pages, these make about 100, 500, 1,000 and
    # 5,000 HTML pages.
    parser.add_argument("--sizes", default="20,120,240,1350", help="standards per corpus")
    parser.add_argument("--repeats", type=int, default=None,
                        help="builds per variant per size (default: 5 below 500 standards, where a build "
                             "takes seconds and the machine's drift weighs most, else 3)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
               "sizes": []}
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"size {size} ...", flush=True)
        results["sizes"].append(measure_size(size, args.repeats or (5 if size < 500 else 3)))
        print(json.dumps(results["sizes"][-1]), flush=True)
    # Scaling: per-page time of the largest corpus against the one nearest 500 pages.
    def nearest(pages: int) -> dict:
        return min(results["sizes"], key=lambda entry: abs(entry["html_pages"] - pages))
    small, large = nearest(500), max(results["sizes"], key=lambda entry: entry["html_pages"])
    if small is not large:
        results["scaling"] = {"small_pages": small["html_pages"], "large_pages": large["html_pages"],
                              "ms_per_page_ratio": round(large["ms_per_page"] / small["ms_per_page"], 3),
                              # MkDocs + Material alone, for reference: what our layer cannot change.
                              "plain_ms_per_page_ratio": round(large["plain_ms_per_page"] / small["plain_ms_per_page"], 3)}

    real_site = WORK / "real-site"
    timed_build(ROOT / "mkdocs.yml", real_site)
    results["page_weight_standard_1_2"] = page_weight(real_site, "standards/2018/1.2/index.html")
    results["page_weight_home"] = page_weight(real_site, "index.html")
    results["edit_to_reload"] = edit_to_reload()
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
