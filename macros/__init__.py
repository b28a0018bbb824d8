"""Standards and effective practice, as data rendered into a site.

The package is the mkdocs-macros module (`define_env`), but most of it knows
nothing of MkDocs:

- `model`: the typed content model; `loader`: reading and validating `standards/`;
- `framework`: look-ups across editions; `pages` + `templates/`: generated pages;
- `author_macros`: macros for hand-written pages; `mkdocs_hooks`: the MkDocs glue.
"""

from .author_macros import define_env

__all__ = ["define_env"]
