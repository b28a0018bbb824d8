"""The accessibility statement's list of known problems: `standards/accessibility.yml`.

The statement itself is `docs/accessibility.md`; what only the inspectorate can say
(compliance, dates) is in mkdocs.yml (`accessibility:`), and the problems it knows of
are kept here, as data, so that each has the same parts and none is forgotten:

    known_issues:
      - problem: On small screens, the menu button cannot be used with a keyboard.
        criteria: ["2.1.1 Keyboard"]
        workaround: Pressing Tab moves into the menu, which opens while it has focus.

`known_issues: []` says there are none; a missing file is a gap the statement shows
as a placeholder (and a publishing build refuses).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

from pydantic import Field, StringConstraints

from standards_site.core.content_loader import ContentLoader
from standards_site.core.errors import ContentErrors
from standards_site.core.types import Strict, Text

ACCESSIBILITY_FILE = "accessibility.yml"

#: A WCAG success criterion as the guidelines number and name it: `1.4.10 Reflow`.
Criterion = Annotated[str, StringConstraints(pattern=r"^[1-4]\.\d{1,2}\.\d{1,2} \S.*$", max_length=80)]


class KnownIssue(Strict):
    """One problem the inspectorate knows of.

    Attributes:
        problem: What does not work, and for whom.
        criteria: The WCAG success criteria it fails, e.g. `2.1.1 Keyboard` (none: best practice).
        workaround: How to get the same thing done meanwhile, if there is a way.
        plan: What will be done about it, and when, if that is decided.
    """

    problem: Text
    criteria: list[Criterion] = Field(default_factory=list)
    workaround: Optional[Text] = None
    plan: Optional[Text] = None


class AccessibilityIssues(Strict):
    """`standards/accessibility.yml`."""

    known_issues: list[KnownIssue]


def load_accessibility(root: Path) -> Optional[AccessibilityIssues]:
    """The known problems under `root`, or None when the file is missing.

    Raises:
        ContentErrors: the file is there but does not fit the model.
    """
    loader = ContentLoader(root)
    path = root / ACCESSIBILITY_FILE
    if not loader.present(path):
        return None
    issues = loader.load_model(path, AccessibilityIssues)
    if loader.errors:
        raise ContentErrors(loader.errors)
    return issues
