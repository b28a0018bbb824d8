"""The plugin's search and theme parts import small modules only.

benchmarks/run.py compares our build with plain MkDocs running the same search and
theme parts (benchmarks/plain_hooks.py); if they pulled in the content model, the
plain build would pay for part of our layer and the measured ratio would flatter us.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def modules_after_importing(*names: str) -> set[str]:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        + "; ".join(f"import {name}" for name in names)
        + "; print('\\n'.join(sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True)
    return set(output.stdout.split())


def test_the_search_and_theme_parts_leave_the_content_model_and_templates_unloaded():
    loaded = modules_after_importing("standards_site.mkdocs.search", "standards_site.mkdocs.theme")
    assert not {"pydantic", "standards_site.framework.model", "standards_site.site.content", "standards_site.core.rendering"} & loaded


def test_the_sites_macros_module_hands_mkdocs_macros_the_generators_macros():
    import macros

    names = []
    checks = []
    macros.define_env(type("Env", (), {"macro": lambda self, f, name=None: names.append(name or f.__name__), "variables": {},
                                  "conf": {"plugins": {"standards-site": object()}},
                                  "pre_macro_functions": checks})())
    assert names, "macros/__init__.py registers no macros"
    assert len(checks) == 1, "the page check runs before mkdocs-macros renders a page"
