"""The GitHub Actions workflow is valid, least-privileged, pinned, and documented.

Validity is checked against the GitHub workflow JSON Schema that check-jsonschema
ships (no network). The rest are the promises docs/how-to-publish.md makes to authors.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
HOW_TO_PUBLISH = ROOT / "docs" / "how-to-publish.md"
ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_workflow_matches_the_github_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_runs_on_pull_requests_and_on_main(workflow):
    on = triggers(workflow)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_jobs_and_their_order(workflow):
    jobs = workflow["jobs"]
    assert set(jobs) == {"check", "deploy"}
    assert jobs["deploy"]["needs"] == "check"
    assert jobs["deploy"]["if"] == ON_MAIN, "only main is ever deployed"


def test_least_privilege(workflow):
    assert workflow["permissions"] == {}, "the workflow grants nothing by default"
    assert workflow["jobs"]["check"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_every_action_is_pinned_to_a_commit(workflow):
    text = WORKFLOW.read_text()
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action} is not pinned to a commit SHA"
        assert re.search(r"# v\d+\.\d+\.\d+", comment), f"{action}: say which release the SHA is"


def test_check_job_validates_builds_tests_and_uploads(workflow):
    runs = [step.get("run", "") for step in steps(workflow["jobs"]["check"])]
    used = [step.get("uses", "").split("@")[0] for step in steps(workflow["jobs"]["check"])]
    commands = "\n".join(runs)
    assert "make validate" in commands
    assert "make build" in commands, "make build is the strict build"
    assert "bash .ci/run" in commands, ".ci/run is the single test entry point"
    assert commands.index("make validate") < commands.index("make build") < commands.index("bash .ci/run")
    assert "actions/cache" in used
    assert "actions/upload-artifact" in used
    assert "actions/upload-pages-artifact" in used


def test_make_build_is_strict():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^build:.*\n\t.*mkdocs build --strict", makefile, re.M)


def test_ci_run_calls_make_test_and_refuses_skips():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
    assert "skipped" in ci and "sys.exit" in ci


def test_how_to_publish_names_every_step(workflow):
    """The publishing page explains each step by the name authors see on GitHub."""
    page = HOW_TO_PUBLISH.read_text()
    for job in workflow["jobs"].values():
        assert f"**{job['name']}**" in page, f"how-to-publish.md does not mention the job {job['name']!r}"
        for step in steps(job):
            assert f"**{step['name']}**" in page, f"how-to-publish.md does not explain the step {step['name']!r}"


def test_main_is_built_for_publishing_at_its_real_address(workflow):
    """On main the deployed build is a publishing build, at the address GitHub Pages gives."""
    check = steps(workflow["jobs"]["check"])
    find = next(step for step in check if step["name"] == "Find the site's address")
    build = next(step for step in check if step["name"] == "Build the site")
    assert find["uses"].split("@")[0] == "actions/configure-pages"
    assert find["if"] == ON_MAIN
    assert build["env"] == {"PAGES_URL": "${{ steps.pages.outputs.base_url }}", "PUBLISHING": f"${{{{ {ON_MAIN} }}}}",
                            "EDITOR_AUTH_URL": "${{ vars.EDITOR_AUTH_URL }}"}
    assert 'export STANDARDS_PUBLISH=1 SITE_URL="${PAGES_URL%/}/"' in build["run"]
    assert check.index(find) < check.index(build)


def test_validation_errors_reach_the_pull_request(workflow):
    """The validate step writes annotations and the job summary (`--format github`)."""
    check = steps(workflow["jobs"]["check"])
    validate = next(step for step in check if step["name"] == "Validate the content")
    assert validate["run"] == "make validate VALIDATE_FORMAT=github"
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^validate:.*\n\t.*standards-site validate --format \$\(VALIDATE_FORMAT\)", makefile, re.M)


def test_the_published_build_carries_the_editor(workflow):
    """Every build the workflow makes has the editor, editing the repository it runs in."""
    build = next(step for step in steps(workflow["jobs"]["check"]) if step["name"] == "Build the site")
    assert "export STANDARDS_EDITOR=1" in build["run"] and "make cms" in build["run"]
    config = (ROOT / "mkdocs.yml").read_text()
    assert "repo: !ENV [GITHUB_REPOSITORY, \"\"]" in config
