"""Bad input to each library content type gets a message naming file, line and field."""

from __future__ import annotations

import subprocess

import pytest

from standards_site.site.content import load_content
from standards_site.core.errors import ContentErrors

from .conftest import FIXTURE_SITE, VALID_GUIDE, write_guide

from tests.conftest import STANDARDS_SITE

ROOT = FIXTURE_SITE.parent.parent.parent


def errors_for(root) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(root)
    return [str(error) for error in caught.value.errors]


def test_the_fixture_content_is_valid(content_root):
    content = load_content(content_root)
    assert set(content.library.guides) == {"older-guide", "newer-guide", "draft-guide"}
    assert set(content.library.positions) == {"fixture-position", "withdrawn-position"}


def test_guides_are_ordered_by_their_latest_date(content_root):
    guides = list(load_content(content_root).library.guides)
    # draft 2024-09-09, older guide updated 2024-06-01, newer guide published 2024-03-05
    assert guides == ["draft-guide", "older-guide", "newer-guide"]


@pytest.mark.parametrize(
    "change, expected",
    [
        # (line to replace, its replacement)  -> the whole error line expected
        (("title: Sample", "tittle: Sample"),
         "standards/guides/sample.md:2: title: required field is missing\n"
         "standards/guides/sample.md:3: tittle: unknown field 'tittle'; did you mean 'title'?"),
        (("summary: A sample guide.\n", ""),
         "standards/guides/sample.md:2: summary: required field is missing"),
        (("kind: effective-practice", "kind: best-practice"),
         "standards/guides/sample.md:6: kind: 'best-practice' is not allowed: "
         "expected 'effective-practice' or 'innovative-practice'"),
        (("audience: [practitioners]", "audience: [inspectors]"),
         "standards/guides/sample.md:5: audience[0]: 'inspectors' is not allowed: "
         "expected 'practitioners', 'managers' or 'leaders'"),
        (("published: 2024-01-01", "published: 1 January 2024"),
         "standards/guides/sample.md:9: published: '1 January 2024' is not a date: write YYYY-MM-DD, e.g. 2026-11-23"),
        (("tags: [alpha]", "tags: [Alpha Beta]"),
         "standards/guides/sample.md:8: tags[0]: 'Alpha Beta' is not a tag: use lower-case words joined by "
         "hyphens, e.g. serious-further-offences"),
        (('related_standards: ["1.1"]', 'related_standards: ["1.3"]'),  # the fixture edition has 1.1 and 1.2
         "standards/guides/sample.md:7: related_standards[0]: there is no standard '1.3' in the current "
         "edition (9000); did you mean '1.2'?"),
        (('related_standards: ["1.1"]', "related_standards: [1.1]"),
         "standards/guides/sample.md:7: related_standards[0]: expected text, found a number (1.1): "
         "put it in quotes, e.g. \"1.1\""),
        (('related_standards: ["1.1"]', "related_standards: [1.10]"),   # YAML reads 1.10 as 1.1: quote what was written
         "standards/guides/sample.md:7: related_standards[0]: expected text, found a number (1.10): "
         "put it in quotes, e.g. \"1.10\""),
        (("tags: [alpha]", "tags: [" + "a" * 41 + "]"),
         "standards/guides/sample.md:8: tags[0]: '" + "a" * 41 + "' is 41 characters long; at most 40 are "
         "allowed: shorten it"),
        (("status: published", "status: current"),
         "standards/guides/sample.md:10: status: 'current' is not allowed: "
         "expected 'draft', 'published' or 'withdrawn'"),
        (("published: 2024-01-01", "published: 2024-01-01\nupdated: 2023-12-31"),
         "standards/guides/sample.md:10: updated: updated (2023-12-31) is earlier than published (2024-01-01)"),
        (("slug: sample", "slug: other"),
         "standards/guides/sample.md:2: slug: slug 'other' does not match the file name 'sample': "
         "rename one so they agree (the slug is the page's permanent URL)"),
        (("title: Sample", "title: [Sample"),
         "standards/guides/sample.md:4: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"),
    ],
)
def test_guide_errors_name_file_line_and_field(content_root, change, expected):
    old, new = change
    assert old in VALID_GUIDE
    write_guide(content_root, "sample", VALID_GUIDE.replace(old, new))
    assert errors_for(content_root) == expected.split("\n")


