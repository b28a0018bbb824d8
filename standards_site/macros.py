"""Macros authors can use in any Markdown page that sets `render_macros: true`.

    {{ standard_link("1.2") }}                  -> [1.2 Staff](link to the current edition's page)
    {{ standard_link("1.2", edition="2018") }}  -> the same standard in a named edition
    {{ standard_link("1.2", level="good") }}    -> straight to the Good tab
    {{ characteristics_table("1.2") }}          -> the four levels' summaries as a table
    {{ rating("requires improvement") }}        -> a rating label that does not rely on colour
    {{ citation("1.2", level="good") }}         -> the citation a standard page gives, with a copy button
    {% for id in current_standards() %}         -> the current edition's standard ids, in order
    {{ organisation("name") }}                  -> the publisher, from the plugin's `organisation`
    {{ contact("email") }}                      -> a contact detail, from the plugin's `contact`
    {{ contact_options() }}                     -> email, and telephone if set, as a list
    {{ accessibility("compliance") }}           -> the statement's compliance, `prepared`, `last_reviewed`
    {{ licence("terms") }}                      -> the reuse terms' `name`, `url`, `terms`, `source`
    {{ reuse_terms() }}                         -> the reuse terms, with the licence and their source
    {{ known_accessibility_issues() }}          -> the problems listed in standards/accessibility.yml
    {{ placeholder("who audited the site") }}   -> a visible gap that a publishing build refuses
    {{ action_plan_links() }}                   -> each inspection's action-plan tracker, on one line

A setting that is not set shows as a visible placeholder naming the option; so does
`placeholder()`. A preview or test build shows them; a publishing build
(STANDARDS_PUBLISH=1) fails and lists every one.

An unknown id does not stop rendering: it is recorded and reported with every
other unresolved reference when the build ends, and the build fails then. So is a
macro name that does not exist, or a page whose `{{ }}` / `{% %}` do not parse: the
page is checked before mkdocs-macros renders it (which would print a traceback).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional
from urllib.parse import quote

from jinja2 import TemplateSyntaxError
from jinja2.meta import find_undeclared_variables
from markupsafe import Markup

from standards_site.core import urls
from standards_site.core.dates import long_date
from standards_site.framework import citations
from standards_site.framework.editions import UnknownReference
from standards_site.inspections.pages import action_plan_page
from standards_site.core.rendering import md_escape, render
from standards_site.core.suggest import unknown
from standards_site.site.build_state import BuildState


def define_env(env: Any) -> None:
    """Entry point for mkdocs-macros: register the macros.

    They read the content the `standards-site` plugin loaded for this build (it
    runs before mkdocs-macros, and keeps what a build knows on itself).
    """
    plugin = env.conf["plugins"].get("standards-site")
    if plugin is None:
        raise RuntimeError("mkdocs.yml lists 'macros' but not the 'standards-site' plugin the macros read from")

    def state() -> BuildState:
        return plugin.build

    def check_page(env: Any) -> None:
        """Before rendering: every name is known and the page parses, or it is reported."""
        if not _will_render(env):
            return
        problem = _page_problem(env)
        if problem:
            state().unresolved.append(f"docs/{env.page.file.src_uri}{problem}")
            env.variables["page"].meta["render_macros"] = False   # the build fails when it ends

    # mkdocs-macros may load the module twice (as local and as external module).
    if check_page.__qualname__ not in {getattr(f, "__qualname__", "") for f in env.pre_macro_functions}:
        env.pre_macro_functions.append(check_page)

    def current_page() -> str:
        return env.page.file.src_uri

    @env.macro
    def standard_link(standard_id: str, edition: Optional[str] = None, level: Optional[str] = None) -> str:
        """A link to a standard (and optionally one of its rating levels) by id."""
        return _standard_link(state(), current_page(), standard_id, edition, level)

    @env.macro
    def characteristics_table(standard_id: str, edition: Optional[str] = None) -> str:
        """The summary line of each rating level of a standard, as a table with links."""
        return _characteristics_table(state(), current_page(), standard_id, edition)

    @env.macro
    def current_standards() -> list[str]:
        """The ids of the current edition's standards, in reading order."""
        return list(state().framework.edition().standards)

    @env.macro
    def organisation(detail: str) -> str:
        """The publisher's `name`, `short_name` or `url`, as set in mkdocs.yml."""
        return _setting(state(), current_page(), "organisation", detail)

    @env.macro
    def contact(detail: str) -> str:
        """A contact detail (`email`, `phone`, `hours`, `response_days`), as set in mkdocs.yml."""
        return _setting(state(), current_page(), "contact", detail)

    @env.macro
    def contact_options() -> str:
        """How to get in touch, as a list: email, and telephone with its hours when there is one."""
        page, contact = current_page(), state().content.settings.contact
        email = _setting(state(), page, "contact", "email")
        phone = _setting(state(), page, "contact", "phone") if contact.phone else ""
        hours = _setting(state(), page, "contact", "hours") if contact.phone and contact.hours else ""
        return render("site/contact_options.md.j2", email=Markup(email), phone=Markup(phone), hours=Markup(hours))

    @env.macro
    def accessibility(detail: str) -> str:
        """What the accessibility statement says: `compliance`, `prepared`, `last_reviewed`."""
        return _setting(state(), current_page(), "accessibility", detail)

    @env.macro
    def licence(detail: str) -> str:
        """The reuse terms: `name`, `url`, `terms` (the source's words) or `source`."""
        return _setting(state(), current_page(), "licence", detail)

    @env.macro
    def reuse_terms() -> str:
        """The terms on which the content may be reused, with the licence and where they are stated."""
        licence = state().content.settings.licence
        if not licence.name:
            return _placeholder(state(), current_page(), "the reuse terms: set the standards-site plugin's "
                                "`licence` option in mkdocs.yml (name, url, terms, source)")
        return render("site/reuse_terms.md.j2", licence=licence, url=Markup(_link_destination(licence.url)))

    @env.macro
    def known_accessibility_issues() -> str:
        """The problems listed in standards/accessibility.yml, as a list."""
        issues = state().content.accessibility
        if issues is None:
            return _placeholder(state(), current_page(), "the known problems: list them in "
                                "standards/accessibility.yml (known_issues: [] if there are none)")
        return render("site/known_issues.md.j2", issues=issues.known_issues)

    @env.macro
    def placeholder(what: str) -> str:
        """A visible gap for the inspectorate to fill in; a publishing build refuses it."""
        return _placeholder(state(), current_page(), str(what))

    @env.macro
    def action_plan_links() -> str:
        """A link to each published action-plan tracker, on one line (it can sit in a list item)."""
        return _action_plan_links(state(), current_page())

    @env.macro
    def citation(standard_id: str, edition: Optional[str] = None, level: Optional[str] = None) -> str:
        """The citation of a standard (or one of its levels) that its page gives, in a copy box."""
        return _citation(state(), current_page(), standard_id, edition, level)

    @env.macro
    def rating(level: str, edition: Optional[str] = None) -> str:
        """A rating label from an edition's scale (default: the current edition), e.g. `rating("good")`."""
        return _rating(state(), current_page(), level, edition)


