"""Run axe-core in a Playwright page and describe its violations for a test failure.

axe-core comes from npm (tests/node, pinned in package-lock.json) and is injected into
each page under test, so the rules that run are exactly those of that version.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parent.parent / "node" / "node_modules" / "axe-core" / "axe.min.js"

#: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

_RUN_AXE = """async (tags) => (await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
})).violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
}))"""


def axe_violations(page: Page) -> list[dict]:
    """The axe violations on the page as it is now: [{id, impact, help, targets}]."""
    if not AXE_JS.exists():
        raise AssertionError(
            f"{AXE_JS} is missing: run `make test` (or `cd tests/node && npm ci`) to install axe-core"
        )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Through DevTools, as a browser extension would: the site's CSP allows no inline script.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(_RUN_AXE, AXE_TAGS)


def describe(where: str, violations: list[dict]) -> list[str]:
    """One readable line per violation, naming the page, the rule and the elements."""
    return [
        f"{where}: {v['id']} ({v['impact']}): {v['help']}: {', '.join(v['targets'][:5])}"
        for v in violations
    ]
