"""A publishing build (STANDARDS_PUBLISH=1) refuses what must not go public: an example
or missing address, drafts, and any placeholder a page still shows; the accessibility
statement is made from config and standards/accessibility.yml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, mkdocs_build
from tests.sites.test_build import build_failure

PUBLISH = {"STANDARDS_PUBLISH": "1"}
HOW = ("set SITE_URL to the site's public address, e.g. SITE_URL=https://standards.inspectorate.gov.uk/ "
       "(the publishing workflow sets it from GitHub Pages)")
COMPLETE = """\
      contact:
        email: accessibility@inspectorate.example
        response_days: 10
      accessibility:
        compliance: partially compliant
        prepared: 2026-11-02
        last_reviewed: 2026-12-01
        audit: None yet (invented, for tests).
"""


def page_text(html: str) -> str:
    """A page's text as a reader meets it: one space between words, none before punctuation."""
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    return re.sub(r" (?=[.,;:])", "", text)


def set_site_url(site: Path, value: str | None) -> None:
    config = site / "mkdocs.yml"
    line = "" if value is None else f"site_url: {value}\n"
    config.write_text(re.sub(r"^site_url: .*\n", line, config.read_text(), flags=re.M), encoding="utf-8")


def add_options(site: Path, options: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text().replace("        short_name: Fixture\n", "        short_name: Fixture\n" + options)
    config.write_text(text, encoding="utf-8")


def publish_failure(site: Path, out: Path, extra: dict | None = None) -> str:
    result = mkdocs_build(site / "mkdocs.yml", out, extra_env={**PUBLISH, **(extra or {})})
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists(), "a refused build must leave no site behind"
    return result.stderr


@pytest.mark.parametrize("address, problem", [
    (None, f"site_url is not set: every citation and permanent link needs it; {HOW}"),
    ("https://fixture.example.org/", "site_url 'https://fixture.example.org/' is an example address "
     f"(fixture.example.org is reserved for examples and testing), so no citation made from this build would work; {HOW}"),
    ("https://example.com/", "site_url 'https://example.com/' is an example address "
     f"(example.com is reserved for examples and testing), so no citation made from this build would work; {HOW}"),
    ("https://standards.test/", "site_url 'https://standards.test/' is an example address "
     f"(standards.test is reserved for examples and testing), so no citation made from this build would work; {HOW}"),
    ("https://localhost:8000/", "site_url 'https://localhost:8000/' is an example address "
     f"(localhost is reserved for examples and testing), so no citation made from this build would work; {HOW}"),
    ("https://127.0.0.1/", "site_url 'https://127.0.0.1/' is an example address "
     f"(127.0.0.1 is reserved for examples and testing), so no citation made from this build would work; {HOW}"),
    ("http://standards.inspectorate.gov.uk/", f"site_url 'http://standards.inspectorate.gov.uk/' is not an https:// address; {HOW}"),
])
def test_a_publishing_build_refuses_a_placeholder_address(fixture_site, tmp_path, address, problem):
    set_site_url(fixture_site, address)
    stderr = publish_failure(fixture_site, tmp_path / "out")
    assert f"This build cannot be published (STANDARDS_PUBLISH is on):\n  {problem}\n" in stderr


def test_a_publishing_build_refuses_drafts(fixture_site, tmp_path):
    set_site_url(fixture_site, "https://standards.inspectorate.gov.uk/")
    stderr = publish_failure(fixture_site, tmp_path / "out", {"STANDARDS_PREVIEW": "1"})
    assert ("This build cannot be published (STANDARDS_PUBLISH is on):\n"
            "  preview is on (STANDARDS_PREVIEW): a published build never includes drafts\n") in stderr


def test_a_publishing_build_lists_every_placeholder_and_an_ordinary_build_shows_them(fixture_site, tmp_path):
    set_site_url(fixture_site, "https://standards.inspectorate.gov.uk/")
    page = fixture_site / "docs/index.md"
    page.write_text(page.read_text() + '\nWrite to {{ contact("email") }}. Audit: {{ placeholder("who audited the site") }}\n',
                    encoding="utf-8")

    stderr = publish_failure(fixture_site, tmp_path / "out")
    assert ("2 placeholders in pages, which a published site must not show (STANDARDS_PUBLISH is on):\n"
            "  docs/index.md: contact.email is not yet set in mkdocs.yml (the standards-site plugin's `contact` option)\n"
            "  docs/index.md: who audited the site\n") in stderr

    result = mkdocs_build(fixture_site / "mkdocs.yml", tmp_path / "preview")
    assert result.returncode == 0, result.stderr
    text = page_text((tmp_path / "preview/index.html").read_text(encoding="utf-8"))
    assert ("Write to [To be completed: contact.email is not yet set in mkdocs.yml (the standards-site plugin's "
            "`contact` option)]. Audit: [To be completed: who audited the site]") in text


def test_a_complete_site_publishes_at_its_real_address(fixture_site, tmp_path):
    set_site_url(fixture_site, "!ENV [SITE_URL]")
    result = mkdocs_build(fixture_site / "mkdocs.yml", tmp_path / "out",
                          extra_env={**PUBLISH, "SITE_URL": "https://standards.inspectorate.gov.uk/"})
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/standards/2020/1.2/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://standards.inspectorate.gov.uk/standards/2020/1.2/">' in page
    assert "example.org" not in page


@pytest.fixture
def statement_site(fixture_site) -> Path:
    """The fixture with the real site's accessibility statement, complete in config."""
    shutil.copy(ROOT / "docs/accessibility.md", fixture_site / "docs/accessibility.md")
    (fixture_site / "standards/accessibility.yml").write_text("""\
known_issues:
  - problem: The <b>chart</b> has no text alternative (invented, for tests).
    criteria: ["1.1.1 Non-text Content", "1.4.11 Non-text Contrast"]
    workaround: The table below it gives the same figures.
    plan: A text alternative by March 2027.
  - problem: Long sentences (invented, for tests).
""", encoding="utf-8")
    set_site_url(fixture_site, "https://standards.inspectorate.gov.uk/")
    add_options(fixture_site, COMPLETE)
    return fixture_site


def statement_text(out: Path) -> str:
    return page_text((out / "accessibility/index.html").read_text(encoding="utf-8"))


def test_the_accessibility_statement_is_made_from_config_and_the_known_issues(statement_site, tmp_path):
    result = mkdocs_build(statement_site / "mkdocs.yml", tmp_path / "out", extra_env=PUBLISH)
    assert result.returncode == 0, result.stderr
    text = statement_text(tmp_path / "out")
    assert "To be completed" not in text
    assert "This website is run by Fixture Inspectorate (invented, for tests)." in text
    assert ("The <b>chart</b> has no text alternative (invented, for tests). (WCAG 2.2 success criteria "
            "1.1.1 Non-text Content, 1.4.11 Non-text Contrast) Meanwhile: The table below it gives the same figures. "
            "What we are doing about it: A text alternative by March 2027. Long sentences (invented, for tests).") in text
    assert "email accessibility@inspectorate.example We'll consider your request and get back to you in 10 working days." in text
    assert ("This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."
            in text)
    assert ("This statement was prepared on 2 November 2026. It was last reviewed on 1 December 2026. "
            "The automated tests described above run on every change to the website. "
            "Testing by people: None yet (invented, for tests).") in text
    assert "call" not in text.split("Feedback and contact information")[1].split("Reporting")[0], "no telephone is set"


def test_no_known_issues_is_said_only_when_the_file_says_so(statement_site, tmp_path):
    issues = statement_site / "standards/accessibility.yml"
    issues.write_text("known_issues: []\n", encoding="utf-8")
    assert mkdocs_build(statement_site / "mkdocs.yml", tmp_path / "none", extra_env=PUBLISH).returncode == 0
    assert "We know of no accessibility problems on this website." in statement_text(tmp_path / "none")

    issues.unlink()
    stderr = publish_failure(statement_site, tmp_path / "missing")
    assert ("1 placeholder in pages, which a published site must not show (STANDARDS_PUBLISH is on):\n"
            "  docs/accessibility.md: the known problems: list them in standards/accessibility.yml "
            "(known_issues: [] if there are none)\n") in stderr


def test_a_known_issue_that_does_not_fit_is_reported_with_its_line(statement_site, tmp_path):
    (statement_site / "standards/accessibility.yml").write_text(
        'known_issues:\n  - problem: Fine.\n  - problem: Bad.\n    criteria: ["Keyboard"]\n', encoding="utf-8")
    stderr = build_failure(statement_site, tmp_path / "out")
    assert "standards/accessibility.yml:4: known_issues[1].criteria[0]:" in stderr
