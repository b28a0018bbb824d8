"""Our CSS and JavaScript reach the browser as one stylesheet and one deferred script.

The generator keeps them one file per feature (standards_site/assets/); the plugin
joins them, with the site's own extra_css and extra_javascript after them, at build
time (assets/stylesheets/site.css, assets/javascripts/site.js; standards_site/mkdocs/theme.py)
and the theme's main.html defers every script, so that none holds up the first paint on a phone (issue 7).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config

from standards_site.inspections.pages import tracker_filters_css
from standards_site.mkdocs import theme
from standards_site.site.content import load_content

ROOT = Path(__file__).resolve().parents[2]
STANDARD = "standards/2018/1.2/index.html"


def _pages(site: Path) -> list[Path]:
    return [page for page in sorted(site.rglob("*.html")) if 'http-equiv="refresh"' not in page.read_text()]


def _stylesheets(html: str) -> list[str]:
    return [href.rsplit("assets/", 1)[-1] for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]


def _scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)


def test_a_page_loads_one_stylesheet_and_one_script_of_ours(built_site):
    html = (built_site / STANDARD).read_text(encoding="utf-8")
    ours = [name for name in _stylesheets(html) if not re.match(r"stylesheets/(main|palette)\.\w+\.min\.css$", name)]
    assert ours == ["stylesheets/accessibility.css", "stylesheets/site.css"]
    sources = [re.search(r'src="[^"]*assets/([^"]+)"', tag).group(1) for tag in _scripts(html)]
    assert [name for name in sources if not re.match(r"javascripts/bundle\.\w+\.min\.js$", name)] == [
        "javascripts/site.js", "javascripts/accessibility.js"]


def test_every_script_is_deferred(built_site):
    undeferred = {
        str(page.relative_to(built_site)): tag
        for page in _pages(built_site) for tag in _scripts(page.read_text(encoding="utf-8"))
        if not re.search(r"\s(defer|async)\b|type=\"module\"", tag)
    }
    assert not undeferred, f"scripts that hold up the first paint: {undeferred}"


def test_the_bundles_are_the_generators_files_in_order(built_site):
    generated = {theme.GENERATED_PARTS[0]: tracker_filters_css(load_content(ROOT / "standards"))}
    assert list(generated) == list(theme.GENERATED_PARTS)
    for listed, bundle in ((theme.STYLESHEETS, theme.CSS_BUNDLE), (theme.SCRIPTS, theme.JS_BUNDLE)):
        assert len(listed) > 1
        texts = {path: generated[path] if path in generated
                 else (theme.ASSETS_DIR / path.removeprefix("assets/")).read_text(encoding="utf-8") for path in listed}
        expected = theme.bundle(texts, javascript=bundle.endswith(".js"))
        assert (built_site / bundle).read_text(encoding="utf-8") == expected
        positions = [expected.index(f"/* ---- {path} ---- */") for path in listed]
        assert positions == sorted(positions)
        # The parts are sources: the site does not publish them a second time.
        assert not [path for path in listed if (built_site / path).exists()]


def test_remote_and_special_scripts_are_left_alone(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\n"
        "extra_css: [https://cdn.example.org/x.css, a.css, b.css]\n"
        "extra_javascript:\n"
        "  - a.js\n"
        "  - m.mjs\n"
        "  - {path: c.js, async: true}\n"
        "  - https://cdn.example.org/x.js\n"
        "  - b.js\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    parts = theme.ThemeParts()
    parts.configure(config)
    # The generator's parts come first, so the bundle takes the first place.
    assert config.extra_css == [theme.CSS_BUNDLE, "https://cdn.example.org/x.css"]
    assert [str(script) for script in config.extra_javascript] == [
        theme.JS_BUNDLE, "m.mjs", "c.js", "https://cdn.example.org/x.js"]
    assert parts.parts == {theme.CSS_BUNDLE: [*theme.STYLESHEETS, "a.css", "b.css"],
                           theme.JS_BUNDLE: [*theme.SCRIPTS, "a.js", "b.js"]}
    assert config.theme.dirs[0] == str(theme.THEME_DIR)   # no custom_dir: the generator's theme first


def test_parts_cannot_run_into_each_other():
    joined = theme.bundle({"a.js": "f()", "b.js": "(function () {})()"}, javascript=True)
    assert "f()\n;\n/* ---- b.js ---- */\n(function" in joined
