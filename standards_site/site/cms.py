"""The browser editor (Decap CMS) at `/admin/`: its configuration, page and edit links.

Authors who are not developers edit the content in the browser; Decap CMS commits each
edit to a branch and opens a pull request (`publish_mode: editorial_workflow`), where the
same checks as for any change run. Everything the editor shows is generated here from the
content model (`framework/model.py`, `library/model.py`, `inspections/model.py`), so a field
added to a model appears in the editor; a type this module cannot map is an error, never a
field silently left out (tests/unit/test_cms.py checks every field of every model).

The rating levels of a standard are the edition's own `rating_scale`: one collection per
edition, one "Level" group per level, whatever the number of levels.

Plain Python: the MkDocs plugin writes what this returns into the site (`editor:` option).
Decap CMS (npm `decap-cms`, installed in `cms/` by `make cms`) rather than Sveltia CMS:
Sveltia has no editorial workflow (edits would be pushed straight to main) and its local
editing goes through the browser's folder picker, which a test cannot drive; Decap's
`decap-server` gives authors and tests a local backend over plain HTTP.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Optional, Union

import yaml
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel

from standards_site.core import urls
from standards_site.framework.model import Edition, Standard
from standards_site.inspections import pages as inspection_urls
from standards_site.inspections.model import ActionPlan, Inspection
from standards_site.library import urls as library_urls
from standards_site.library.model import Glossary, Guide, PositionStatement, Principles
from standards_site.site.accessibility import ACCESSIBILITY_FILE, AccessibilityIssues

#: Where the editor is published, and its files there.
ADMIN_DIR = "admin"
ADMIN_PAGE = f"{ADMIN_DIR}/index.html"
ADMIN_CONFIG = f"{ADMIN_DIR}/config.yml"
#: The editor's script and the chunks it loads, from `decap-cms/dist` in `cms/node_modules`.
SCRIPT_PATTERNS = ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")
#: The npm folder of the editor (repository root), installed by `make cms`.
NPM_FOLDER = Path(__file__).resolve().parent.parent.parent / "cms"
SCRIPT_DIR = NPM_FOLDER / "node_modules" / "decap-cms" / "dist"

#: Text fields that hold sentences or paragraphs get a multi-line box; others a single line.
_LONG_TEXT = {"statement", "summary", "text", "definition", "reason", "intro", "paragraphs", "preamble",
              "purpose", "values_intro", "values_note", "prompts", "items", "problem", "workaround", "plan"}


class EditorConfigError(ValueError):
    """The editor cannot be configured as asked (no repository, no script installed)."""


@dataclass(frozen=True)
class Backend:
    """Where the editor reads and writes.

    Attributes:
        repo: `owner/name` on GitHub (the real deployment: a branch and a pull request per edit).
        branch: The branch pull requests go to.
        local_url: The API of a local `decap-server` (`http://127.0.0.1:8081/api/v1`):
            edits are written straight to the files on disk, for previews and tests.
        auth_url: The OAuth service that signs authors in to GitHub (Decap's `base_url`);
            GitHub Pages cannot run one (docs/authors/editor.md says what to set up).
        content_path: The content folder as a path from the repository's root (`standards`).
        docs_path: The hand-written pages' folder from the repository's root (`docs`).
    """

    repo: str = ""
    branch: str = "main"
    local_url: str = ""
    auth_url: str = ""
    content_path: str = "standards"
    docs_path: str = "docs"

    @property
    def is_local(self) -> bool:
        return bool(self.local_url)

    def as_config(self) -> dict[str, Any]:
        if self.is_local:
            # Decap's `local_backend` is this proxy backend; naming it directly means the
            # editor never tries GitHub, whatever the address it is opened at.
            return {"backend": {"name": "proxy", "proxy_url": self.local_url, "branch": self.branch}}
        if not self.repo:
            raise EditorConfigError("editor: no repository to edit: set editor.repo (owner/name) or repo_url")
        backend = {"name": "github", "repo": self.repo, "branch": self.branch}
        if self.auth_url:
            backend["base_url"] = self.auth_url
        return {"backend": backend, "publish_mode": "editorial_workflow"}


# -- Fields from the model -----------------------------------------------------------------------

def model_fields(model: type[BaseModel], levels: Optional[dict[str, list[tuple[str, str]]]] = None) -> list[dict]:
    """Decap fields for every field of `model`, in the order the content files write them.

    `levels` gives, for a field keyed by rating level (`characteristics`), the `(id, label)`
    of each level of the scale it is keyed by.
    """
    hints = _field_hints(model)
    return [_field(name, info.annotation, info.is_required(), hints.get(name, ""), levels or {})
            for name, info in _ordered_fields(model)]


def _ordered_fields(model: type[BaseModel]) -> list[tuple[str, Any]]:
    """A model's own fields first, its inherited ones (a guide's dates) before `status`:
    the order the files and `new guide` write them, kept when the editor rewrites a file."""
    own = [name for name in model.model_fields if name in model.__annotations__]
    inherited = [name for name in model.model_fields if name not in own]
    if "status" in own:
        at = own.index("status")
        order = own[:at] + inherited + own[at:]
    else:
        order = own + inherited
    return [(name, model.model_fields[name]) for name in order]


def _field(name: str, annotation: Any, required: bool, hint: str, levels: dict) -> dict:
    annotation, optional = _unwrap_optional(annotation)
    field: dict[str, Any] = {"name": name, "label": _label(name)}
    if not required or optional:
        field["required"] = False
    if hint:
        field["hint"] = hint
    field.update(_widget(name, annotation, levels))
    if field.get("required") is False and field.get("widget") == "object":
        # Decap asks for an optional group's required fields even when the group is left
        # empty; the model's own checks still ask for them once any is filled in.
        field["fields"] = [_not_required(sub) for sub in field["fields"]]
    if field.get("widget") == "list" and not required:
        field.setdefault("default", [])
    return field


def _not_required(field: dict) -> dict:
    field = {**field, "required": False}
    if field.get("widget") == "object":
        field["fields"] = [_not_required(sub) for sub in field["fields"]]
    return field


def _widget(name: str, annotation: Any, levels: dict) -> dict:
    """The widget for one type. Raises TypeError for a type it does not know, so a new kind
    of field is noticed (a test fails) rather than left out of the editor."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _widget(name, typing.get_args(annotation)[0], levels)
    if origin is list:
        (item,) = typing.get_args(annotation)
        item = _strip_annotated(item)
        if inspect.isclass(item) and issubclass(item, Enum):
            return {**_select(item), "multiple": True}
        if inspect.isclass(item) and issubclass(item, BaseModel):
            return {"widget": "list", "fields": model_fields(item, levels)}
        single = _widget(name, item, levels)
        # Open, so each paragraph is read where it stands (a closed item shows only "Paragraph").
        return {"widget": "list", "collapsed": False,
                "field": {"name": _singular(name), "label": _label(_singular(name)), **single}}
    if origin is dict:
        _key, value = typing.get_args(annotation)
        if name not in levels:
            raise TypeError(f"{name}: a mapping the editor cannot show (only mappings keyed by rating level)")
        return {"widget": "object", "fields": [_level_field(level_id, label, value, levels)
                                               for level_id, label in levels[name]]}
    if inspect.isclass(annotation) and issubclass(annotation, Enum):
        return _select(annotation)
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        return {"widget": "object", "fields": model_fields(annotation, levels)}
    if annotation is date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "D MMMM YYYY", "time_format": False}
    if annotation is int:
        return {"widget": "number", "value_type": "int"}
    if annotation is str:
        return {"widget": "text" if name in _LONG_TEXT else "string"}
    raise TypeError(f"{name}: the editor has no widget for {annotation!r}: add one in site/cms.py")


