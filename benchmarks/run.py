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
from typing import Optional

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


def measure_ours_only(pages: int, edits: tuple) -> dict:
    """A shorter look at one size: one build of ours (no plain variant, no layer costs) and edit-to-reload."""
    corpus = WORK / f"corpus-{pages}"
    config = make_corpus(corpus, pages)
    load_before = os.getloadavg()
    reload = edit_to_reload_corpus(corpus, *edits)
    seconds, cpu_seconds, peak = timed_build(config, corpus / "site-ours")
    html_pages = sum(1 for _ in (corpus / "site-ours").rglob("*.html"))
    return {
        "standard_pages": pages, "html_pages": html_pages, "repeats": 1, "ours_only": True,
        "build_seconds": {"ours_median": round(seconds, 2), "ours_all": [round(seconds, 2)]},
        "cpu_seconds": {"ours_median": round(cpu_seconds, 2)},
        "ms_per_page": round(1000 * seconds / html_pages, 2),
        "cpu_ms_per_page": round(1000 * cpu_seconds / html_pages, 2),
        "peak_memory_mib": {"ours": round(peak / 1024)},
        "edit_to_reload": reload,
        "load_average": {"before": [round(x, 1) for x in load_before], "after": [round(x, 1) for x in os.getloadavg()]},
    }


def measure_size(pages: int, repeats: int, edits: Optional[tuple] = None) -> dict:
    """One corpus size's figures; `edits` (edit_to_reload_corpus's arguments after the corpus) adds edit-to-reload."""
    corpus = WORK / f"corpus-{pages}"
    config = make_corpus(corpus, pages)
    load_before = os.getloadavg()
    reload = edit_to_reload_corpus(corpus, *edits) if edits else None
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
        # CPU time per page drifts less than wall time per page when the machine is shared.
        "cpu_ms_per_page": round(1000 * statistics.median(cpu["ours"]) / html_pages, 2),
        "peak_memory_mib": {"ours": round(max(memory["ours"]) / 1024), "plain": round(max(memory["plain"]) / 1024)},
        "site_bytes": folder_size(site),
        "search_data_bytes_on_disk": search_data_size(site),
        # Where the difference between the two builds goes (benchmarks/layer_costs.py).
        "our_layer_ms": layer_costs(corpus),
        **({"edit_to_reload": reload} if reload else {}),
        # The machine is shared: its load average (1, 5, 15 minutes) before and after this size.
        "load_average": {"before": [round(x, 1) for x in load_before], "after": [round(x, 1) for x in os.getloadavg()]},
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


def edit_to_reload(repeats: int = 3, incremental: bool = True) -> dict:
    """Seconds from saving a standard's YAML to `mkdocs serve` serving the changed page, on the real site
    (`incremental=False`: with `incremental_preview: false`, every save re-rendering every page)."""
    copy = WORK / "serve-copy"
    shutil.rmtree(copy, ignore_errors=True)
    # The site's own files only: a copy of the package would be imported instead of the installed
    # one, and the ignore pattern "site" used to drop its templates/site/ (the build then failed).
    copy.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not incremental:
        config = config.replace("  - standards-site:\n", "  - standards-site:\n      incremental_preview: false\n", 1)
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    for part in ("docs", "standards", "overrides", "macros"):
        shutil.copytree(ROOT / part, copy / part)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--watch", "standards", "--watch", "macros"],
        cwd=copy, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/standards/2018/1.2/"
    try:
        _wait_for(url, lambda body: "Staff" in body, timeout=300)
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


#: The three saves an author makes most, on a corpus: (file, what to replace as a regex, the
#: replacement with the attempt's number, the page that shows it, the text to wait for).
CORPUS_EDITS = {
    "standard": ("standards/editions/2018/standards/1.2.yml", r"(?m)^title: .*$", "title: Standard edited {n}",
                 "standards/2018/1.2/", "Standard edited {n}"),
    "guide": ("standards/guides/guide-1.md", r"(?m)^---\n(?!slug)", "---\nGuide edited {n}. ",
              "guidance/guides/guide-1/", "Guide edited {n}."),
    # The definition gains a word and the expansion (shown wherever NPS occurs) changes.
    "glossary term": ("standards/glossary.yml",
                      r"expansion: (National Probation Service|a single national service)\n  definition: 'National Probation Service( edited \d+)?:",
                      "expansion: {expansion}\n  definition: 'National Probation Service edited {n}:",
                      "glossary/", "National Probation Service edited {n}"),
}