def _setting(state: BuildState, page: str, group: str, detail: str) -> str:
    """A configured value as literal text, or a visible placeholder naming the option to set."""
    settings = getattr(state.content.settings, group)
    known = list(settings.__dataclass_fields__)
    if detail not in known:
        return _unresolved(state, page, f"{group}({detail!r})", unknown(f"no {group} detail '{detail}'", detail, known))
    value = getattr(settings, detail)
    if value in ("", None):
        return _placeholder(state, page, f"{group}.{detail} is not yet set in mkdocs.yml "
                                         f"(the standards-site plugin's `{group}` option)")
    return md_escape(long_date(value) if isinstance(value, date) else value)


def _link_destination(url: str) -> str:
    """A configured URL made safe as a Markdown link's destination: what could end the
    link or start markup (spaces, brackets, quotes, `<`) is percent-encoded."""
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def _placeholder(state: BuildState, page: str, what: str) -> str:
    state.placeholders.append(f"docs/{page}: {what}")
    return f"**[To be completed: {md_escape(what)}]**"


def _find_standard(state: BuildState, standard_id: Any, edition: Optional[str], level: Optional[str]):
    """The edition, standard and rating level (or None) a macro names; UnknownReference if any is unknown."""
    found = state.framework.edition(edition)
    standard = state.framework.standard(str(standard_id), edition)
    return found, standard, found.level(level) if level else None


