"""Sites built once per test run and shared by every test module and every xdist worker.

The same site built with the same config and environment gives the same folder, so the
session fixtures (`built_site`, `two_editions_site`, `build_fixture_site`, the hostile
site, ...) ask for it here instead of building it themselves. The first worker to ask
builds it under a file lock (filelock, as pytest-xdist's documentation recommends for
session fixtures); the others wait for the lock and read what it left: the folder and
the build's exit code and output, so every test asserts on the same result.

The cache lives in the test run's own temporary folder (the parent of each xdist
worker's basetemp; the basetemp itself in a run without xdist), which pytest makes new
for every run: a cached build is never older than the run, so the content it was built
from is the content under test. Tests that build on purpose (bad input, a changed copy)
do not use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable

from filelock import FileLock

#: Variables that say which pytest worker or test is running: they differ between
#: workers, and no build reads them.
_NOT_BUILD_INPUTS = ("PYTEST_",)


def run_folder(basetemp: Path) -> Path:
    """The folder every worker of this test run shares (the run's basetemp)."""
    return basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp


class SharedBuilds:
    """Things made once per test run, each in its own folder under `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def once(self, name: str, make: Callable[[Path], dict]) -> tuple[Path, dict]:
        """`make(folder)` run once per test run for `name`; its folder and the JSON-able
        record it returned. A `make` that raises records nothing: the next caller retries
        (and fails the same way, with the same message)."""
        folder = self.folder / name
        record = folder / "record.json"
        with FileLock(str(folder) + ".lock"):
            if not record.exists():
                if folder.exists():      # left half-made by a worker that was stopped
                    shutil.rmtree(folder)
                folder.mkdir()
                record.write_text(json.dumps(make(folder)), encoding="utf-8")
        return folder, json.loads(record.read_text(encoding="utf-8"))

    def build(self, config: Path, env: dict[str, str],
              run: Callable[[Path, Path, dict], subprocess.CompletedProcess],
              generator: str = "mkdocs") -> tuple[Path, subprocess.CompletedProcess]:
        """`run(config, site_dir, env)`, a build by `generator`, once per test run for this config
        and environment; the site folder and the finished process (exit code, output) it gave."""
        name = f"{generator}-{config.parent.name}-{build_key(config, env)}"
        folder, record = self.once(name, lambda folder: _as_record(run(config, folder / "site", env)))
        return folder / "site", subprocess.CompletedProcess(
            record["args"], record["returncode"], record["stdout"], record["stderr"])


def build_key(config: Path, env: dict[str, str]) -> str:
    """A short name for a config file and the environment a build sees."""
    inputs = {"config": str(config.resolve()),
              "env": sorted((k, v) for k, v in env.items() if not k.startswith(_NOT_BUILD_INPUTS))}
    return hashlib.sha256(json.dumps(inputs).encode()).hexdigest()[:16]


def _as_record(result: subprocess.CompletedProcess) -> dict:
    return {"args": [str(a) for a in result.args], "returncode": result.returncode,
            "stdout": result.stdout, "stderr": result.stderr}
