"""The hostile site (tests/security/hostile.py), made and built once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import mkdocs_build
from tests.security.hostile import HostileSite, make_hostile_site


@pytest.fixture(scope="session")
def hostile(shared_builds) -> tuple[HostileSite, Path]:
    """The real site with a payload in every text field, and its build (--strict).

    Made once per test run and shared by every xdist worker: the first makes the project
    and builds it, and records which payload went in which field for the others."""
    def make_and_build(folder: Path) -> dict:
        site = make_hostile_site(folder / "project")
        result = mkdocs_build(site.root / "mkdocs.yml", folder / "site")
        return {"fields": site.fields, "count": site._count,
                "returncode": result.returncode, "stderr": result.stderr}

    folder, record = shared_builds.once("hostile", make_and_build)
    assert record["returncode"] == 0, record["stderr"]
    site = HostileSite(folder / "project", {int(n): where for n, where in record["fields"].items()}, record["count"])
    return site, folder / "site"
