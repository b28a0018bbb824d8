"""`standards-site new site DIR`: a site that builds with `mkdocs build --strict` as it is.

The files are copied from `standards_site/scaffold/site/`, with the organisation's
names written in. Their text is placeholder text and says so: the new site's
authors replace it with their own published standards.
"""

from __future__ import annotations

import json
from pathlib import Path

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold" / "site"


class NewSiteError(Exception):
    """The site cannot be written where asked (the message says why)."""


def new_site(target: Path, name: str, short_name: str = "") -> list[Path]:
    """Write the scaffold into `target` (a new or empty folder); return the files written."""
    if not name.strip():
        raise NewSiteError("the organisation's name must not be empty (--organisation)")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewSiteError(f"{target} already exists and is not an empty folder: choose a new one")
    names = {"__NAME__": name.strip(), "__SHORT_NAME__": (short_name or name).strip()}
    written = []
    for source in sorted(path for path in SCAFFOLD.rglob("*") if path.is_file()):
        text = source.read_text(encoding="utf-8")
        for placeholder, value in names.items():
            # YAML files get a quoted string (a name may hold ':' or '#'); Markdown the plain text.
            text = text.replace(placeholder, json.dumps(value, ensure_ascii=False) if source.suffix == ".yml" else value)
        destination = target / source.relative_to(SCAFFOLD)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
        written.append(destination)
    return written
