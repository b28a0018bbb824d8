"""`standards-site validate --format github`: the errors reach the author in the pull request,
as annotations on the lines and as `file:line: field: message` in the job summary."""

from __future__ import annotations

import shutil
import subprocess

from standards_site.core.errors import ContentError
from standards_site.site import check_report
from tests.conftest import ROOT, STANDARDS_SITE

LIBRARY = ROOT / "tests" / "fixtures" / "library" / "standards"


def broken_copy(tmp_path):
    root = tmp_path / "standards"
    shutil.copytree(LIBRARY, root)
    guide = root / "guides" / "newer-guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("kind: innovative-practice", "kind: innovativ"),
                     encoding="utf-8")
    return root


def test_errors_become_annotations_and_a_job_summary(tmp_path):
    root = broken_copy(tmp_path)
    summary = tmp_path / "summary.md"
    result = subprocess.run([STANDARDS_SITE, "validate", "--root", str(root), "--format", "github"],
                            capture_output=True, text=True, cwd=tmp_path,
                            env={"PATH": "/usr/bin:/bin", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    message = "'innovativ' is not allowed: expected 'effective-practice' or 'innovative-practice'"
    assert result.stdout == f"::error file=standards/guides/newer-guide.md,line=6,title=kind::{message}\n"
    assert f"  standards/guides/newer-guide.md:6: kind: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert summary.read_text(encoding="utf-8") == (
        "## The content has 1 error\n\n" + check_report.SUMMARY_HELP + "\n\n"
        f"```text\nstandards/guides/newer-guide.md:6: kind: {message}\n```\n")


def test_valid_content_says_so_in_the_summary(tmp_path):
    summary = tmp_path / "summary.md"
    result = subprocess.run([STANDARDS_SITE, "validate", "--root", str(LIBRARY), "--format", "github"],
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0, result.stderr
    assert summary.read_text(encoding="utf-8").startswith("## The content is valid\n\nOK: 1 edition(s), 2 standard(s)")


def test_the_plain_format_is_unchanged(tmp_path):
    root = broken_copy(tmp_path)
    result = subprocess.run([STANDARDS_SITE, "validate", "--root", str(root)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("The content has 1 error; nothing was built:\n")


def test_annotation_values_are_escaped_as_github_asks():
    error = ContentError("standards/a,b:c.yml", 3, "title", "50% done\nthen more")
    assert check_report.annotations([error]) == "::error file=standards/a%2Cb%3Ac.yml,line=3,title=title::50%25 done%0Athen more"


def test_content_in_the_summary_cannot_end_its_code_block():
    error = ContentError("standards/x.yml", None, "title", "found '```' in the title")
    text = check_report.summary([error])
    assert "````text\nstandards/x.yml: title: found '```' in the title\n````\n" in text
