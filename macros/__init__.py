"""Standards and effective practice, as data rendered into a site.

The package is the mkdocs-macros module (`define_env`), but most of it knows
nothing of MkDocs:

- `model`: the typed content model; `loader`: reading and validating `standards/`;
- `framework`: look-ups across editions; `pages` + `templates/`: generated pages;
- `author_macros`: macros for hand-written pages; `mkdocs_hooks`: the MkDocs glue.
"""

__all__ = ["define_env"]


def __getattr__(name: str):
    # Imported on first use, not with the package: the search and asset hooks import
    # small modules of it, and should not pay for the content model (pydantic) and
    # the templates when a site is built without our content hook.
    if name == "define_env":
        from .author_macros import define_env

        return define_env
    raise AttributeError(f"module 'macros' has no attribute {name!r}")
