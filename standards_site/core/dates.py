"""The one way dates are written on the site: `4 March 2020`, `March 2020`, `2020`."""

from __future__ import annotations

import calendar
from datetime import date


def partial_date(partial: str) -> str:
    """A date at the precision the source gives, in words.

    >>> [partial_date(text) for text in ("2018", "2018-03", "2020-03-04")]
    ['2018', 'March 2018', '4 March 2020']
    """
    parts = [int(part) for part in str(partial).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return long_date(date(*parts))


def long_date(day: date) -> str:
    """`date(2026, 11, 3)` -> `3 November 2026`."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def month_year(day: date) -> str:
    """`date(2026, 11, 3)` -> `November 2026`."""
    return f"{calendar.month_name[day.month]} {day.year}"
