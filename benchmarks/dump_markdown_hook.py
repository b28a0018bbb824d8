"""Benchmark-only MkDocs hook: write each page's final Markdown (after generation
and macros) to $BENCHMARK_DUMP_DIR, with its front matter, so that plain MkDocs
can build the same pages with our layer switched off."""

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-1000)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files):
    target = Path(os.environ["BENCHMARK_DUMP_DIR"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(dict(page.meta), sort_keys=False, allow_unicode=True) if page.meta else ""
    target.write_text((f"---\n{front}---\n" if front else "") + markdown, encoding="utf-8")
    return markdown
