"""Command line: `python -m macros validate` and `python -m macros schema`.

    python -m macros validate [--root standards]   check all content, report every error
    python -m macros schema [--out schema]         re-export the JSON Schemas from the model
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import load_content
from .errors import ContentErrors
from .schema import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every content file and report all errors")
    validate.add_argument("--root", type=Path, default=Path("standards"), help="content folder (default: standards)")
    schema = commands.add_parser("schema", help="write the JSON Schemas exported from the model")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="output folder (default: schema)")
    args = parser.parse_args(argv)

    if args.command == "validate":
        return _validate(args.root)
    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return 0


def _validate(root: Path) -> int:
    if not root.is_dir():
        print(f"error: content folder '{root}' not found", file=sys.stderr)
        return 2
    try:
        content = load_content(root)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    editions = content.framework.editions.values()
    standards = sum(len(e.standards) for e in editions)
    print(f"OK: {len(editions)} edition(s), {standards} standard(s) in {root}")
    _report_inspections(content)
    return 0


def _report_inspections(content) -> None:
    """Count inspections and print their warnings (a recommendation with no response)."""
    records = content.inspections.records.values()
    recommendations = sum(len(r.inspection.recommendations) for r in records)
    print(f"OK: {len(records)} inspection(s), {recommendations} recommendation(s)")
    for record in records:
        for warning in record.warnings:
            print(f"warning: {warning}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
