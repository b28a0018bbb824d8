"""Command line: `standards-site validate`, `schema`, `new` and `urls`.

    standards-site validate [--root standards]   check all content, report every error
                    [--format github]            also as GitHub annotations and a job summary
    standards-site schema [--out schema]         re-export the JSON Schemas from the model
    standards-site new guide|position <slug>     start a draft guide or position statement
    standards-site new site <folder> --organisation NAME [--short-name NAME]
                                                 start a site for another framework
    standards-site generate <folder>             write the generated pages and data (for other engines)
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
    validate.add_argument("--format", choices=["text", "github"], default="text",
                          help="github: also print GitHub annotations and write the errors to $GITHUB_STEP_SUMMARY")
    schema = commands.add_parser("schema", help="write the JSON Schemas exported from the model")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="output folder (default: schema)")
    new = commands.add_parser("new", help="start a site, or a draft guide or position statement")
    new.add_argument("kind", choices=["site", "guide", "position"], help="what to create")
    new.add_argument("slug", help="a guide's or statement's permanent URL segment, e.g. learning-from-complaints; "
                                  "for a site, the folder to create")
    new.add_argument("--organisation", default="", help="site: the publishing organisation's full name")
    new.add_argument("--short-name", default="", help="site: the name it is cited by (default: the full name)")
    generate = commands.add_parser("generate", help="write the generated Markdown pages and data files to a folder")
    generate.add_argument("out", type=Path, help="folder to write (created; files of the same name are replaced)")
    generate.add_argument("--root", type=Path, default=Path("standards"), help="content folder (default: standards)")
    generate.add_argument("--site-url", default="", help="the site's address, for absolute URLs in the data")
    generate.add_argument("--preview", action="store_true", help="include drafts (never publish the result)")
    generate.add_argument("--organisation", default="", help="the publishing organisation (the feed's author)")
    new.add_argument("--root", type=Path, default=Path("standards"), help="content folder (default: standards)")
    urls = commands.add_parser("urls", help="check or update the URL manifest against a fresh build")
    mode = urls.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="add the URLs the site now publishes")
    mode.add_argument("--check", action="store_true", help="report missing and unlisted URLs")
    urls.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="site config (default: mkdocs.yml)")
    urls.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    args = parser.parse_args(argv)

    if args.command == "validate":
        return _validate(args.root, args.format)
    if args.command == "new" and args.kind == "site":
        return _new_site(Path(args.slug), args.organisation, args.short_name)
    if args.command == "new":
        return _new(args.kind, args.slug, args.root)
    if args.command == "generate":
        return _generate(args.out, args.root, args.site_url, args.preview, args.organisation)
    if args.command == "urls":
        from standards_site.site.url_commands import run_urls

        return run_urls(args.config, args.site, update=args.update)
    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return 0


def _load(root: Path):
    """The content under `root`, or the exit code after reporting why it cannot be loaded."""
    if not root.is_dir():
        print(f"error: content folder '{root}' not found", file=sys.stderr)
        return 2
    try:
        return load_content(root)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1


def _validate(root: Path, output: str = "text") -> int:
    if output == "github":
        return _validate_for_github(root)
    content = _load(root)
    if isinstance(content, int):
        return content
    print("\n".join(_counts(content, root)))
    _report_inspections(content)
    return 0


def _counts(content, root: Path) -> list[str]:
    editions = content.framework.editions.values()
    standards = sum(len(e.standards) for e in editions)
    library = content.library
    terms = len(library.glossary.terms) if library.glossary else 0
    return [f"OK: {len(editions)} edition(s), {standards} standard(s) in {root}",
            f"OK: {len(library.guides)} guide(s), {len(library.positions)} position statement(s), "
            f"{terms} glossary term(s)"]


def _validate_for_github(root: Path) -> int:
    """As `validate`, and each error as a GitHub annotation and in the job summary."""
    import os

    from standards_site.site import check_report

    if not root.is_dir():
        print(f"error: content folder '{root}' not found", file=sys.stderr)
        return 2
    try:
        content = load_content(root)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        print(check_report.annotations(errors.errors))
        _write_summary(os.environ.get("GITHUB_STEP_SUMMARY"), check_report.summary(errors.errors))
        return 1
    counts = _counts(content, root)
    print("\n".join(counts))
    _report_inspections(content)
    _write_summary(os.environ.get("GITHUB_STEP_SUMMARY"), check_report.success_summary("\n\n".join(counts)))
    return 0


def _write_summary(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(text)


def _new(kind: str, slug: str, root: Path) -> int:
    try:
        path = scaffold(kind, slug, root)
    except ScaffoldError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {path}: a draft; preview it with STANDARDS_PREVIEW=1 mkdocs serve")
    return 0


def _new_site(target: Path, name: str, short_name: str) -> int:
    from standards_site.site.new_site import NewSiteError, new_site

    try:
        written = new_site(target, name, short_name)
    except NewSiteError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files in {target}: read {target / 'README.md'}, then run "
          f"'mkdocs serve' there")
    return 0


def _generate(out: Path, root: Path, site_url: str, preview: bool, organisation: str) -> int:
    """The pages and data the plugin would add to a build, as files (the same code)."""
    from standards_site.site.generated import generated_files
    from standards_site.site.publishing import published_content
    from standards_site.site.settings import Organisation, SiteSettings

    content = _load(root)
    if isinstance(content, int):
        return content
    settings = SiteSettings(site_url=site_url, preview=preview, organisation=Organisation(organisation, organisation))
    files = generated_files(published_content(content, settings))
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files in {out}")
    return 0


def _report_inspections(content) -> None:
    """Count inspections and print their warnings (a recommendation with no response)."""
    records = content.inspections.records.values()
    recommendations = sum(len(r.inspection.recommendations) for r in records)
    print(f"OK: {len(records)} inspection(s), {recommendations} recommendation(s)")
    for record in records:
        for warning in record.warnings:
            print(f"warning: {warning}", file=sys.stderr)