def _level_field(level_id: str, label: str, value: Any, levels: dict) -> dict:
    """One level of a mapping keyed by level; its fields are required only where the model's
    own checks ask for every level (a standard's characteristics)."""
    field = {"name": level_id, "label": label, **_widget(level_id, value, levels)}
    if field.get("widget") == "number":
        field["required"] = False    # an inspection states counts only for some levels
    return field


def _select(enum: type[Enum]) -> dict:
    return {"widget": "select", "options": [{"label": _enum_label(member), "value": member.value} for member in enum]}


def _enum_label(member: Enum) -> str:
    return str(member.value).replace("-", " ").capitalize()


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _strip_annotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _singular(name: str) -> str:
    return {"paragraphs": "paragraph", "prompts": "prompt", "items": "item", "tags": "tag", "preamble": "paragraph",
            "purpose": "paragraph", "values_intro": "paragraph", "summary": "paragraph", "inspected": "organisation",
            "related_standards": "standard", "abbreviations": "abbreviation", "standards": "standard",
            "criteria": "criterion"}.get(name, name)


def _field_hints(model: type[BaseModel]) -> dict[str, str]:
    """The `Attributes:` section of the model's docstring (and its bases'): the help under each field."""
    hints: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        doc = inspect.getdoc(cls) if cls.__doc__ else ""
        if "Attributes:" not in (doc or ""):
            continue
        current = None
        for line in doc.split("Attributes:", 1)[1].splitlines():
            match = re.match(r"^\s{4}(\w+):\s+(.*)$", line)
            if match:
                current = match.group(1)
                hints[current] = match.group(2).strip()
            elif current and line.startswith("        ") and line.strip():
                hints[current] += " " + line.strip()
            elif not line.strip():
                current = None
    return {name: re.sub(r"`([^`]*)`", r"\1", text) for name, text in hints.items() if name in model.model_fields}


