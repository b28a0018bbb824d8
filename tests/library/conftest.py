"""Helpers for the guidance library's tests: throw-away content folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE_SITE = Path(__file__).resolve().parent.parent / "fixtures" / "library"


@pytest.fixture
def content_root(tmp_path) -> Path:
    """A copy of the fixture site's `standards/` folder, safe to break."""
    root = tmp_path / "standards"
    shutil.copytree(FIXTURE_SITE / "standards", root)
    return root


def write_guide(root: Path, slug: str, front_matter: str, body: str = "> Fixture text.\n") -> Path:
    """Write `guides/<slug>.md` with the given front matter (without the `---` lines)."""
    path = root / "guides" / f"{slug}.md"
    path.write_text(f"---\n{front_matter.strip()}\n---\n{body}", encoding="utf-8")
    return path


VALID_GUIDE = """\
slug: sample
title: Sample
summary: A sample guide.
audience: [practitioners]
kind: effective-practice
related_standards: ["1.1"]
tags: [alpha]
published: 2024-01-01
status: published
"""
