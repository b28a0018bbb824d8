"""The building blocks of every content model: ids, text, dates, and strict models.

Shared by the framework, the library and inspections, and by the error messages
that explain a value that does not fit (`core/messages.py`).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from standards_site.core.errors import FieldProblem

#: An id that is safe in a URL path segment and stable for citation: lower-case
#: letters, digits, dots and hyphens, starting with a letter or digit.
URL_SAFE_ID = r"^[a-z0-9][a-z0-9.\-]*$"

Id = Annotated[str, StringConstraints(pattern=URL_SAFE_ID, max_length=40)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
#: A rating level's id: an anchor on the page and a CSS-safe name, so lower-case letters,
#: digits and single hyphens, starting with a letter (`requires-improvement`).
LEVEL_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
LevelId = Annotated[str, StringConstraints(pattern=LEVEL_ID, max_length=40)]
#: A tag on a guide or position statement: lower-case words joined by hyphens.
TAG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Tag = Annotated[str, StringConstraints(pattern=TAG_PATTERN, max_length=40)]
def _real_date(value: str) -> str:
    """A partial date's month and day must exist: not month 13, not 30 February."""
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        raise FieldProblem((), f"'{value}' is not a date in the calendar: check the month and day "
                               "(YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value


#: A publication date at the precision the source gives: `2018`, `2018-03` or `2018-03-14`.
PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"), AfterValidator(_real_date)]


class Strict(BaseModel):
    """Base for every content type: unknown fields are errors and values are immutable.

    pydantic's default (lax) mode never turns a YAML number into text, so `id: 1.2`
    is reported rather than silently becoming `"1.2"`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LabelledEnum(str, Enum):
    """An enum whose value is a stable, URL-safe key (`partly-agreed`) and whose
    label is how people write it (`Partly agreed`)."""

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()