# -- Collections: one per kind of content file ------------------------------------------------------

def editor_config(content, backend: Backend, site_url: str = "") -> dict[str, Any]:
    """The whole Decap CMS configuration (`admin/config.yml`) for `content` (a SiteContent)."""
    config: dict[str, Any] = {**backend.as_config()}
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    config["media_folder"] = f"{backend.content_path}/media"   # required by Decap; the content has no media
    # No preview pane: Decap's is unstyled text, not the page; the page itself is the
    # preview (`make serve-editor` reloads it on save, a pull request has the built site).
    config["collections"] = [{**collection, "editor": {"preview": False}}
                             for collection in collections(content, backend.content_path)]
    return config


def collections(content, root: str) -> list[dict]:
    """Every collection: standards of each edition, editions, guides, position statements,
    glossary, principles, the accessibility statement's known problems, inspections and action plans."""
    framework = content.framework
    found = [_standards_collection(edition, root) for edition in framework.editions.values()]
    found.append(_editions_collection(framework.editions.values(), root))
    found.append(_library_collection("guides", "Guides", Guide, root))
    found.append(_library_collection("positions", "Position statements", PositionStatement, root))
    found.append(_single_files("glossary", "Glossary", [("glossary", "Glossary terms", "glossary.yml", Glossary, {})], root))
    found.append(_single_files("principles", "Purpose, values and principles",
                               [("principles", "Purpose, values and principles", "principles.yml", Principles, {})], root))
    found.append(_single_files("accessibility", "Accessibility: known problems", [
        ("accessibility", "Known accessibility problems", ACCESSIBILITY_FILE, AccessibilityIssues, {})], root))
    records = content.inspections.records.values()
    found.append(_single_files("inspections", "Inspections", [
        (record.inspection.id, record.inspection.title, f"inspections/{record.inspection.id}/inspection.yml",
         Inspection, {"counts": _scale(framework.editions[record.inspection.framework_edition])})
        for record in records], root))
    found.append(_single_files("action-plans", "Action plans", [
        (record.inspection.id, record.action_plan.title, f"inspections/{record.inspection.id}/action-plan.yml",
         ActionPlan, {}) for record in records if record.action_plan is not None], root))
    return [collection for collection in found if collection.get("files", True)]


def standards_collection_name(edition_id: str) -> str:
    return f"standards-{edition_id}"


def _scale(edition) -> list[tuple[str, str]]:
    return [(level.id, level.label) for level in edition.rating_scale]


def _standards_collection(edition, root: str) -> dict:
    levels = {"characteristics": _scale(edition)}
    return {
        "name": standards_collection_name(edition.id),
        "label": f"Standards, {edition.id} edition",
        "label_singular": "standard",
        "description": (f"The standards of edition {edition.id}: statement, key questions, and what each "
                        f"level of its rating scale ({', '.join(label for _, label in levels['characteristics'])}) "
                        "looks like."),
        "folder": f"{root}/editions/{edition.id}/standards",
        "extension": "yml",
        "format": "yml",
        "create": True,
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": "{{id}} {{title}}",
        "sortable_fields": ["id", "title"],
        "fields": model_fields(Standard, levels),
    }


def _editions_collection(editions, root: str) -> dict:
    return {
        "name": "editions",
        "label": "Editions",
        "description": "Each edition's title, status, rating scale, preamble and domains.",
        "files": [{"name": edition.id, "label": edition.edition.title,
                   "file": f"{root}/editions/{edition.id}/edition.yml",
                   "fields": model_fields(Edition, {"level_descriptors": _scale(edition)})}
                  for edition in editions],
    }


def _library_collection(kind: str, label: str, model: type[BaseModel], root: str) -> dict:
    return {
        "name": kind,
        "label": label,
        "folder": f"{root}/{kind}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "identifier_field": "title",
        "slug": "{{slug}}",
        "summary": "{{title}} ({{status}})",
        # Markdown as written first: the rich-text mode rewrites the Markdown it did not change
        # (list markers, line breaks), which a reviewer then has to read past.
        "fields": model_fields(model) + [{"name": "body", "label": "Text", "widget": "markdown",
                                          "modes": ["raw", "rich_text"],
                                          "hint": "The page's text, in Markdown. No raw HTML."}],
    }


