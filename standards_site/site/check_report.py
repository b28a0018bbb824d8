"""Content errors as GitHub shows them to an author: annotations and a job summary.

`standards-site validate --format github` (the publishing workflow's "Validate the content"
step) prints each error as a workflow command, so GitHub marks the line in the pull
request's "Files changed" view, and appends the same `file:line: field: message` lines to
the job summary (the file named by `$GITHUB_STEP_SUMMARY`), the first thing an author sees
on opening the failed check. Plain text: no GitHub library, the format is two documented
line syntaxes.
"""

from __future__ import annotations

import re
from typing import Iterable

from standards_site.core.errors import ContentError

SUMMARY_HELP = (
    "Each line names the file, the line in it (counted from the top), the field and what is wrong. "
    "Open the file in the editor (or on GitHub), fix it, and save: the checks run again by themselves. "
    "The most common errors and their fixes are listed on the site's How to publish page."
)


def annotations(errors: Iterable[ContentError]) -> str:
    """One `::error file=…,line=…,title=…::message` line per error."""
    lines = []
    for error in errors:
        properties = [f"file={_property(error.file)}"]
        if error.line:
            properties.append(f"line={error.line}")
        properties.append(f"title={_property(error.field or 'content')}")
        lines.append(f"::error {','.join(properties)}::{_data(error.message)}")
    return "\n".join(lines)


def summary(errors: list[ContentError]) -> str:
    """The job summary: a heading, what to do, and every error as `file:line: field: message`."""
    count = len(errors)
    noun = "error" if count == 1 else "errors"
    body = "\n".join(str(error) for error in errors)
    # A fence longer than any run of backticks in the text: the content stays text.
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", body)), default=0))
    return (f"## The content has {count} {noun}\n\n{SUMMARY_HELP}\n\n"
            f"{fence}text\n{body}\n{fence}\n")


def success_summary(counts: str) -> str:
    return f"## The content is valid\n\n{counts}\n"


def _data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped as GitHub asks."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value: also `:` and `,` escaped."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