def test_a_reserved_slug_is_refused(content_root):
    write_guide(content_root, "tag", VALID_GUIDE.replace("slug: sample", "slug: tag"))
    assert errors_for(content_root) == [
        "standards/guides/tag.md:2: slug: slug 'tag' is reserved for the filter pages (/guides/tag/...): choose another"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("title: No front matter\n",
         "standards/guides/sample.md:1: expected front matter: the file must start with a line '---'"),
        ("---\ntitle: Never closed\n",
         "standards/guides/sample.md:1: the front matter is not closed: add a line '---' after the last field"),
        (f"---\n{VALID_GUIDE}---\n\n",
         "standards/guides/sample.md: the page has no text: write its Markdown below the closing '---'"),
        ("---\n- a list\n---\nText\n",
         "standards/guides/sample.md:2: expected a mapping of fields (key: value), found a list"),
    ],
)
def test_the_shape_of_a_guide_file_is_checked(content_root, text, expected):
    (content_root / "guides" / "sample.md").write_text(text, encoding="utf-8")
    assert errors_for(content_root) == [expected]


def test_position_statement_errors(content_root):
    path = content_root / "positions" / "fixture-position.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: current", "status: published").replace("tags: [gamma]", "audience: [leaders]"),
                    encoding="utf-8")
    assert errors_for(content_root) == [
        "standards/positions/fixture-position.md:6: audience: unknown field 'audience'; expected one of: "
        "published, updated, slug, title, summary, related_standards, tags, status",
        "standards/positions/fixture-position.md:8: status: 'published' is not allowed: "
        "expected 'draft', 'current' or 'withdrawn'",
    ]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("expansion: Fixture item explained", "expansion: Fixture thing",
         "standards/glossary.yml:6: terms[0].expansion: expansion 'Fixture thing' is not found in the term "
         "or its definition: the tooltip must quote the source's own words"),
        ("    expansion: Fixture item explained\n", "",
         "standards/glossary.yml:3: terms[0].expansion: abbreviations need an expansion: the tooltip text shown for them"),
        ("id: widget", "id: fix",
         "standards/glossary.yml:8: terms[1].id: duplicate term id 'fix': also used by terms[0]"),
        ("    term: Widget\n", "    term: Widget\n    abbreviations: [FIX]\n    expansion: Widget\n",
         "standards/glossary.yml:10: terms[1].abbreviations[0]: abbreviation 'FIX' is already explained by term 'fix'"),
        ("definition: An invented thing.", "definition: ''",
         "standards/glossary.yml:10: terms[1].definition: must not be empty"),
    ],
)
def test_glossary_errors(content_root, old, new, expected):
    path = content_root / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert errors_for(content_root) == [expected]


def test_principles_must_be_numbered_in_order(content_root):
    path = content_root / "principles.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("number: 2", "number: 3"), encoding="utf-8")
    assert errors_for(content_root) == [
        "standards/principles.yml:5: principles: principles must be numbered 1 to 2 in order; found [1, 3]"
    ]


def test_every_error_in_every_file_is_reported_at_once(content_root):
    write_guide(content_root, "sample", VALID_GUIDE.replace("kind: effective-practice", "kind: x"))
    (content_root / "principles.yml").write_text("purpose: [x]\n", encoding="utf-8")
    assert errors_for(content_root) == [
        "standards/guides/sample.md:6: kind: 'x' is not allowed: expected 'effective-practice' or 'innovative-practice'",
        "standards/principles.yml:1: principles: required field is missing",
        "standards/principles.yml:1: source: required field is missing",
        "standards/principles.yml:1: values: required field is missing",
    ]


def test_the_validate_command_reports_errors_without_a_traceback(content_root):
    write_guide(content_root, "sample", VALID_GUIDE.replace("kind: effective-practice", "kind: x"))
    result = subprocess.run([STANDARDS_SITE, "validate", "--root", str(content_root)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "standards/guides/sample.md:6: kind: 'x' is not allowed" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("markup, expected", [
    ("<script>alert(1)</script>", "body: raw HTML is not allowed ('<script>alert(1)</script>'): write it as Markdown"),
    ('<img src="x" onerror="alert(1)">', "body: raw HTML is not allowed ('<img src=\"x\" onerror=\"alert(1)\">'): "
                                          "write it as Markdown"),
    ("[Read more](javascript:alert(1))", "body: the link 'javascript:alert(1)' is not allowed: links must start "
                                          "with https:, http:, mailto: or tel:, or be relative"),
    ("A paragraph.\n{: onclick=\"alert(1)\" }", "body: the attribute 'onclick' is not allowed"),
])
def test_a_guide_body_is_markdown_without_html_or_script_links(content_root, markup, expected):
    """Markdown would pass these through; a body's author is not a developer, so they are refused."""
    path = write_guide(content_root, "sample", VALID_GUIDE, body="> Fixture text.\n\n" + markup + "\n")
    # The markup's last line (where the fault is) is the file's last line.
    line = path.read_text(encoding="utf-8").count("\n")
    assert errors_for(content_root) == [f"standards/guides/sample.md:{line}: {expected}"]