def _single_files(name: str, label: str, files: list, root: str) -> dict:
    return {
        "name": name,
        "label": label,
        "files": [{"name": file_name, "label": file_label, "file": f"{root}/{path}",
                   "fields": model_fields(model, levels)} for file_name, file_label, path, model, levels in files],
    }


# -- The admin page and the edit links ----------------------------------------------------------

def admin_files(content, backend: Backend, site_name: str, site_url: str = "") -> dict[str, str]:
    """`admin/index.html` and `admin/config.yml`, as text (the script is copied beside them)."""
    config = editor_config(content, backend, site_url)
    env = Environment(loader=PackageLoader("standards_site", "templates"), autoescape=select_autoescape(["html", "j2"]))
    page = env.get_template("site/admin.html.j2").render(
        site_name=site_name, policy=admin_policy(backend), config_url="config.yml")
    header = ("# Generated by standards-site from the content model (site/cms.py): do not edit.\n"
              "# Each edition's rating scale gives the level fields of its standards.\n")
    return {ADMIN_PAGE: page,
            ADMIN_CONFIG: header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)}


def admin_policy(backend: Backend) -> str:
    """The admin page's own Content-Security-Policy. Not the pages' policy: Decap CMS is a
    React application that styles itself inline (emotion) and compiles its schemas at run
    time ('unsafe-eval'), and it talks to GitHub (or to the local decap-server). It only runs
    on /admin/, where there is no content shown to readers; its scripts come from this site."""
    connect = "'self'"
    if backend.is_local:
        connect += " " + _origin(backend.local_url)
    else:
        connect += " https://api.github.com https://raw.githubusercontent.com"
        if backend.auth_url:
            connect += " " + _origin(backend.auth_url)
    return ("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com; "
            f"font-src 'self' data:; connect-src {connect} blob:; frame-src 'self' blob:; worker-src 'self' blob:; "
            "object-src 'none'; base-uri 'self'; form-action 'self'")


def _origin(url: str) -> str:
    match = re.match(r"^(https?://[^/]+)", url)
    return match.group(1) if match else url


def editor_entry(collection: str, entry: str) -> str:
    """The editor's address of one entry, from the admin page: `#/collections/guides/entries/x`."""
    return f"#/collections/{collection}/entries/{entry}"


def edit_links(content) -> dict[str, str]:
    """Each generated page whose text comes from one content file: the editor entry that
    edits it (`{src_uri: "#/collections/…"}`, to be put after the admin page's URL)."""
    links: dict[str, str] = {}
    for edition in content.framework.editions.values():
        links[urls.edition_page(edition.id)] = editor_entry("editions", edition.id)
        for standard_id in edition.standards:
            links[urls.standard_page(edition.id, standard_id)] = editor_entry(
                standards_collection_name(edition.id), standard_id)
    library = content.library
    for kind, items in (("guides", library.guides), ("positions", library.positions)):
        for slug in items:
            links[library_urls.item_page(kind, slug)] = editor_entry(kind, slug)
    if library.glossary is not None:
        links[library_urls.GLOSSARY] = editor_entry("glossary", "glossary")
    if library.principles is not None:
        links[library_urls.PRINCIPLES] = editor_entry("principles", "principles")
    for record in content.inspections.records.values():
        inspection_id = record.inspection.id
        links[inspection_urls.inspection_page(inspection_id)] = editor_entry("inspections", inspection_id)
        if record.action_plan is not None:
            links[inspection_urls.action_plan_page(inspection_id)] = editor_entry("action-plans", inspection_id)
    return links


def source_edit_url(backend: Backend, src_uri: str) -> str:
    """A hand-written page's source on GitHub, in GitHub's own editor ("" without a repository)."""
    if not backend.repo:
        return ""
    return f"https://github.com/{backend.repo}/edit/{backend.branch}/{backend.docs_path}/{src_uri}"


def editor_script_files(script_dir: Path = SCRIPT_DIR) -> list[Path]:
    """Decap CMS's script and the chunks and WebAssembly it loads beside itself (no source maps:
    25 MB that only a developer's tools read). Empty when `make cms` has not installed it."""
    if not (script_dir / "decap-cms.js").is_file():
        return []
    return sorted({path for pattern in SCRIPT_PATTERNS for path in script_dir.glob(pattern)})
