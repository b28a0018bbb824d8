"""The search and asset hooks import small modules only.

benchmarks/run.py compares our build with plain MkDocs running the same search and
asset hooks; if those hooks pulled in the content model, the plain build would pay
for part of our layer and the measured ratio would flatter us.
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


def test_the_search_and_asset_hooks_leave_the_content_model_and_templates_unloaded():
    loaded = modules_after_importing("macros.search_index", "macros.build_state", "macros.asset_hooks")
    assert not {"pydantic", "macros.model", "macros.content", "macros.rendering"} & loaded


def test_the_package_still_gives_mkdocs_macros_its_define_env():
    loaded = modules_after_importing("macros")
    assert "macros.author_macros" not in loaded
    import macros

    assert macros.define_env.__module__ == "macros.author_macros"
