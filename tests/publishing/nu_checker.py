"""The W3C Nu Html Checker (vnu.jar, from the npm package vnu-jar) run with Java over a built site.

One JVM start checks every HTML file of the folder (`--skip-non-html`), and its JSON
report is read into `Message`s. Without Java or vnu.jar the caller fails, never skips:
`make browser-deps` installs both (Debian's default-jre-headless, and tests/node).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT

VNU_JAR = ROOT / "tests" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Message:
    """One message of the checker's report.

    `kind` is "error" (vnu's errors, fatal ones included, and any file it could not read),
    "warning" (vnu's `info` with `subType: warning`) or "info" (its other notes).
    `page` is the file's path under the site folder, `extract` the markup around it.
    """

    kind: str
    page: str
    line: int
    text: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.kind}: {self.text}\n    {' '.join(self.extract.split())}"


def _kind(raw: dict) -> str:
    if raw["type"] == "info":
        return "warning" if raw.get("subType") == "warning" else "info"
    return "error"   # "error", and "non-document-error" (a file that could not be read or parsed)


def _page(url: str, site: Path) -> str:
    path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)
    return path.relative_to(site).as_posix() if path.is_relative_to(site) else url


def check_site(site: Path) -> list[Message]:
    """Every message vnu gives about the HTML files under `site`."""
    java = shutil.which("java")
    missing = [name for name, found in (("java", java), (str(VNU_JAR), VNU_JAR.is_file())) if not found]
    if missing:
        pytest.fail(
            f"The Nu Html Checker cannot run: {' and '.join(missing)} not found. `make browser-deps` "
            "installs them (Debian's default-jre-headless, and the npm package vnu-jar in tests/node). "
            "This test is never skipped."
        )
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", "--exit-zero-always", str(site)],
        capture_output=True, text=True,
    )
    try:
        report = json.loads(result.stderr)   # vnu writes its report to stderr
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr}{result.stdout}")
    site = site.resolve()
    return [
        Message(_kind(raw), _page(raw.get("url", ""), site), raw.get("lastLine", 0), raw["message"],
                raw.get("extract", ""))
        for raw in report["messages"]
    ]


@dataclass(frozen=True)
class Allowed:
    """A message that is not ours, matched by its text and by the markup it points at.

    `source`: where the markup comes from, and why it is not ours; `harmless`: why readers
    lose nothing by it.
    """

    message: str     # a regular expression, searched in the message's text
    extract: str     # a regular expression, searched in the markup the message points at
    source: str
    harmless: str

    def matches(self, message: Message) -> bool:
        return bool(re.search(self.message, message.text) and re.search(self.extract, message.extract))
