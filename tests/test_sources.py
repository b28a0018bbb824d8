"""The source documents kept for the fidelity tests are unchanged copies."""

import hashlib
import re
from pathlib import Path

SOURCES = Path(__file__).parent / "sources"


def test_every_source_matches_its_recorded_hash():
    readme = (SOURCES / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", readme, flags=re.MULTILINE)
    assert rows, "tests/sources/README.md lists no files with hashes"
    listed = {name for name, _ in rows}
    present = {p.name for p in SOURCES.iterdir() if p.name != "README.md"}
    assert listed == present
    for name, digest in rows:
        assert hashlib.sha256((SOURCES / name).read_bytes()).hexdigest() == digest, name
