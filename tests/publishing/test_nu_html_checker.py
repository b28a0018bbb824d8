"""The W3C Nu Html Checker finds no error in our markup, over the whole built real site.

vnu.jar (npm package vnu-jar, tests/node) runs once over every HTML page, the redirect
pages and the 404 page included. What remains of its errors and warnings comes from the
theme or from the checker itself, and is listed below with why it is not ours and why it is
harmless; anything else fails. An entry that no longer matches anything fails too, so the
list only shrinks when Material (or vnu) changes. vnu's other notes (`info`, such as "Trailing
slash on void elements", which Python-Markdown writes) are not checked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict

import pytest

from tests.publishing.nu_checker import Allowed, Message, check_site

#: Errors in Material for MkDocs' own markup (its templates, which we do not override).
THEME_ERRORS = (
    Allowed(
        message=r"^Attribute “autocomplete” is only allowed when the input type is ",
        extract=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
                r'id="__(drawer|search)" autocomplete="off">',
        source="Material's base.html: the two hidden checkboxes that open the navigation drawer and "
               "the search panel carry autocomplete=\"off\"; we extend base.html without touching them.",
        harmless="It only keeps Firefox from restoring a checkbox's state after a reload or Back (a "
                 "drawer found open); other browsers ignore the attribute there. Nothing is shown or "
                 "announced differently.",
    ),
    Allowed(
        message=r"^Bad value “” for attribute “tabindex” on element “label”: The empty string is not "
                r"a valid integer\.$",
        extract=r'<label class="md-nav__link[^"]*" for="__nav_[\d_]+" id="__nav_[\d_]+_label" tabindex="">',
        source="Material's partials/nav-item.html writes tabindex=\"{{ tabindex }}\", which is empty for "
               "the heading of a menu section (navigation.sections: 'Cite and reuse', 'For authors').",
        harmless="Browsers ignore an empty tabindex as if it were absent, and a label is not focusable: "
                 "the section heading stays out of the tab order, as Material means it to, and the "
                 "links under it are reached by Tab as usual.",
    ),
    Allowed(
        message=r"^The value of the “for” attribute of the “label” element must be the ID of a "
                r"non-hidden form control\.$",
        extract=r'<label class="md-nav__title" for="__toc">',
        source="Material's partials/toc.html titles every table of contents with <label for=\"__toc\">, "
               "but partials/nav-item.html writes the __toc checkbox only on pages that are in the menu; "
               "the generated pages (standards, guides, tags) are kept out of it, as Material writes the "
               "whole menu into every page.",
        harmless="The label shows 'Table of contents' above the list and, with no checkbox to toggle, "
                 "does nothing when clicked; the list itself is a <nav aria-label=\"Table of contents\">.",
    ),
)

#: Warnings that come from how the checker reads the site, not from the markup.
CHECKER_WARNINGS = (
    Allowed(
        message=r"^Resource violates Content Security Policy \(meta tag\): external (stylesheet|script) "
                r"“[^”]*” blocked by “(style|script)-src” directive\.$",
        extract=r'<(link rel="stylesheet"|script) [^>]*\b(href|src)="(\.\./|/)*assets/',
        source="The checker reads the pages as file: URLs, whose origin is opaque: 'self' in our policy "
               "(standards_site/mkdocs/csp.py) then matches nothing, so every stylesheet and script of "
               "the site itself (under assets/) is reported.",
        harmless="Served over HTTP(S), as the public gets it, they are same-origin and allowed: "
                 "tests/security/test_content_security_policy.py loads pages in Chromium under the "
                 "policy and no violation is reported.",
    ),
    Allowed(
        message=r"^Inline script violates Content Security Policy \(meta tag\): blocked by “script-src” "
                r"directive \(missing “‘unsafe-inline’” or nonce/hash\)\.$",
        extract=r'<script id="(__config|self-assessment-crosswalk)" type="application/json">',
        source="Material's base.html writes its settings as a JSON data block "
               "(<script id=\"__config\" type=\"application/json\">), which the checker takes for a script; "
               "so is the crosswalk a self-assessment worksheet carries on a site with several editions "
               "(templates/framework/self_assessment.md.j2).",
        harmless="A data block never runs, and browsers do not ask the policy about it (the HTML standard "
                 "checks the policy only for scripts that run); Material reads it as data. The inline "
                 "scripts that do run are allowed by their hashes, and the checker accepts those.",
    ),
    Allowed(
        message=r"^Resource violates Content Security Policy \(meta tag\): image “[^”]*” blocked by “img-src” "
                r"directive\.$",
        extract=r'<img alt="[^"]+" src="(\.\./)*images/[\w-]+\.png"',
        source="As for the assets above: the checker reads the pages as file: URLs, where 'self' matches "
               "nothing, so the pictures of the help pages (docs/authors/images/, the editor's screenshots) "
               "are reported.",
        harmless="Served over HTTP(S) they are same-origin, which the policy's img-src 'self' allows.",
    ),
)


@pytest.fixture(scope="module")
def nu_messages(built_site, shared_builds) -> list[Message]:
    """vnu's messages about the built site, from one run per test run (shared by xdist workers)."""
    assert next(built_site.rglob("*.html"), None) is not None, f"no HTML page in {built_site}"
    _, record = shared_builds.once(
        "nu-html-checker-real-site", lambda _: {"messages": [asdict(m) for m in check_site(built_site)]})
    return [Message(**message) for message in record["messages"]]


def _not_allowed(messages: list[Message], kind: str, allowed: tuple[Allowed, ...]) -> list[Message]:
    return [m for m in messages if m.kind == kind and not any(entry.matches(m) for entry in allowed)]


def _report(messages: list[Message]) -> str:
    """Each distinct message once, with the pages it is on (the first three in full)."""
    by_text: dict[str, list[Message]] = defaultdict(list)
    for message in messages:
        by_text[message.text].append(message)
    lines = []
    for text, found in by_text.items():
        lines.append(f"{text} ({len(found)} in {len({m.page for m in found})} pages)")
        lines += [f"  {m}" for m in found[:3]]
    return "\n".join(lines)


def test_no_errors_but_the_themes(nu_messages):
    ours = _not_allowed(nu_messages, "error", THEME_ERRORS)
    assert not ours, f"Nu Html Checker errors in the built site:\n{_report(ours)}"


def test_no_warnings_but_the_checkers_own(nu_messages):
    ours = _not_allowed(nu_messages, "warning", CHECKER_WARNINGS)
    assert not ours, f"Nu Html Checker warnings in the built site:\n{_report(ours)}"


@pytest.mark.parametrize("kind, entry", [
    pytest.param(kind, entry, id=f"{kind}: {re.sub(r'[^A-Za-z ]', '', entry.message)[:40].strip()}")
    for kind, entries in (("error", THEME_ERRORS), ("warning", CHECKER_WARNINGS)) for entry in entries
])
def test_every_allowed_message_still_occurs(nu_messages, kind, entry):
    """An entry that matches nothing is stale (Material or vnu fixed it): remove it."""
    assert any(m.kind == kind and entry.matches(m) for m in nu_messages), (
        f"no {kind} matches this allow-list entry any more, remove it: {entry.message}")
