"""The preview flag: `STANDARDS_PREVIEW=1` shows drafts (editions, guides, statements).

Meant for `STANDARDS_PREVIEW=1 mkdocs serve` on an author's machine; CI never
sets it, so a published build never contains a draft.
"""

from __future__ import annotations

import os
from typing import Mapping

PREVIEW_VARIABLE = "STANDARDS_PREVIEW"


def preview_requested(environ: Mapping[str, str] = os.environ) -> bool:
    """True when `STANDARDS_PREVIEW` is set to 1, true or yes (any case)."""
    return environ.get(PREVIEW_VARIABLE, "").strip().lower() in ("1", "true", "yes")
