"""What one build knows, shared by the plugin and the author macros.

The plugin loads the content once per build and keeps a `BuildState` on itself;
macros look things up in it while pages render and record the references they
cannot resolve; the plugin reports those once every page has rendered (two-phase
resolution, as mkdocs-autorefs does), so an author sees every broken reference in
one run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations
    from standards_site.site.content import SiteContent
    from standards_site.framework.editions import Framework


@dataclass
class BuildState:
    content: SiteContent
    unresolved: list[str] = field(default_factory=list)
    #: "page: what is not yet set" for each placeholder a page shows (a publishing build refuses them).
    placeholders: list[str] = field(default_factory=list)

    @property
    def framework(self) -> Framework:
        return self.content.framework

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """The glossary's abbreviations and their expansions, explained on every page."""
        from standards_site.library.pages import abbreviations

        return abbreviations(self.content.library.glossary)

    def unresolved_report(self) -> str:
        count = len(self.unresolved)
        noun = "reference" if count == 1 else "references"
        return "\n".join([f"{count} unresolved {noun} in pages:"] + [f"  {item}" for item in self.unresolved])

    def placeholders_report(self) -> str:
        count = len(self.placeholders)
        noun = "placeholder" if count == 1 else "placeholders"
        lines = [f"{count} {noun} in pages, which a published site must not show (STANDARDS_PUBLISH is on):"]
        return "\n".join(lines + [f"  {item}" for item in self.placeholders])
