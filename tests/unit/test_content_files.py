"""Files that are not what they seem, for every kind of content file.

Each case starts from a copy of the real content and spoils one file: the loader
must name the file and say what is wrong, never publish what lies outside the
content folder, never show a linked file's text, and never end in a traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from standards_site.core.errors import ContentErrors
from standards_site.site.content import load_content

ROOT = Path(__file__).resolve().parents[2]

#: One file of every kind of content (positions are covered by guides: the same reader).
CONTENT_FILES = {
    "edition": "editions/2018/edition.yml",
    "standard": "editions/2018/standards/1.2.yml",
    "guide": "guides/line-management-supervision.md",
    "glossary": "glossary.yml",
    "principles": "principles.yml",
    "inspection": "inspections/nps-central-functions-2020/inspection.yml",
    "action plan": "inspections/nps-central-functions-2020/action-plan.yml",
}
SECRET = "secret-text-from-outside"


@pytest.fixture
def content(tmp_path) -> Path:
    shutil.copytree(ROOT / "standards", tmp_path / "standards")
    return tmp_path / "standards"


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_content(content)
    return [str(error) for error in raised.value.errors]


def shown(relative: str) -> str:
    return f"standards/{relative}"


@pytest.mark.parametrize("kind", CONTENT_FILES)
def test_a_link_to_a_file_outside_the_content_folder_is_refused_without_showing_it(content, kind):
    relative = CONTENT_FILES[kind]
    outside = content.parent / "outside.yml"
    outside.write_text(f"title: {SECRET}\n", encoding="utf-8")
    (content / relative).unlink()
    (content / relative).symlink_to(outside)
    errors = errors_of(content)
    assert errors == [
        f"{shown(relative)}: the file is a link to something outside the content folder (standards/): "
        "content must be kept in the repository, so replace the link with the file itself"
    ]
    assert SECRET not in "".join(errors)


def test_a_folder_linked_from_outside_is_refused_file_by_file(content):
    outside = content.parent / "elsewhere"
    shutil.move(content / "editions/2018/standards", outside)
    (content / "editions/2018/standards").symlink_to(outside)
    errors = errors_of(content)
    assert errors and all("a link to something outside the content folder" in error for error in errors)
    assert f"{shown('editions/2018/standards/1.1.yml')}: the file is a link" in errors[0]


@pytest.mark.parametrize("kind", ["standard", "guide", "glossary", "action plan"])
def test_a_link_to_nothing_is_named(content, kind):
    relative = CONTENT_FILES[kind]
    (content / relative).unlink()
    (content / relative).symlink_to(content / "no-such-file.yml")
    assert errors_of(content) == [
        f"{shown(relative)}: the file is a link to a file that does not exist: replace it with the file itself"
    ]


def test_a_link_inside_the_content_folder_is_read(content):
    # A link that stays inside the content is harmless: it is read like the file it names.
    glossary = content / "glossary.yml"
    shutil.move(glossary, content / "glossary-source.yml")
    glossary.symlink_to(content / "glossary-source.yml")
    assert load_content(content).library.glossary is not None


@pytest.mark.parametrize("relative", ["editions/2018/standards/9.9.yml", "guides/extra.md"])
def test_a_folder_named_like_a_content_file_is_named(content, relative):
    (content / relative).mkdir()
    name = Path(relative).name
    suffix = Path(relative).suffix
    assert errors_of(content)[-1:] == [
        f"{shown(relative)}: '{name}' is a folder, not a file: rename it (a name ending in {suffix} is read as content)"
    ]


@pytest.mark.parametrize("kind", CONTENT_FILES)
def test_a_file_that_is_not_utf8_is_named_with_the_byte(content, kind):
    relative = CONTENT_FILES[kind]
    path = content / relative
    data = path.read_bytes()
    path.write_bytes(data[:10] + "é".encode("latin-1") + data[10:])
    assert errors_of(content) == [
        f"{shown(relative)}: the file is not UTF-8 text (byte 11 cannot be read): save it as UTF-8"
    ]


@pytest.mark.parametrize("kind", CONTENT_FILES)
def test_a_byte_order_mark_is_accepted_everywhere(content, kind):
    path = content / CONTENT_FILES[kind]
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    before = load_content(ROOT / "standards")
    after = load_content(content)
    assert after.framework.edition("2018").standards == before.framework.edition("2018").standards
    assert after.library.guides.keys() == before.library.guides.keys()
    assert after.library.glossary == before.library.glossary


# -- what a file may hold: invisible characters, nesting, size ------------------------------------

def add_yaml(path: Path, lines: str) -> int:
    """Add YAML lines where the file's fields are (a guide's front matter); return the first line's number."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":   # after the opening '---'
        path.write_text("---\n" + lines + text.removeprefix("---\n"), encoding="utf-8")
        return 2
    path.write_text(text + lines, encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize("character, name", [
    ("\u2028", "LINE SEPARATOR"), ("\u2029", "PARAGRAPH SEPARATOR"), ("\x85", "NEXT LINE"),
    ("\x7f", "DELETE"), ("\x07", "a control character"), ("\x00", "NULL"),
])
@pytest.mark.parametrize("kind", CONTENT_FILES)
def test_an_invisible_control_character_is_named_with_its_line_and_column(content, kind, character, name):
    """YAML and MkDocs break lines at some of these and Markdown does not: refused wherever they are."""
    relative = CONTENT_FILES[kind]
    line = add_yaml(content / relative, f"# pasted{character}text\n")
    assert errors_of(content) == [
        f"{shown(relative)}:{line}: column 9: invisible character U+{ord(character):04X} ({name}) is not "
        "allowed: delete it (it often comes with text pasted from a PDF or a word processor)"
    ]


@pytest.mark.parametrize("kind", CONTENT_FILES)
@pytest.mark.parametrize("nesting", [
    "[" * 100_000 + "]" * 100_000,                                   # libyaml's composer crashed on this
    "\n" + "".join(" " * (2 * i) + "- \n" for i in range(1, 2000)),  # block style: RecursionError
])
def test_nesting_deeper_than_any_model_is_refused_before_it_is_built(content, kind, nesting):
    relative = CONTENT_FILES[kind]
    line = add_yaml(content / relative, f"deep: {nesting}\n")
    deepest = line if nesting.startswith("[") else line + 100   # the line where depth 101 starts
    assert errors_of(content) == [f"{shown(relative)}:{deepest}: invalid YAML: lists or mappings nested more "
                                  "than 100 deep"]


@pytest.mark.parametrize("kind", CONTENT_FILES)
def test_nesting_through_aliases_is_refused_too(content, kind):
    relative = CONTENT_FILES[kind]
    chain = "a0: &a0 x\n" + "".join(f"a{i}: &a{i}\n  - *a{i - 1}\n" for i in range(1, 150))
    line = add_yaml(content / relative, chain)
    errors = errors_of(content)
    assert len(errors) == 1 and errors[0].startswith(f"{shown(relative)}:")
    assert errors[0].endswith(": invalid YAML: lists or mappings nested more than 100 deep once aliases are followed")
    assert int(errors[0].split(":")[1]) >= line


@pytest.mark.parametrize("kind", CONTENT_FILES)
def test_a_small_file_whose_aliases_expand_to_gigabytes_is_refused(content, kind):
    relative = CONTENT_FILES[kind]
    line = add_yaml(content / relative,
                    f"long: &long \"{'x' * 10_000}\"\nbomb: [{', '.join(['*long'] * 2_000)}]\n")
    assert errors_of(content) == [   # named at the text that is repeated
        f"{shown(relative)}:{line}: invalid YAML: more than 10,000,000 characters of text once aliases "
        "are repeated (aliases repeated too many times?)"
    ]


@pytest.mark.parametrize("kind", ["standard", "guide", "glossary"])
def test_a_file_too_large_to_be_content_is_refused_unread(content, kind):
    relative = CONTENT_FILES[kind]
    path = content / relative
    path.write_text(path.read_text(encoding="utf-8") + "# " + "x" * 5_000_000 + "\n", encoding="utf-8")
    size = path.stat().st_size
    assert errors_of(content) == [
        f"{shown(relative)}: the file is {size:,} bytes; a content file may be at most 5,000,000: split it"
    ]