def _standard_link(state: BuildState, page: str, standard_id: Any, edition: Optional[str], level: Optional[str]) -> str:
    try:
        found, standard, rating_level = _find_standard(state, standard_id, edition, level)
    except UnknownReference as problem:
        return _unresolved(state, page, f"standard_link({standard_id!r})", str(problem))
    target = urls.relative_link(page, urls.standard_page(found.id, standard.id))
    text = f"{standard.id} {standard.title}"
    if rating_level:
        target += f"#{rating_level.id}"
        text += f": {rating_level.label}"
    return f"[{md_escape(text)}]({target})"


def _citation(state: BuildState, page: str, standard_id: Any, edition: Optional[str], level: Optional[str]) -> str:
    try:
        found, standard, rating_level = _find_standard(state, standard_id, edition, level)
    except UnknownReference as problem:
        return _unresolved(state, page, f"citation({standard_id!r})", str(problem))
    cited = citations.standard_citation(state.content.settings.site_url, found, standard, rating_level)
    return render("framework/citation_box.html.j2", citation=citations.citation_text(cited),
                  box_class="citation--example").strip()


def _characteristics_table(state: BuildState, page: str, standard_id: Any, edition: Optional[str]) -> str:
    try:
        found = state.framework.edition(edition)
        standard = state.framework.standard(str(standard_id), edition)
    except UnknownReference as problem:
        return _unresolved(state, page, f"characteristics_table({standard_id!r})", str(problem))
    target = urls.relative_link(page, urls.standard_page(found.id, standard.id))
    return render(
        "framework/characteristics_table.md.j2",
        standard=standard,
        rows=[(level, characteristic, Markup(f"{target}#{level.id}"))
              for level, characteristic in found.characteristics(standard)],
    )


def _rating(state: BuildState, page: str, level: str, edition: Optional[str] = None) -> str:
    try:
        found = state.framework.edition(edition).level(str(level))
    except UnknownReference as problem:
        return _unresolved(state, page, f"rating({level!r})", str(problem))
    return render("framework/rating.html.j2", level=found).strip()


def _action_plan_links(state: BuildState, page: str) -> str:
    records = [r for r in state.content.inspections.records.values() if r.action_plan is not None]
    links = [(r.inspection.title, Markup(urls.relative_link(page, action_plan_page(r.id)))) for r in records]
    return render("inspections/action_plan_links.md.j2", links=links).strip()


def _will_render(env: Any) -> bool:
    """Whether mkdocs-macros will render this page (its own rule, from its configuration)."""
    wanted = env.variables["page"].meta.get("render_macros")
    if wanted is False:
        return False
    return bool(wanted) or env.config["render_by_default"] or env.force_page_rendering(env.page.file.src_path)


def _page_problem(env: Any) -> Optional[str]:
    """':line: what is wrong' for a page that would not render, or None."""
    try:
        parsed = env.env.parse(env.markdown)
        env.env.compile(parsed)   # an unknown filter is found when compiling, not parsing
    except TemplateSyntaxError as error:
        return f":{_source_line(env, error.lineno)}: {{{{ }}}} or {{% %}} cannot be read: {error.message}"
    known = {*env.variables, *env.env.globals, *env.variables["page"].meta}
    unknown_names = sorted(find_undeclared_variables(parsed) - known)
    if not unknown_names:
        return None
    name = unknown_names[0]
    line = next((n for n, text in enumerate(env.markdown.splitlines(), 1) if name in text), None)
    where = f":{_source_line(env, line)}" if line else ""
    return f"{where}: {name}: " + unknown(f"there is no macro or variable '{name}'", name, sorted(env.macros))


def _source_line(env: Any, line: Optional[int]) -> Optional[int]:
    """A line of the Markdown mkdocs-macros renders, as a line of the file (after its front matter)."""
    if line is None:
        return None
    source = env.page.file.content_string
    return line + source.count("\n") - env.markdown.count("\n")


def _unresolved(state: BuildState, page: str, call: str, reason: str) -> str:
    state.unresolved.append(f"docs/{page}: {call}: {reason}")
    return f"**[unresolved: {md_escape(call)}]**"
