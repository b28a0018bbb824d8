"""Strict builds of the real site and of fixture sites, and how failed builds behave."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, mkdocs_build, STANDARDS_SITE

FIXTURES = ROOT / "tests" / "fixtures"


def test_real_site_generates_a_page_per_standard(built_site):
    for path in ["standards/index.html", "standards/2018/index.html",
                 *(f"standards/2018/1.{n}/index.html" for n in range(1, 5))]:
        assert (built_site / path).is_file(), path


def test_minimal_fixture_site_builds_strict(fixture_site, tmp_path):
    result = mkdocs_build(fixture_site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="standards/2020/1.2/#requires-improvement"' in home
    assert (tmp_path / "out/standards/2020/1.1/index.html").is_file()


def test_invalid_content_fails_the_build_with_every_error_and_no_site(fixture_site, tmp_path):
    standard = fixture_site / "standards/editions/2020/standards/1.2.yml"
    standard.write_text(standard.read_text().replace("title:", "titel:"), encoding="utf-8")
    edition = fixture_site / "standards/editions/2020/edition.yml"
    edition.write_text(edition.read_text().replace("status: current", "status: live"), encoding="utf-8")

    result = mkdocs_build(fixture_site / "mkdocs.yml", tmp_path / "out")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "ERROR   -  The content has 3 errors; nothing was built:\n"
        "  standards/editions/2020/edition.yml:5: status: 'live' is not allowed: expected 'draft', "
        "'current', 'superseded' or 'withdrawn'\n"
        "  standards/editions/2020/standards/1.2.yml:2: title: required field is missing\n"
        "  standards/editions/2020/standards/1.2.yml:4: titel: unknown field 'titel'; did you mean 'title'?\n"
    ) in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_standard_in_a_macro_fails_the_build_and_removes_the_site(fixture_site, tmp_path):
    page = fixture_site / "docs/index.md"
    page.write_text(page.read_text() + '\n{{ standard_link("1.9") }} {{ rating("excellent") }} '
                    '{{ contact("mail") }}\n', encoding="utf-8")

    result = mkdocs_build(fixture_site / "mkdocs.yml", tmp_path / "out")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "ERROR   -  3 unresolved references in pages:\n"
        "  docs/index.md: standard_link('1.9'): there is no standard '1.9' in edition 2020; did you mean '1.2'?\n"
        "  docs/index.md: rating('excellent'): there is no rating level 'excellent' in the rating scale of "
        "edition 2020 (known: outstanding, good, requires-improvement, inadequate)\n"
        "  docs/index.md: contact('mail'): no contact detail 'mail'; did you mean 'email'?\n"
    ) in result.stderr
    assert not (tmp_path / "out").exists(), "a failed build must not leave a half-written site"


def test_identity_macros_show_the_configured_values_as_text_and_name_what_is_unset(fixture_site, tmp_path):
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "        short_name: Fixture\n",
        "        short_name: Fixture\n      contact:\n        email: \"<b>help</b>@example.org\"\n"), encoding="utf-8")
    page = fixture_site / "docs/index.md"
    page.write_text(page.read_text() + '\nRun by {{ organisation("name") }}: {{ contact("email") }}, '
                    '{{ contact("phone") }}, within {{ contact("response_days") }} days.\n', encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
    text = re.sub(r" (?=[.,;:])", "", " ".join(text.split()))   # no space before punctuation
    assert ("Run by Fixture Inspectorate (invented, for tests): <b>help</b>@example.org, "
            "[To be completed: contact.phone is not yet set in mkdocs.yml (the standards-site plugin's `contact` option)], "
            "within [To be completed: contact.response_days is not yet set in mkdocs.yml "
            "(the standards-site plugin's `contact` option)] days.") in text


def test_the_accessibility_statement_names_the_publisher_from_config(built_site):
    page = (built_site / "accessibility/index.html").read_text(encoding="utf-8")
    text = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
    assert "This website is run by HM Inspectorate of Probation." in text
    # Not invented: the config has none, so the statement shows the gap (and publishing refuses it).
    assert ("email [To be completed: contact.email is not yet set in mkdocs.yml "
            "(the standards-site plugin's `contact` option)]") in text


def test_hand_written_page_cannot_shadow_a_generated_one(fixture_site, tmp_path):
    shadow = fixture_site / "docs/standards/2020/1.1/index.md"
    shadow.parent.mkdir(parents=True)
    shadow.write_text("# Not the standard\n", encoding="utf-8")
    result = mkdocs_build(fixture_site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 1
    assert ("docs/standards/2020/1.1/index.md is hand-written, but that page is generated from "
            "standards/: remove the file (edit the YAML instead)") in result.stderr


def test_validate_command_reports_every_error(fixture_site):
    standard = fixture_site / "standards/editions/2020/standards/1.2.yml"
    standard.write_text(standard.read_text().replace('id: "1.2"', "id: 1.2"), encoding="utf-8")
    result = subprocess.run([STANDARDS_SITE, "validate", "--root", "standards"],
                            cwd=fixture_site, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert result.stderr == (
        "The content has 1 error; nothing was built:\n"
        '  standards/editions/2020/standards/1.2.yml:2: id: expected text, found a number (1.2): '
        'put it in quotes, e.g. "1.2"\n'
    )


def test_validate_command_on_the_real_content():
    result = subprocess.run([STANDARDS_SITE, "validate"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "OK: 1 edition(s), 4 standard(s) in standards\n"
        "OK: 7 guide(s), 0 position statement(s), 42 glossary term(s)\n"
        "OK: 1 inspection(s), 24 recommendation(s)\n"
    )


def test_material_tooltips_are_refused(fixture_site, tmp_path):
    """Material's tooltips show a title attribute as HTML: content text would run."""
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("theme:\n", "theme:\n  features:\n    - content.tooltips\n", 1),
                      encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "out")
    assert result.returncode == 1
    assert ("mkdocs.yml: theme.features lists 'content.tooltips', which shows titles as HTML: text from the "
            "content would run as markup. Remove it (abbreviations keep the browser's own tooltip)") in result.stderr
    assert "Traceback" not in result.stderr


