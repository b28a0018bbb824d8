"""A Content-Security-Policy for every page: no inline script runs but the theme's own.

Material writes three small scripts into each page (`partials/javascripts/base.html`
and `content.html`: local storage helpers and the tab that a link opens), and a fourth
(`palette.html`: the colour scheme a reader chose) when `theme.palette` is a list of
schemes or is not set. Their text is
rendered here from the theme's own templates, for the page's depth, and each is allowed
by its SHA-256 hash; nothing else inline can run, so a string that slipped past the
escaping into a `<script>` or an `onclick` would still do nothing. The policy is a
`<meta http-equiv>` (GitHub Pages sets no headers); `docs/maintainers/security.md` gives
the same policy as a header for hosts that can send one. The plugin leaves it out under
`mkdocs serve`, whose reload script is inline.
"""

from __future__ import annotations

import base64
import hashlib
import re

from jinja2 import Environment

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
THEME_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/content.html",
                 "partials/javascripts/palette.html")   # allowed on every site: a hash that matches nothing is harmless
# 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly (it allows no JavaScript eval).
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'")


class ContentSecurityPolicy:
    """The policy of a build, for pages at each depth (`base_url`: "..", "../..")."""

    def __init__(self, env: Environment, features: list[str], extra: dict):
        self._env = env
        self._context = {"features": features, "config": {"extra": extra}}
        self._metas: dict[str, str] = {}   # one per folder depth

    def meta(self, base_url: str) -> str:
        if base_url not in self._metas:
            self._metas[base_url] = _meta(self._theme_scripts(base_url))
        return self._metas[base_url]

    def _theme_scripts(self, base_url: str) -> tuple[str, ...]:
        scripts = []
        for name in THEME_SCRIPTS:
            rendered = self._env.get_template(name).render(base_url=base_url, **self._context)
            scripts += _INLINE_SCRIPT.findall(rendered)
        return tuple(scripts)


def _meta(scripts: tuple[str, ...]) -> str:
    hashes = " ".join(f"'sha256-{_digest(script)}'" for script in scripts)
    return f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=hashes)}">'


def _digest(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def add_policy(html: str, meta: str) -> str:
    """`html` with the policy first in <head>, before any script it governs."""
    return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    ' + meta, 1)
