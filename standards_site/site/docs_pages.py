"""The hand-written files under docs/, read with the same protections as the content.

MkDocs reads them itself, and a page that is not UTF-8 ends its build in a
traceback, while a link to a file outside docs/ is published with that file's text.
So the plugin reads every hand-written file here first (MkDocs is then handed the
text), and each problem is named with the file, as a content file's would be.
"""

from __future__ import annotations

from pathlib import Path

from standards_site.core.content_loader import ContentLoader
from standards_site.core.errors import ContentError
from standards_site.core.front_matter import FrontMatterError, split_front_matter
from standards_site.core.yaml_source import YamlSyntaxError, parse_yaml


def read_docs(docs_dir: Path, src_uris: list[str]) -> tuple[dict[str, str], list[ContentError]]:
    """The text of each hand-written Markdown page, and every problem found in any file."""
    loader = ContentLoader(docs_dir)
    texts = {}
    for src_uri in src_uris:
        path = docs_dir / src_uri
        if not src_uri.endswith(".md"):   # images, stylesheets: only where they lead
            if problem := loader.unreadable(path):
                loader.error(path, None, "", problem)
            continue
        text = loader.read_text(path)
        if text is not None and _front_matter_is_readable(loader, path, text):
            texts[src_uri] = text
    return texts, loader.errors


def _front_matter_is_readable(loader: ContentLoader, path: Path, text: str) -> bool:
    """MkDocs reads front matter with PyYAML's Python parser: too deep, it recurses until it fails."""
    if not text.startswith("---"):
        return True
    try:
        front_matter, _ = split_front_matter(text)
        parse_yaml(front_matter)
    except FrontMatterError:
        return True                     # not front matter to MkDocs either: the page's own text
    except YamlSyntaxError as problem:
        loader.error(path, problem.line + 1 if problem.line else None, "", problem.message)
        return False
    return True
