"""The generator is not one site: no organisation in its code, no MkDocs outside its adapter."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "standards_site"
ADAPTER = PACKAGE / "mkdocs"
#: Names of the real site's inspectorate, and of the example site's. Identity is config.
ORGANISATION_NAMES = ("HM Inspectorate", "HMI Probation", "Inspectorate of Probation", "justiceinspectorates",
                      "HMPPS", "National Probation Service", "Inspectorate of Care")


def _code_files() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*")
                  if path.is_file() and path.suffix in (".py", ".j2", ".html", ".js", ".css", ".xml")
                  and "__pycache__" not in path.parts)


@pytest.mark.parametrize("path", _code_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_organisation_is_named_in_the_generator(path):
    text = path.read_text(encoding="utf-8")
    assert not [name for name in ORGANISATION_NAMES if name.lower() in text.lower()], \
        f"{path.relative_to(ROOT)} names an organisation: put it in mkdocs.yml (the plugin's organisation) or the content"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_only_the_adapter_imports_mkdocs():
    offenders = {
        str(path.relative_to(ROOT)): sorted(name for name in _imports(path) if name.split(".")[0] in ("mkdocs", "material"))
        for path in PACKAGE.rglob("*.py") if ADAPTER not in path.parents
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_check_sees_an_import_of_mkdocs(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from mkdocs.plugins import BasePlugin\nimport material.plugins\n", encoding="utf-8")
    assert _imports(sample) == {"mkdocs.plugins", "material.plugins"}


#: Which content types each may build on: the framework stands alone; the library and
#: inspections refer to standards; only `site` (and the adapter) composes them all.
ALLOWED_LAYERS = {
    "core": set(),
    "framework": {"core"},
    "library": {"core", "framework"},
    "inspections": {"core", "framework"},
}


@pytest.mark.parametrize("package", sorted(ALLOWED_LAYERS))
def test_content_types_do_not_import_each_other(package):
    # `site.content` holds the loaded content every page function takes, so it is allowed.
    found = {
        str(path.relative_to(ROOT)): sorted(
            name for name in _imports(path)
            if name.startswith("standards_site.") and name != "standards_site.site.content"
            and name.split(".")[1] not in ALLOWED_LAYERS[package] | {package}
        )
        for path in (PACKAGE / package).rglob("*.py")
    }
    assert {path: names for path, names in found.items() if names} == {}
