"""Shared fixtures: the real site built once per test run (shared by every xdist worker:
tests/shared_builds.py), served on loopback, and Debian's Chromium for the browser tests.

Browser tests never skip silently: without Chromium they fail with a message
saying how to install it (`make test` does).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.shared_builds import SharedBuilds, run_folder

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: The `standards-site` command, as installed beside this interpreter (pip's console script).
STANDARDS_SITE = str(Path(sys.executable).with_name("standards-site"))
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs_build(
    config: Path, site_dir: Path, extra_env: dict | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a user would; return the finished process.

    `env` replaces the environment (default: this one, without STANDARDS_PREVIEW);
    `extra_env` adds variables to it (e.g. `{"STANDARDS_PREVIEW": "1"}`).
    """
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=build_environment(extra_env, env), capture_output=True, text=True,
    )


def build_environment(extra_env: dict | None = None, env: dict | None = None) -> dict:
    """The environment `mkdocs_build` gives a build (see there)."""
    base = env if env is not None else {k: v for k, v in BUILD_ENV.items() if k != "STANDARDS_PREVIEW"}
    return {**base, **(extra_env or {})}


@pytest.fixture(scope="session")
def shared_builds(tmp_path_factory) -> SharedBuilds:
    """Builds made once per test run, shared by every module and xdist worker (tests/shared_builds.py)."""
    return SharedBuilds(run_folder(tmp_path_factory.getbasetemp()) / "shared-builds")


@pytest.fixture(scope="session")
def shared_mkdocs_build(shared_builds):
    """`mkdocs_build`, run once per test run for each config and environment: returns the
    site folder and the finished build. For sites the tests only read; a test that
    changes a site, or its source, builds its own copy with `mkdocs_build`."""
    def build(config: Path, extra_env: dict | None = None, env: dict | None = None):
        return shared_builds.build(
            config, build_environment(extra_env, env),
            lambda config, site_dir, env: mkdocs_build(config, site_dir, env=env))

    return build


@pytest.fixture(scope="session")
def built_site(shared_mkdocs_build) -> Path:
    """The real site, built with --strict into a temporary folder."""
    site, result = shared_mkdocs_build(ROOT / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return site


class SiteServer:
    """A built site served over HTTP on 127.0.0.1 from a background thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in '/') of the real site, served for the session."""
    server = SiteServer(built_site)
    yield server.url
    server.close()


# -- The two-editions fixture site (tests/fixtures/two-editions) ------------------------------

TWO_EDITIONS = ROOT / "tests" / "fixtures" / "two-editions"


@pytest.fixture(scope="session")
def two_editions_site(shared_mkdocs_build) -> Path:
    """The fixture site (2018 superseded, 2021 current, 2024 draft), built as the public would get it."""
    site, result = shared_mkdocs_build(TWO_EDITIONS / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def two_editions_preview_site(shared_mkdocs_build) -> Path:
    """The same fixture site built with STANDARDS_PREVIEW=1: draft editions included."""
    site, result = shared_mkdocs_build(TWO_EDITIONS / "mkdocs.yml", {"STANDARDS_PREVIEW": "1"})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def two_editions_url(two_editions_site):
    """Base URL (ending in '/') of the two-editions fixture site, served for the session."""
    server = SiteServer(two_editions_site)
    yield server.url
    server.close()


# -- Playwright with Debian's Chromium (never `playwright install`: it downloads) ---------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make test`, which installs Debian's chromium, "
            "or set CHROMIUM to its path. Browser tests are never skipped."
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_collection_modifyitems(config, items):
    """Mark every test that uses Playwright's `page` as a browser test."""
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


# -- Fixture sites: every tests/fixtures/<name>/mkdocs.yml, discovered, never listed ------------

FIXTURES = ROOT / "tests" / "fixtures"
#: Fixture sites whose folder name starts with one of these are bad input on purpose: their
#: own tests assert that the build fails, so the site-wide gates (accessibility, links) leave
#: them out. Every other fixture site must build with --strict and pass every gate.
INVALID_FIXTURE_PREFIXES = ("invalid", "bad", "broken")


def fixture_site_configs() -> list[Path]:
    """The mkdocs.yml of every fixture site that is meant to build, and of every example
    site under examples/ (each checked like the real site), in name order."""
    fixtures = sorted(
        config for config in FIXTURES.glob("*/mkdocs.yml")
        if not config.parent.name.startswith(INVALID_FIXTURE_PREFIXES)
    )
    return fixtures + sorted((ROOT / "examples").glob("*/mkdocs.yml"))


EXAMPLE = ROOT / "examples" / "care-inspectorate"


@pytest.fixture(scope="session")
def example_site(shared_mkdocs_build) -> Path:
    """The invented five-level example site (examples/care-inspectorate), built strictly."""
    site, result = shared_mkdocs_build(EXAMPLE / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def build_fixture_site(shared_mkdocs_build):
    """Build a fixture site (given its mkdocs.yml) once per test run; return its folder."""
    def build(config: Path) -> Path:
        site, result = shared_mkdocs_build(config)
        assert result.returncode == 0, (
            f"fixture site {config.parent.name} does not build with --strict:\n{result.stderr}"
        )
        return site

    return build


@pytest.fixture(scope="session")
def serve_site():
    """Serve any built site folder over HTTP for the session; return its base URL."""
    servers: dict[Path, SiteServer] = {}

    def serve(directory: Path) -> str:
        if directory not in servers:
            servers[directory] = SiteServer(directory)
        return servers[directory].url

    yield serve
    for server in servers.values():
        server.close()
