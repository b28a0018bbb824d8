"""The hostile site (tests/security/hostile.py), made and built once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import mkdocs_build
from tests.security.hostile import HostileSite, make_hostile_site


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> tuple[HostileSite, Path]:
    """The real site with a payload in every text field, and its build (--strict)."""
    site = make_hostile_site(tmp_path_factory.mktemp("hostile") / "project")
    built = site.root.parent / "site"
    result = mkdocs_build(site.root / "mkdocs.yml", built)
    assert result.returncode == 0, result.stderr
    return site, built
