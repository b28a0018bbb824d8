"""Rating scales are data: each edition declares its levels, and everything follows them.

Each test starts from a copy of the minimal fixture (invented text) and changes the
scale, then asserts the exact message an author sees, or what the pages show.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest

from standards_site.core.errors import ContentErrors
from standards_site.framework.history_pages import diff_blocks
from standards_site.framework.pages import framework_home, standard_page
from standards_site.site.content import load_content
from standards_site.site.data_export import export_edition

ROOT = Path(__file__).resolve().parents[2]
EDITION = "standards/editions/2020/edition.yml"
STANDARD = "standards/editions/2020/standards/1.1.yml"
FOUR = """rating_scale:
  - {id: outstanding, label: Outstanding}
  - {id: good, label: Good}
  - {id: requires-improvement, label: Requires improvement}
  - {id: inadequate, label: Inadequate}
"""
THREE = """rating_scale:
  - {id: strong, label: Strong}
  - {id: fair, label: Fair}
  - {id: weak-practice, label: Weak practice}
"""


@pytest.fixture
def content(tmp_path) -> Path:
    shutil.copytree(ROOT / "tests/fixtures/minimal/standards", tmp_path / "standards")
    return tmp_path / "standards"


def edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content.parent / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rescale(content: Path) -> None:
    """Give the edition a three-level scale, and each standard characteristics for it."""
    edit(content, EDITION, FOUR, THREE)
    for path in (content / "editions/2020/standards").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("  outstanding:", "  strong:").replace("  good:", "  fair:")
        text = text.replace("  requires-improvement:", "  weak-practice:")
        path.write_text("\n".join(line for line in text.split("\n") if not line.startswith("  inadequate:")),
                        encoding="utf-8")


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_content(content)
    return [str(error) for error in raised.value.errors]


def line_of(content: Path, relative: str, text: str) -> int:
    lines = (content.parent / relative).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


# -- validation ---------------------------------------------------------------------------------

def test_a_level_outside_the_scale_is_named_with_a_suggestion(content):
    edit(content, STANDARD, "  good:", "  goood:")
    line = line_of(content, STANDARD, "goood:")
    assert errors_of(content) == [
        f"{STANDARD}:11: characteristics: no characteristic for 'good': every level of the rating_scale of "
        "edition 2020 needs one (outstanding, good, requires-improvement, inadequate)",
        f"{STANDARD}:{line}: characteristics.goood: 'goood' is not a level of the rating_scale of edition 2020; "
        "did you mean 'good'?",
    ]


def test_duplicate_level_ids_are_refused(content):
    edit(content, EDITION, "  - {id: inadequate, label: Inadequate}", "  - {id: good, label: Inadequate}")
    line = line_of(content, EDITION, "{id: good, label: Inadequate}")
    assert errors_of(content) == [
        f"{EDITION}:{line}: rating_scale[3].id: duplicate rating level id 'good': each level needs its own id"]


def test_a_scale_needs_two_levels(content):
    edit(content, EDITION, FOUR, "rating_scale:\n  - {id: good, label: Good}\n")
    assert errors_of(content)[0] == f"{EDITION}:{line_of(content, EDITION, 'rating_scale:')}: rating_scale: " \
        "needs at least 2 entries, found 1"


def test_a_level_id_that_is_a_section_anchor_is_reserved(content):
    rescale(content)
    edit(content, EDITION, "{id: fair, label: Fair}", "{id: cite, label: Fair}")
    for path in (content / "editions/2020/standards").glob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("  fair:", "  cite:"), encoding="utf-8")
    line = line_of(content, EDITION, "{id: cite")
    assert errors_of(content) == [
        f"{EDITION}:{line}: rating_scale[1].id: 'cite' is reserved: it is the anchor of a section of every "
        "standard page (#cite); choose another id for this level"]


def test_a_level_id_must_be_anchor_safe(content):
    edit(content, EDITION, "{id: good, label: Good}", "{id: Good_1, label: Good}")
    line = line_of(content, EDITION, "Good_1")
    assert f"{EDITION}:{line}: rating_scale[1].id: 'Good_1' is not a rating level id: use lower-case letters, " \
        "digits and single hyphens, starting with a letter (e.g. requires-improvement)" in errors_of(content)


def test_a_descriptor_for_an_unknown_level_is_refused(content):
    edit(content, EDITION, "domains:", "level_descriptors:\n  excellent: {intro: Fixture intro., items: [fixture]}\ndomains:")
    line = line_of(content, EDITION, "excellent:")
    assert errors_of(content) == [
        f"{EDITION}:{line}: level_descriptors.excellent: 'excellent' is not a level of this edition's "
        "rating_scale (known: outstanding, good, requires-improvement, inadequate)"]


def test_the_scale_is_required(content):
    edit(content, EDITION, FOUR, "")
    assert errors_of(content) == [f"{EDITION}:2: rating_scale: required field is missing"]


# -- what the pages and data show ------------------------------------------------------------

def test_a_three_level_scale_reaches_the_page_the_tabs_and_the_data(content):
    rescale(content)
    loaded = load_content(content)
    edition = loaded.framework.edition("2020")
    page = standard_page(loaded, edition, edition.standards["1.1"])
    assert [line for line in page.split("\n") if line.startswith("===")] == [
        '=== "Strong"', '=== "Fair"', '=== "Weak practice"']
    assert "Each standard has rating characteristics for three levels: Strong, Fair and Weak practice." \
        in framework_home(loaded.framework)
    exported = export_edition(edition, "https://fixture.example.org/")
    assert [(level.id, level.label) for level in exported.rating_scale] == [
        ("strong", "Strong"), ("fair", "Fair"), ("weak-practice", "Weak practice")]
    assert [c.url for c in exported.standards[0].characteristics][-1] == \
        "https://fixture.example.org/standards/2020/1.1/#weak-practice"


def test_level_tabs_take_the_level_id_not_the_labels_slug():
    text = ('=== "Requires improvement"\n\n    **Summary.**\n    { data-level="ri" }\n\n    Paragraph.\n\n'
            '=== "Good"\n\n    **Summary.**\n    { data-level="good" }\n')
    html = markdown.markdown(text, extensions=[
        "attr_list", "pymdownx.tabbed", "standards_site.framework.level_tabs"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}})
    assert '<input checked="checked" id="ri" name="__tabbed_1" type="radio" />' in html
    assert '<label for="ri">Requires improvement</label>' in html
    assert '<div class="tabbed-block" data-label="Requires improvement">' in html
    assert "data-level" not in html


def test_comparing_editions_with_different_scales_matches_levels_by_id(content):
    loaded = load_content(content)
    four = loaded.framework.edition("2020")
    rescale(content)
    three = load_content(content).framework.edition("2020")
    blocks = diff_blocks(four, four.standards["1.1"], three, three.standards["1.1"])
    assert [block.heading for block in blocks] == [
        "Title", "The standard", "Strong (only in the 2020 edition)", "Fair (only in the 2020 edition)",
        "Weak practice (only in the 2020 edition)", "Outstanding (only in the 2020 edition)",
        "Good (only in the 2020 edition)", "Requires improvement (only in the 2020 edition)",
        "Inadequate (only in the 2020 edition)"]
    assert not four.same_scale(three)
