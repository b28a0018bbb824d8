"""Where our layer's time goes in one build: what `benchmarks.run` adds to each size's results.

    python -m benchmarks.layer_costs build/bench/corpus-20    # prints JSON (milliseconds)

The build ratio compares whole builds; this splits the difference into its parts,
each timed once in a fresh interpreter that has already imported what plain MkDocs
+ Material import too (MkDocs, Markdown, Jinja, PyYAML), so that only our layer's
own costs are counted:

- `mkdocs_macros_import`: importing the mkdocs-macros plugin (it imports `requests`);
- `mkdocs_macros_git_info`: the `git` commands mkdocs-macros runs on every build to fill
  its `git` variable (12 of them in 1.5.0; it has no setting to turn them off);
- `pydantic_import`, `our_modules_import`: the content model's library, then our modules;
- `load_content`: reading and validating `standards/` (the first validation also builds
  pydantic's validators);
- `generate_pages`: the generated Markdown, data files and feed.

Generated pages then pass through MkDocs like any other page; that cost is in the
build times, not here.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_ONE_RUN = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import markdown, jinja2, yaml, mkdocs.commands.build, material  # plain MkDocs has these too

def timed(action):
    start = time.perf_counter()
    result = action()
    return result, round(1000 * (time.perf_counter() - start), 1)

costs = {}
_, costs["mkdocs_macros_import"] = timed(lambda: __import__("mkdocs_macros.plugin"))
import mkdocs_macros.context
os.chdir(sys.argv[2])
_, costs["mkdocs_macros_git_info"] = timed(mkdocs_macros.context.get_git_info)
_, costs["pydantic_import"] = timed(lambda: __import__("pydantic"))
_, costs["our_modules_import"] = timed(lambda: [__import__(m) for m in ("standards_site.macros", "standards_site.site.generated", "standards_site.site.content")])
from standards_site.site.content import load_content
from standards_site.site.generated import generated_files
content, costs["load_content"] = timed(lambda: load_content(Path(sys.argv[2]) / "standards"))
files, costs["generate_pages"] = timed(lambda: generated_files(content))
costs["generated_files"] = len(files)
print(json.dumps(costs))
"""


def layer_costs(corpus: Path, runs: int = 3) -> dict:
    """Median milliseconds of each part over `runs` fresh interpreters."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    samples = [
        json.loads(subprocess.run([sys.executable, "-c", _ONE_RUN, str(ROOT), str(corpus)], env=env,
                                  capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    ]
    medians = {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}
    medians["total_ms"] = round(sum(v for k, v in medians.items() if k != "generated_files"), 1)
    return medians


if __name__ == "__main__":
    print(json.dumps(layer_costs(Path(sys.argv[1]).resolve()), indent=2))
