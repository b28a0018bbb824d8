"""What the generator adds to the theme: its templates, and its stylesheets and scripts.

- `theme/` holds Material overrides every site needs (accessibility fixes, the
  search box, sitemap dates). It is put just after the site's own `custom_dir`, so a
  site can still override any of them, and before Material.
- `standards_site/assets/` holds the generator's CSS and JavaScript, one file per
  feature. With the site's own local `extra_css` and `extra_javascript` after them,
  they are served as one stylesheet (assets/stylesheets/site.css) and one script
  (assets/javascripts/site.js): a browser makes one request per file, and on a phone
  on a slow network each holds up the first paint. Each part follows a comment naming
  it; scripts are joined with a `;` line so one part cannot run into the next (each
  keeps to its own scope, an IIFE). theme/main.html defers every script.

Remote URLs, and scripts with a `type`, `async` or `defer` of their own, are left as
they are. Why our own few lines rather than a library: mkdocs-minify-plugin, the
maintained plugin for these files, minifies them but keeps one request per file, and
we found no maintained plugin that concatenates `extra_css`/`extra_javascript`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from standards_site.core.urls import TRACKER_FILTERS_CSS
from standards_site.library.urls import FEED, FEED_TITLE

THEME_DIR = Path(__file__).parent / "theme"
ASSETS_DIR = Path(__file__).parent.parent / "assets"
CSS_BUNDLE = "assets/stylesheets/site.css"
JS_BUNDLE = "assets/javascripts/site.js"

#: The generator's own parts, in the order they are joined (site paths under assets/).
STYLESHEETS = tuple(f"assets/stylesheets/{name}.css"
                    for name in ("pages", "standards", "library", "editions", "inspections", "tracker-filters",
                                 "self-assessment", "search"))
#: Parts generated from the content (site/generated.py), not read from assets/: a build
#: without the content (benchmarks/plain_hooks.py) leaves them out.
GENERATED_PARTS = (TRACKER_FILTERS_CSS,)
SCRIPTS = tuple(f"assets/javascripts/{name}.js" for name in ("levels", "library-filters", "citation", "tracker",
                                                                    "self-assessment", "search"))
SEARCH_PARTS = ("/search.css", "/search.js")


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


def bundle(texts: dict[str, str], javascript: bool) -> str:
    """The parts, in order, each after a comment naming where it comes from."""
    separator = "\n;\n" if javascript else "\n"
    return separator.join(f"/* ---- {path} ---- */\n{text.rstrip()}" for path, text in texts.items()) + "\n"


class ThemeParts:
    """The generator's theme folder and asset bundles, for one build."""

    def __init__(self) -> None:
        self.parts: dict[str, list[str]] = {CSS_BUNDLE: [], JS_BUNDLE: []}

    def configure(self, config: MkDocsConfig, search: bool = True) -> None:
        """Add the theme folder, and make the page link the two bundles.

        Without the generator's `search`, its search box's stylesheet and script are left out.
        """
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        wanted = (lambda path: search or not path.endswith(SEARCH_PARTS))
        css, css_parts = _gather([*filter(wanted, STYLESHEETS), *config.extra_css], _local)
        scripts, script_parts = _gather([*filter(wanted, SCRIPTS), *config.extra_javascript], _plain_script)
        self.parts = {CSS_BUNDLE: list(css_parts), JS_BUNDLE: [str(script) for script in script_parts]}
        config.extra["feed"] = {"url": FEED, "title": FEED_TITLE}   # every site has one: theme/main.html links it
        config.extra_css = [CSS_BUNDLE if entry is None else entry for entry in css]
        config.extra_javascript = [JS_BUNDLE if entry is None else entry for entry in scripts]

    def add_bundles(self, files: Files, config: MkDocsConfig) -> None:
        """Replace the parts (the generator's and the site's) with the two bundles."""
        generator_parts = {*STYLESHEETS, *SCRIPTS}
        for target, parts in self.parts.items():
            if files.get_file_from_path(target) is not None:
                raise PluginError(f"docs/{target} is written by the standards-site plugin: rename the file in docs/")
            texts = {}
            for path in parts:
                file = files.get_file_from_path(path)
                if path in generator_parts and file is None:
                    if path not in GENERATED_PARTS:
                        texts[path] = (ASSETS_DIR / path.removeprefix("assets/")).read_text(encoding="utf-8")
                    continue
                if file is None:
                    raise PluginError(f"{path}, listed in mkdocs.yml (extra_css or extra_javascript), does not exist")
                texts[path] = file.content_string
                files.remove(file)
            files.append(File.generated(config, target, content=bundle(texts, javascript=target == JS_BUNDLE)))
