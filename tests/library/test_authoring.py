"""The scaffold command writes valid drafts; the authors' page explains every field."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.library.model import Glossary, GlossaryTerm, Guide, PositionStatement, Principles, QuotedSource
from standards_site.library.scaffold import ScaffoldError, scaffold

from tests.conftest import STANDARDS_SITE

ROOT = Path(__file__).resolve().parents[2]
AUTHORS_PAGE = ROOT / "docs" / "authors" / "guidance.md"


@pytest.mark.parametrize("kind, folder", [("guide", "guides"), ("position", "positions")])
def test_a_scaffolded_draft_is_valid(content_root, kind, folder):
    path = scaffold(kind, "brand-new", content_root, today=date(2025, 2, 3))
    assert path == content_root / folder / "brand-new.md"
    library = load_content(content_root).library
    items = library.guides if kind == "guide" else library.positions
    meta = items["brand-new"].meta
    assert meta.is_draft
    assert meta.published == date(2025, 2, 3)


@pytest.mark.parametrize(
    "kind, slug, message",
    [
        ("guide", "Bad Slug", "'Bad Slug' is not a usable slug: use up to 40 lower-case letters, digits and "
                              "single hyphens, e.g. learning-from-complaints"),
        ("guide", "tag", "'tag' is reserved for the filter pages: choose another slug"),
        ("report", "x", "unknown kind 'report': expected one of guide, position"),
        ("guide", "older-guide", "already exists: choose another slug or edit that file"),
    ],
)
def test_the_scaffold_refuses_bad_requests(content_root, kind, slug, message):
    with pytest.raises(ScaffoldError) as caught:
        scaffold(kind, slug, content_root)
    assert message in str(caught.value)


def test_the_new_command(content_root):
    command = [STANDARDS_SITE, "new", "guide", "from-the-command", "--root", str(content_root)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (content_root / "guides" / "from-the-command.md").is_file()
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1
    assert again.stderr.startswith("error: ") and "already exists" in again.stderr
    assert "Traceback" not in again.stderr


@pytest.mark.parametrize("model", [Guide, PositionStatement, GlossaryTerm, Glossary, Principles, QuotedSource])
def test_the_authors_page_explains_every_field(model):
    page = AUTHORS_PAGE.read_text(encoding="utf-8")
    missing = [name for name in model.model_fields if f"`{name}`" not in page]
    assert missing == [], f"docs/authors/guidance.md does not explain: {missing}"