# -- hand-written pages under docs/: read with the content's protections ---------------------------

def build_failure(site: Path, out: Path) -> str:
    """The build's error output; the build must fail cleanly and leave no site behind."""
    result = mkdocs_build(site / "mkdocs.yml", out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not out.exists(), "a failed build must not leave a half-written site"
    return result.stderr


@pytest.mark.parametrize("write, expected", [
    (lambda docs: (docs / "extra.md").write_bytes("# Caf\xe9\n".encode("latin-1")),
     "docs/extra.md: the file is not UTF-8 text (byte 6 cannot be read): save it as UTF-8"),
    (lambda docs: (docs / "extra.md").write_text("# Title\u2028more\n", encoding="utf-8"),
     "docs/extra.md:1: column 8: invisible character U+2028 (LINE SEPARATOR) is not allowed: delete it "
     "(it often comes with text pasted from a PDF or a word processor)"),
    (lambda docs: (docs / "extra.md").symlink_to(docs.parent / "mkdocs.yml"),
     "docs/extra.md: the file is a link to something outside the content folder (docs/): content must be "
     "kept in the repository, so replace the link with the file itself"),
    (lambda docs: (docs / "picture.png").symlink_to(docs / "no-such.png"),
     "docs/picture.png: the file is a link to a file that does not exist: replace it with the file itself"),
    (lambda docs: (docs / "extra.md").write_text("---\ntitle: " + "[" * 50_000 + "]" * 50_000 + "\n---\n# X\n",
                                                 encoding="utf-8"),
     "docs/extra.md:2: invalid YAML: lists or mappings nested more than 100 deep"),
])
def test_a_bad_hand_written_file_is_named_not_crashed_on(fixture_site, tmp_path, write, expected):
    write(fixture_site / "docs")
    assert f"The content has 1 error; nothing was built:\n  {expected}\n" in build_failure(fixture_site, tmp_path / "out")


@pytest.mark.parametrize("written, expected", [
    ("{{ standard_lnk('1.1') }}",
     "docs/index.md:6: standard_lnk: there is no macro or variable 'standard_lnk'; did you mean 'standard_link'?"),
    ("text\n\n{% if x %}",
     "docs/index.md:8: {{ }} or {% %} cannot be read: Unexpected end of template. Jinja was looking for the "
     "following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."),
    ("{{ standard_link('1.1') }",
     "docs/index.md:6: {{ }} or {% %} cannot be read: unexpected '}'"),
    ("{{ 'x' | no_such_filter }}",
     "docs/index.md:6: {{ }} or {% %} cannot be read: No filter named 'no_such_filter'."),
])
def test_a_macro_that_does_not_exist_or_does_not_parse_is_reported_with_its_line(fixture_site, tmp_path, written, expected):
    (fixture_site / "docs/index.md").write_text(f"---\nrender_macros: true\n---\n# Home\n\n{written}\n", encoding="utf-8")
    assert f"unresolved reference in pages:\n  {expected}\n" in build_failure(fixture_site, tmp_path / "out")


def test_generated_pages_are_never_rendered_as_macros(fixture_site, tmp_path):
    """Even where mkdocs-macros renders every page by default, content text is only text."""
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("render_by_default: false", "render_by_default: true"),
                      encoding="utf-8")
    standard = fixture_site / "standards/editions/2020/standards/1.1.yml"
    standard.write_text(standard.read_text().replace("title: Fixture standard 1.1",
                                                     "title: \"Sum {{ 7 * 7 }} {% if true %}x{% endif %}\""),
                        encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "out/standards/2020/1.1/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.title.get_text().startswith("Standard 1.1 Sum {{ 7 * 7 }} {% if true %}x{% endif %}")
    assert page.h1.get_text() == "1.1 Sum {{ 7 * 7 }} {% if true %}x{% endif %}"


def test_every_page_has_open_graph(built_site):
    """A shared link gets a title, a description and its address."""
    checked = 0
    for path in built_site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue   # a redirect
        where = path.relative_to(built_site).as_posix()
        # The feed's link is rel="alternate feed", never "alternate" alone: Material reads every
        # link[rel=alternate] as a page in another language and fetches sitemap.xml beside it.
        alone = [link for link in page.find_all("link", rel="alternate") if link["rel"] == ["alternate"]]
        assert alone == [], where
        if where == "404.html":
            continue   # not a page anyone shares
        og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
        assert og.get("og:title"), where
        assert og["og:title"] in page.title.get_text() or where == "index.html", where
        canonical = page.find("link", rel="canonical")
        if canonical:
            assert og.get("og:url") == canonical["href"], where
        checked += 1
    assert checked > 40


def pages_sharing_a_description(site: Path) -> dict[str, list[str]]:
    """Descriptions that more than one page of a built site carries, with those pages.

    Redirect pages and the 404 page are not shared or indexed, so they are left out;
    every other page must have a non-empty description."""
    pages_by_description: dict[str, list[str]] = {}
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        where = path.relative_to(site).as_posix()
        if page.find("meta", attrs={"http-equiv": "refresh"}) or where == "404.html":
            continue
        description = page.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), f"{where} has no description"
        pages_by_description.setdefault(description["content"], []).append(where)
    return {text: sorted(pages) for text, pages in pages_by_description.items() if len(pages) > 1}


def test_every_page_has_a_description_of_its_own(built_site, example_site):
    """Search engines and shared links show the description: no two pages may share one."""
    assert pages_sharing_a_description(built_site) == {}
    assert pages_sharing_a_description(example_site) == {}
    filtered = BeautifulSoup((built_site / "guidance/guides/tag/wales/index.html").read_text(encoding="utf-8"),
                             "html.parser").find("meta", attrs={"name": "description"})["content"]
    assert re.fullmatch(r"\d+ guides? relating to the tag wales, from the effective-practice guides\.", filtered)


def test_no_label_is_hidden_from_assistive_technology(built_site):
    """The Nu Html Checker refuses aria-hidden on a label; the search panel's icons carry it instead."""
    hidden = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
              if BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select("label[aria-hidden]")]
    assert hidden == []
