"""Everything under `standards/`, loaded and validated together.

Each content type has its own loader; this module runs them all, gathers every
error from every loader, and raises once, so an author fixes all problems in
one pass. Add a new content type here (and a field on `SiteContent`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from standards_site.core.errors import ContentErrors
from standards_site.site.accessibility import AccessibilityIssues, load_accessibility
from standards_site.framework.editions import Framework
from standards_site.library.loading import Library, load_library
from standards_site.inspections.loading import Inspections, load_inspections
from standards_site.site.settings import SiteSettings
from standards_site.framework.loading import load_framework


@dataclass(frozen=True)
class SiteContent:
    """The whole content of the site.

    Attributes:
        root: The `standards/` folder it was read from.
        framework: Every edition of the standards framework.
        library: Guides, position statements, glossary and principles.
        inspections: Inspection reports, their recommendations and action plans.
        settings: How this build publishes it (address, drafts, dates, identity).
        accessibility: The accessibility statement's known problems (None: the file is missing).
    """

    root: Path
    framework: Framework
    library: Library = field(default_factory=Library)
    inspections: Inspections = field(default_factory=Inspections)
    settings: SiteSettings = field(default_factory=SiteSettings)
    accessibility: Optional[AccessibilityIssues] = None


def load_content(root: Path) -> SiteContent:
    """Load and validate everything under `root`.

    Raises:
        ContentErrors: every problem found, across all content types.
    """
    errors = []
    framework = None
    try:
        framework = load_framework(root)
    except ContentErrors as problem:
        errors += problem.errors
    try:
        library = load_library(root, framework)
    except ContentErrors as problem:
        errors += problem.errors
    try:
        inspections = load_inspections(root, framework)
    except ContentErrors as problem:
        errors += problem.errors
    try:
        accessibility = load_accessibility(root)
    except ContentErrors as problem:
        errors += problem.errors
    if errors:
        raise ContentErrors(errors)
    return SiteContent(root=root, framework=framework, library=library, inspections=inspections,
                       accessibility=accessibility)