def edit_to_reload_corpus(corpus: Path, repeats: int, full_repeats: int, full_kinds: tuple = tuple(CORPUS_EDITS)) -> dict:
    """Seconds (and the server's CPU seconds) from a save to `mkdocs serve` serving the change, on a corpus.

    Two servers run side by side on copies of the corpus: `incremental` (the default) and
    `full` (`incremental_preview: false`: every save re-renders every page, as before issue 17).
    Saves alternate between them; before each, the previous rebuild's search index (run in the
    background after the reload) is left to finish, so that it does not share the CPU.
    Every save to `full` costs a whole build, whatever it changes, so at the largest size it gets
    fewer (`full_repeats`, `full_kinds`).
    """
    servers = {}
    variants = ("full", "incremental") if full_repeats and full_kinds else ("incremental",)
    try:
        for variant in variants:
            copy = corpus.parent / f"{corpus.name}-serve-{variant}"
            shutil.rmtree(copy, ignore_errors=True)
            copy.mkdir()
            for part in ("docs", "standards"):
                shutil.copytree(corpus / part, copy / part)
            config = (corpus / "mkdocs.yml").read_text(encoding="utf-8")
            if variant == "full":
                config = config.replace("  - standards-site:\n", "  - standards-site:\n      incremental_preview: false\n", 1)
            (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
            servers[variant] = _Preview(copy)
        for preview in servers.values():
            preview.wait_ready("standards/2018/1.2/", timeout=3600)
        figures = {variant: {kind: {"seconds": [], "cpu_seconds": []} for kind in CORPUS_EDITS} for variant in servers}
        for attempt in range(repeats):
            for kind in CORPUS_EDITS:
                for variant, preview in servers.items():
                    if variant == "full" and (attempt >= full_repeats or kind not in full_kinds):
                        continue
                    seconds, cpu_seconds = preview.edit(kind, attempt)
                    figures[variant][kind]["seconds"].append(round(seconds, 2))
                    figures[variant][kind]["cpu_seconds"].append(round(cpu_seconds, 2))
        result = {}
        for variant, kinds in figures.items():
            result[variant] = {kind: {"median_seconds": round(statistics.median(f["seconds"]), 2),
                                      "median_cpu_seconds": round(statistics.median(f["cpu_seconds"]), 2), **f}
                               for kind, f in kinds.items() if f["seconds"]}
            result[variant]["peak_memory_mib"] = servers[variant].peak_memory_mib()
            # The server's first build renders every page, as every save did before issue 17 (its
            # CPU time includes starting Python and importing, about a second; not Pagefind's).
            result[variant]["first_build"] = servers[variant].first_build
        return result
    finally:
        for preview in servers.values():
            preview.stop()


class _Preview:
    """One `mkdocs serve` of a corpus copy, on a free port."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.base = f"http://127.0.0.1:{_free_port()}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", self.base[7:-1]],
            cwd=folder, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.expansions = ["a single national service", "National Probation Service"]
        self.started = time.perf_counter()
        self.first_build: dict = {}

    def wait_ready(self, page: str, timeout: float) -> None:
        _wait_for(self.base + page, lambda body: "<article" in body, timeout=timeout)
        self.first_build = {"seconds": round(time.perf_counter() - self.started, 2),
                            "cpu_seconds": round(self._cpu_seconds(), 2)}
        self._wait_for_search_index()

    def edit(self, kind: str, attempt: int) -> tuple[float, float]:
        path, pattern, replacement, page, marker = CORPUS_EDITS[kind]
        file = self.folder / path
        text = file.read_text(encoding="utf-8")
        expansion = self.expansions[attempt % 2]
        new_text, count = re.subn(pattern, replacement.format(n=attempt, expansion=expansion), text, count=1)
        if count != 1:
            raise SystemExit(f"{file}: the benchmark's {kind} edit found nothing to replace")
        cpu_before = self._cpu_seconds()
        start = time.perf_counter()
        file.write_text(new_text, encoding="utf-8")
        _wait_for(self.base + page, lambda body: marker.format(n=attempt) in body, timeout=1800)
        seconds = time.perf_counter() - start
        cpu_seconds = self._cpu_seconds() - cpu_before
        self._wait_for_search_index()
        return seconds, cpu_seconds

    def _wait_for_search_index(self) -> None:
        """The index is rewritten in the background after each reload: wait for it, then a moment more."""
        _wait_for(self.base + "pagefind/pagefind.js", lambda body: True, timeout=1800)
        time.sleep(2)

    def _cpu_seconds(self) -> float:
        """The server's own CPU time (its rebuilds; not Pagefind's, a separate process)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_memory_mib(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return round(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


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
    parser.add_argument("--edit-sizes", default="240,1350",
                        help="sizes (standards) that also get edit-to-reload under `mkdocs serve`, "
                             "incremental against full rebuilds (issue 17)")
    parser.add_argument("--edit-repeats", type=int, default=3, help="saves of each kind per variant")
    parser.add_argument("--full-kinds-large", default="standard",
                        help="the saves the full-rebuild variant makes from 1,000 standards up (comma-separated; "
                             "empty: none, and no full-rebuild server: its first build stands for a save)")
    parser.add_argument("--full-edit-repeats-large", type=int, default=1,
                        help="saves of each kind for the full-rebuild variant from 1,000 standards up, "
                             "where each takes a whole build")
    parser.add_argument("--ours-only", action="store_true",
                        help="each size: one build of ours and edit-to-reload only (no plain variant, no "
                             "layer costs, no real site): a shorter look when the machine is busy")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
               "sizes": []}
    edit_sizes = {int(s) for s in args.edit_sizes.split(",") if s}
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"size {size} ...", flush=True)
        edits = None
        if size in edit_sizes:
            # From 1,000 standards a full rebuild takes minutes: the full variant saves only a standard.
            full_kinds = tuple(kind for kind in args.full_kinds_large.split(",") if kind)
            edits = ((args.edit_repeats, args.full_edit_repeats_large, full_kinds) if size >= 1000
                     else (args.edit_repeats, args.edit_repeats))
        if args.ours_only:
            results["sizes"].append(measure_ours_only(size, edits or (args.edit_repeats, args.edit_repeats)))
        else:
            results["sizes"].append(measure_size(size, args.repeats or (5 if size < 500 else 3), edits))
        print(json.dumps(results["sizes"][-1]), flush=True)
    # Scaling: per-page time of the largest corpus against the one nearest 500 pages.
    def nearest(pages: int) -> dict:
        return min(results["sizes"], key=lambda entry: abs(entry["html_pages"] - pages))
    small, large = nearest(500), max(results["sizes"], key=lambda entry: entry["html_pages"])
    if args.ours_only:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
        return
    if small is not large:
        results["scaling"] = {"small_pages": small["html_pages"], "large_pages": large["html_pages"],
                              "ms_per_page_ratio": round(large["ms_per_page"] / small["ms_per_page"], 3),
                              "cpu_ms_per_page_ratio": round(large["cpu_ms_per_page"] / small["cpu_ms_per_page"], 3),
                              # MkDocs + Material alone, for reference: what our layer cannot change.
                              "plain_ms_per_page_ratio": round(large["plain_ms_per_page"] / small["plain_ms_per_page"], 3)}

    real_site = WORK / "real-site"
    timed_build(ROOT / "mkdocs.yml", real_site)
    results["page_weight_standard_1_2"] = page_weight(real_site, "standards/2018/1.2/index.html")
    results["page_weight_home"] = page_weight(real_site, "index.html")
    results["edit_to_reload"] = edit_to_reload()
    results["edit_to_reload_full_rebuilds"] = edit_to_reload(incremental=False)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
