"""Our theme overrides stay in step with the Material version we pin.

A partial in the generator's theme folder (standards_site/mkdocs/theme/) replaces Material's whole file, so a Material upgrade could
silently leave us with a stale copy. Each overridden partial must equal Material's
own, apart from the one change we made and say why.
"""

from pathlib import Path

import material
import pytest

from standards_site.mkdocs.theme import THEME_DIR

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"

# overridden file        Material's line                                      our line
OVERRIDES = [
    (
        "partials/copyright.html",
        "  {% if not config.extra.generator == false %}",
        '  {% set statement = pages | selectattr("src_uri", "equalto", "accessibility.md") | first %}\n'
        '  {% set help = pages | selectattr("src_uri", "equalto", "authors/index.md") | first %}\n'
        "  {% if statement or help %}\n"
        '    <div class="md-copyright__accessibility">\n'
        '      {% if statement %}<a href="{{ statement.url | url }}">Accessibility statement</a>{% endif %}\n'
        '      {% if help %}<a href="{{ help.url | url }}">Help for authors</a>{% endif %}\n'
        "    </div>\n"
        "  {% endif %}\n"
        "  {% if standards_site is defined and standards_site.organisation.name %}\n"
        '    <div class="md-copyright__publisher">\n'
        "      Published by {% if standards_site.organisation.url %}<a href=\"{{ standards_site.organisation.url | e }}\">"
        "{{ standards_site.organisation.name | e }}</a>{% else %}{{ standards_site.organisation.name | e }}{% endif %}\n"
        "    </div>\n"
        "  {% endif %}\n"
        "  {% if standards_site is defined and standards_site.licence.name %}\n"
        "    {% set licence = standards_site.licence %}\n"
        '    <div class="md-copyright__licence">\n'
        '      {{ (licence.terms or "Reusable under the " ~ licence.name ~ ".") | e }}\n'
        '      {% if licence.url %}<a href="{{ licence.url | e }}">Read the {{ licence.name | e }}</a>{% endif %}\n'
        "    </div>\n"
        "  {% endif %}\n"
        "  {% if not config.extra.generator == false %}",
    ),
]


def _without_header(text: str) -> str:
    """Drop the leading `{#- ... -#}` comment (Material's 'generated' note, or ours)."""
    return text.split("-#}\n", 1)[1] if text.startswith("{#-") else text


@pytest.mark.parametrize("partial, theirs, ours", OVERRIDES)
def test_override_is_materials_partial_plus_our_change(partial, theirs, ours):
    original = _without_header((MATERIAL_TEMPLATES / partial).read_text())
    override = _without_header((THEME_DIR / partial).read_text())
    assert original.count(theirs) == 1, f"Material's {partial} changed: re-copy it and re-apply the fix"
    assert override == original.replace(theirs, ours)


#: Templates that extend Material's (with {{ super() }}) rather than replace a file, and
#: overrides that other tests look after.
EXTENSIONS = ["main.html", "404.html"]
CHECKED_ELSEWHERE = {
    "partials/header.html": "a copy of Material's with the Pagefind search box: tests/sites/test_search_build.py",
    "partials/site-search.html": "the Pagefind search box, our own partial (no Material original)",
    "partials/actions.html": "Edit this page as a named link, written anew (Material's is an icon button): "
                             "tests/sites/test_editor_build.py",
}


def test_every_override_is_listed_here():
    overridden = sorted(
        path.relative_to(THEME_DIR).as_posix()
        for path in THEME_DIR.rglob("*.html")
    )
    assert overridden == sorted([partial for partial, _, _ in OVERRIDES] + EXTENSIONS + list(CHECKED_ELSEWHERE))


def test_every_page_loads_the_theme_accessibility_fixes(built_site):
    """The theme's main.html adds the accessibility CSS and JavaScript to every page."""
    assert (built_site / "assets" / "stylesheets" / "accessibility.css").is_file()
    assert (built_site / "assets" / "javascripts" / "accessibility.js").is_file()
    pages = [page for page in built_site.rglob("*.html") if 'http-equiv="refresh"' not in page.read_text()]
    missing = [
        str(page.relative_to(built_site)) for page in pages
        if "assets/stylesheets/accessibility.css" not in page.read_text()
        or "assets/javascripts/accessibility.js" not in page.read_text()
    ]
    assert pages and not missing, f"pages without the accessibility fixes: {missing}"


def test_every_page_links_to_the_accessibility_statement(built_site):
    pages = [page for page in sorted(built_site.rglob("*.html")) if 'http-equiv="refresh"' not in page.read_text()]
    missing = [
        str(page.relative_to(built_site)) for page in pages
        if ">Accessibility statement</a>" not in page.read_text()
    ]
    assert pages and not missing, f"no footer link to the accessibility statement on {missing}"
