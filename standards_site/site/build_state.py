"""What one build knows, shared by the MkDocs hooks and the author macros.

The hooks load the content once per build (`start`); macros look things up in
it while pages render and record the references they cannot resolve; the hooks
report those once every page has rendered (two-phase resolution, as
mkdocs-autorefs does), so an author sees every broken reference in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # only for annotations: this module is imported by the light search hook
    from standards_site.site.content import SiteContent
    from standards_site.framework.editions import Framework


@dataclass
class BuildState:
    content: SiteContent
    #: The public address of the site (`site_url` in mkdocs.yml), for absolute URLs in citations.
    site_url: str = ""
    unresolved: list[str] = field(default_factory=list)

    @property
    def framework(self) -> Framework:
        return self.content.framework

    @cached_property
    def abbreviations(self) -> str:
        """The glossary's abbreviations as `*[ABBR]: Expansion` lines, appended to every page."""
        from standards_site.library.pages import abbreviations_markdown

        return abbreviations_markdown(self.content.library.glossary)

    def unresolved_report(self) -> str:
        count = len(self.unresolved)
        noun = "reference" if count == 1 else "references"
        return "\n".join([f"{count} unresolved {noun} in pages:"] + [f"  {item}" for item in self.unresolved])


_current: Optional[BuildState] = None


def start(content: SiteContent, site_url: str = "") -> BuildState:
    """Begin a build with freshly loaded content."""
    global _current
    _current = BuildState(content, site_url=site_url)
    return _current


def has_started() -> bool:
    """True once a build (or a test) has called `start`."""
    return _current is not None


def current() -> BuildState:
    if _current is None:
        raise RuntimeError("the standards content has not been loaded: is standards_site/mkdocs/hooks.py in mkdocs.yml 'hooks'?")
    return _current
