"""Read a due date and a status from an action plan's free-text target date.

Action plans write target dates as people do: "March 2020", "Completed",
"Completed and ongoing", "Ongoing – and to be completed by December 2021",
"2020 – 2021 is the first year of delivery of what is a five year programme".
The site keeps that text and adds what can be read from it. Each form the
sources use is one pattern below, tried in order, with a test of its own
(tests/unit/test_target_dates.py). Text that no pattern reads is an error for
the author to resolve, never a silent guess.

    >>> read_target("March 2020 June 2020")
    TargetReading(status=<TargetStatus.DUE: 'due'>, due=datetime.date(2020, 6, 30), pattern='dates')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Callable, Optional

MONTHS = list(calendar.month_name)[1:]
_MONTH = rf"(?:{'|'.join(MONTHS)}) \d{{4}}"
_DASH = r"\s*[–-]\s*"


class TargetStatus(str, Enum):
    """What a target says about an action, as the plan states it on the day it was submitted.

    The value is used in URLs (`?status=due`).
    """

    COMPLETED = "completed"      #: done, nothing left to do by a date
    DUE = "due"                  #: something is to be done by a date
    ONGOING = "ongoing"          #: continuing work with no end date
    NOT_STATED = "not-stated"    #: the plan gives no target

    @property
    def label(self) -> str:
        return {
            "completed": "Completed",
            "due": "Due by a date",
            "ongoing": "Ongoing, no end date",
            "not-stated": "No target given",
        }[self.value]


@dataclass(frozen=True)
class TargetReading:
    """What was read from a target's text.

    Attributes:
        status: See `TargetStatus`.
        due: The last day of the latest month the text gives, when something is due.
        pattern: The name of the pattern that read it (for tests and debugging).
    """

    status: TargetStatus
    due: Optional[date] = None
    pattern: str = ""

    def overdue(self, as_of: date) -> bool:
        """Due, and the due date has passed by `as_of` (the plan did not record it done)."""
        return self.status is TargetStatus.DUE and self.due is not None and self.due < as_of


class UnreadableTarget(ValueError):
    """No pattern reads the text. The message lists the forms that are understood."""


def _latest_month(text: str) -> date:
    months = [_end_of_month(match) for match in re.findall(_MONTH, text)]
    return max(months)


def _end_of_month(month_year: str) -> date:
    name, year = month_year.split()
    month = MONTHS.index(name) + 1
    return date(int(year), month, calendar.monthrange(int(year), month)[1])


@dataclass(frozen=True)
class _Pattern:
    name: str
    example: str
    regex: re.Pattern
    read: Callable[[str], TargetReading]


def _fixed(status: TargetStatus, name: str) -> Callable[[str], TargetReading]:
    return lambda text: TargetReading(status, None, name)


def _due(name: str) -> Callable[[str], TargetReading]:
    return lambda text: TargetReading(TargetStatus.DUE, _latest_month(text), name)


#: The forms found in the sources, tried in order; the first that matches the whole text wins.
PATTERNS: list[_Pattern] = [
    _Pattern("completed", "Completed",
             re.compile(r"Completed"), _fixed(TargetStatus.COMPLETED, "completed")),
    _Pattern("ongoing", "Ongoing",
             re.compile(r"Ongoing"), _fixed(TargetStatus.ONGOING, "ongoing")),
    _Pattern("completed-and-ongoing", "Completed and ongoing",
             re.compile(r"Completed and ongoing"), _fixed(TargetStatus.ONGOING, "completed-and-ongoing")),
    # Months, and then the word that says the action was done: the cell ends completed,
    # so the action is never overdue (a reader would see "Completed" flagged "Overdue").
    _Pattern("dates-then-completed", "March 2020 June 2020 Completed",
             re.compile(rf"{_MONTH}(?:\s+{_MONTH})*\s+Completed"), _fixed(TargetStatus.COMPLETED, "dates-then-completed")),
    # One or more months in one cell, perhaps after parts already completed and with a
    # financial year cut short ("April 2020/202"): the latest month is when all is due.
    _Pattern("dates", "March 2020 June 2020",
             re.compile(rf"(?:Completed\s+)?{_MONTH}(?:/\d{{1,4}})?(?:\s+(?:{_MONTH}(?:/\d{{1,4}})?|Completed))*"),
             _due("dates")),
    _Pattern("to-be-completed-by", "Completed Ongoing – and to be completed by December 2021",
             re.compile(rf"(?:Completed\s+)?Ongoing{_DASH}and to be completed by {_MONTH}"),
             _due("to-be-completed-by")),
    # A multi-year programme: the plan gives its first year, not an end date.
    _Pattern("programme-years", "2020 – 2021 is the first year of delivery of what is a five year programme",
             re.compile(rf"\d{{4}}{_DASH}\d{{4}} is the first year of delivery of what is a \w+ year programme(?: \(.*\))?"),
             _fixed(TargetStatus.ONGOING, "programme-years")),
]


def read_target(text: Optional[str]) -> TargetReading:
    """Read a target's text. Empty text means the plan gave no target.

    Raises:
        UnreadableTarget: when no pattern reads the whole text.
    """
    if text is None or not text.strip():
        return TargetReading(TargetStatus.NOT_STATED, None, "empty")
    cleaned = " ".join(text.split())
    for pattern in PATTERNS:
        if pattern.regex.fullmatch(cleaned):
            return pattern.read(cleaned)
    examples = "; ".join(f"'{p.example}'" for p in PATTERNS)
    raise UnreadableTarget(
        f"cannot read a date or status from target '{cleaned}': write it in one of the forms "
        f"the site understands ({examples}), or add a pattern to standards_site/inspections/target_dates.py"
    )
