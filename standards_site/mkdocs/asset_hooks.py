"""MkDocs glue: the site's own stylesheets and scripts, served as one file each.

mkdocs.yml lists our CSS and JavaScript one file per feature (standards, library,
tracker, search...), which keeps them easy to maintain. But a browser makes one
request per file, and on a phone on a slow network each stylesheet and script holds
up the first paint (Lighthouse mobile performance, issue 7). So, at build time, this
hook (registered in mkdocs.yml under `hooks:`):

- concatenates the local files listed in `extra_css`, in their order, into
  assets/stylesheets/site.css, and the local scripts of `extra_javascript` into
  assets/javascripts/site.js, each part after a comment naming its source file;
- makes `extra_css` and `extra_javascript` name those two files, so every page links
  one stylesheet and one script (overrides/main.html defers every script);
- leaves the parts out of the built site: they are sources, like the Markdown.

Remote URLs, and scripts with a `type`, `async` or `defer` of their own, are left as
they are. Our scripts each keep to their own scope (an IIFE), and parts are joined
with a `;` line, so one part cannot run into the next.

Why our own few lines rather than a library: mkdocs-minify-plugin, the maintained
plugin for these files, minifies them but keeps one request per file, and we found
no maintained plugin that concatenates `extra_css`/`extra_javascript`.
"""

from __future__ import annotations

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

CSS_BUNDLE = "assets/stylesheets/site.css"
JS_BUNDLE = "assets/javascripts/site.js"

# The parts of each bundle, set by on_config for on_files (one build at a time).
_parts: dict[str, list[str]] = {CSS_BUNDLE: [], JS_BUNDLE: []}


def _local(path: str) -> bool:
    return "://" not in path and not path.startswith("//")


def _plain_script(script: str | ExtraScriptValue) -> bool:
    """A classic script with no attribute of its own: safe to run as part of the bundle."""
    if isinstance(script, ExtraScriptValue) and (script.type or script.defer or script.async_):
        return False
    return _local(str(script))


def _gather(entries: list, is_part) -> tuple[list, list]:
    """(`entries` with the bundle where the first part was and no other part, the parts)."""
    kept, parts = [], []
    for entry in entries:
        if is_part(entry):
            if not parts:
                kept.append(None)   # the bundle's place
            parts.append(entry)
        else:
            kept.append(entry)
    return kept, parts


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    css, css_parts = _gather(config.extra_css, _local)
    scripts, script_parts = _gather(config.extra_javascript, _plain_script)
    _parts[CSS_BUNDLE] = list(css_parts)
    _parts[JS_BUNDLE] = [str(script) for script in script_parts]
    config.extra_css = [CSS_BUNDLE if entry is None else entry for entry in css]
    config.extra_javascript = [JS_BUNDLE if entry is None else entry for entry in scripts]
    return config


def bundle(texts: dict[str, str], javascript: bool) -> str:
    """The parts, in order, each after a comment naming where it comes from."""
    separator = "\n;\n" if javascript else "\n"
    return separator.join(f"/* ---- {path} ---- */\n{text.rstrip()}" for path, text in texts.items()) + "\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for target, parts in _parts.items():
        if not parts:
            continue
        if files.get_file_from_path(target) is not None:
            raise PluginError(f"{target} is written by standards_site/mkdocs/asset_hooks.py: rename the file in docs/")
        texts = {}
        for path in parts:
            file = files.get_file_from_path(path)
            if file is None:
                raise PluginError(f"{path}, listed in mkdocs.yml (extra_css or extra_javascript), does not exist")
            texts[path] = file.content_string
            files.remove(file)
        files.append(File.generated(config, target, content=bundle(texts, javascript=target == JS_BUNDLE)))
    return files
