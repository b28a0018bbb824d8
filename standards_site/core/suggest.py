"""The one "did you mean" of every error message: the closest known name, or the list."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Optional


def unknown(message: str, wanted: str, known: Iterable[str], otherwise: Optional[str] = None) -> str:
    """`message` with the closest of `known` suggested, or (if none is close) `otherwise`.

    >>> unknown("there is no level 'god'", "god", ["outstanding", "good"])
    "there is no level 'god'; did you mean 'good'?"
    >>> unknown("there is no level 'x'", "x", ["outstanding", "good"])
    "there is no level 'x' (known: outstanding, good)"
    """
    known = [str(name) for name in known]
    guesses = difflib.get_close_matches(str(wanted), known, n=1)
    if guesses:
        return f"{message}; did you mean '{guesses[0]}'?"
    if otherwise is not None:
        return otherwise
    return f"{message} (known: {', '.join(known) or 'none'})"
