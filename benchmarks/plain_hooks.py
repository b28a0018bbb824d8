"""Benchmark-only MkDocs hooks: the generator's theme parts and search, none of its content layer.

benchmarks/run.py builds our rendered Markdown with plain MkDocs + Material and these
hooks, so that both variants pay for the same theme, bundles and Pagefind index, and
the difference between them is what the content layer (loading, generating, macros)
costs. tests/unit/test_light_imports.py checks that these imports stay light.
"""

from pathlib import Path

from standards_site.mkdocs.search import SiteSearch
from standards_site.mkdocs.theme import ThemeParts

_theme = ThemeParts()
_search = SiteSearch(serving=False)


def on_config(config):
    _theme.configure(config)
    return config


def on_pre_build(config):
    config.extra["search_archive"] = _search.start_build(None)


def on_files(files, config):
    _theme.add_bundles(files, config)
    _search.drop_material_search(files)
    return files


def on_post_page(output, page, config):
    return _search.mark(output, page)


def on_post_build(config):
    _search.index(Path(config.site_dir))
