"""Fixtures shared by the site tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def fixture_site(tmp_path) -> Path:
    """A writable copy of the minimal fixture site, wired to this checkout's code."""
    site = tmp_path / "minimal"
    shutil.copytree(FIXTURES / "minimal", site)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/")
    config.write_text(text, encoding="utf-8")
    return site
