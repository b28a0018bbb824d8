"""Command line: `standards-site validate`, `schema`, `new` and `urls`.

    standards-site validate [--root standards]   check all content, report every error
    standards-site schema [--out schema]         re-export the JSON Schemas from the model
    standards-site new guide|position <slug>     start a draft guide or position statement
    standards-site urls --update                 build the site, add new URLs to url-manifest.txt
    standards-site urls --check                  build the site, fail if the manifest is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from standards_site.site.content import load_content
from standards_site.core.errors import ContentErrors
from standards_site.library.scaffold import ScaffoldError, scaffold
from standards_site.site.schema import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="standards-site", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every content file and report all errors")
    validate.add_argument("--root", type=Path, default=Path("standards"), help="content folder (default: standards)")
    schema = commands.add_parser("schema", help="write the JSON Schemas exported from the model")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="output folder (default: schema)")
    new = commands.add_parser("new", help="start a draft guide or position statement with valid front matter")
    new.add_argument("kind", choices=["guide", "position"], help="what to create")
    new.add_argument("slug", help="its permanent URL segment, e.g. learning-from-complaints")
    new.add_argument("--root", type=Path, default=Path("standards"), help="content folder (default: standards)")
    urls = commands.add_parser("urls", help="check or update the URL manifest against a fresh build")
    mode = urls.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="add the URLs the site now publishes")
    mode.add_argument("--check", action="store_true", help="report missing and unlisted URLs")
    urls.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="site config (default: mkdocs.yml)")
    urls.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    args = parser.parse_args(argv)

    if args.command == "validate":
        return _validate(args.root)
    if args.command == "new":
        return _new(args.kind, args.slug, args.root)
    if args.command == "urls":
        from standards_site.site.url_commands import run_urls

        return run_urls(args.config, args.site, update=args.update)
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
    library = content.library
    terms = len(library.glossary.terms) if library.glossary else 0
    print(f"OK: {len(editions)} edition(s), {standards} standard(s) in {root}")
    print(f"OK: {len(library.guides)} guide(s), {len(library.positions)} position statement(s), "
          f"{terms} glossary term(s)")
    _report_inspections(content)
    return 0


def _new(kind: str, slug: str, root: Path) -> int:
    try:
        path = scaffold(kind, slug, root)
    except ScaffoldError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {path}: a draft; preview it with STANDARDS_PREVIEW=1 mkdocs serve")
    return 0


def _report_inspections(content) -> None:
    """Count inspections and print their warnings (a recommendation with no response)."""
    records = content.inspections.records.values()
    recommendations = sum(len(r.inspection.recommendations) for r in records)
    print(f"OK: {len(records)} inspection(s), {recommendations} recommendation(s)")
    for record in records:
        for warning in record.warnings:
            print(f"warning: {warning}", file=sys.stderr)
