"""`standards-site new guide <slug>`: start a guide or position statement with valid front matter.

The new file is a draft dated today, so it is validated by every build but not
published until its author sets `status` (and the date of publication).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Optional

from standards_site.library.loading import GUIDES_DIR, POSITIONS_DIR, RESERVED_SLUGS
from standards_site.core.types import TAG_PATTERN

KINDS = {"guide": GUIDES_DIR, "position": POSITIONS_DIR}

_GUIDE = """\
---
slug: {slug}
title: {title}
summary: One or two sentences for index pages and the feed. Quote the source where you can.
audience: [practitioners]          # any of: practitioners, managers, leaders
kind: effective-practice           # or: innovative-practice
related_standards: []              # standard ids in the current edition, quoted: ["1.4"]
tags: []                           # lower-case words joined by hyphens: [wales, victims]
# source:                          # the document quoted, if any
#   title: An example inspection report
#   publisher: Example Inspectorate
#   date: 2020-01
#   section: 9. Organisational delivery standard – information and facilities findings
published: {today}
status: draft                      # draft (never published), published or withdrawn
---
> Quote the source word for word here, one passage per quotation block.
"""

_POSITION = """\
---
slug: {slug}
title: {title}
summary: One or two sentences for index pages and the feed.
related_standards: []              # standard ids in the current edition, quoted: ["1.2"]
tags: []                           # lower-case words joined by hyphens
published: {today}
status: draft                      # draft (never published), current or withdrawn
---
The text of the position statement, in Markdown.
"""


class ScaffoldError(ValueError):
    """The slug is not usable or the file already exists; the message says which."""


def scaffold(kind: str, slug: str, root: Path, today: Optional[date] = None) -> Path:
    """Write `root/<guides|positions>/<slug>.md` and return its path.

    Raises:
        ScaffoldError: unknown kind, a slug that is not URL-safe or is reserved, or an existing file.
    """
    if kind not in KINDS:
        raise ScaffoldError(f"unknown kind '{kind}': expected one of {', '.join(KINDS)}")
    if not re.match(TAG_PATTERN, slug) or len(slug) > 40:
        raise ScaffoldError(
            f"'{slug}' is not a usable slug: use up to 40 lower-case letters, digits and single hyphens, "
            "e.g. learning-from-complaints"
        )
    if slug in RESERVED_SLUGS:
        raise ScaffoldError(f"'{slug}' is reserved for the filter pages: choose another slug")
    path = root / KINDS[kind] / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists: choose another slug or edit that file")
    template = _GUIDE if kind == "guide" else _POSITION
    title = slug.replace("-", " ").capitalize()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template.format(slug=slug, title=title, today=(today or date.today()).isoformat()),
                    encoding="utf-8")
    return path
