"""Which editions a build publishes: drafts only in a preview.

A draft edition is validated with everything else, but its pages are generated
only when the build is a preview (the plugin's `preview` option, which mkdocs.yml
reads from the environment variable `STANDARDS_PREVIEW`):

    STANDARDS_PREVIEW=1 mkdocs serve      # authors see the draft edition
    mkdocs build --strict                 # the public site: no draft pages at all
"""

from __future__ import annotations

import dataclasses

from standards_site.site.content import SiteContent
from standards_site.framework.editions import Framework
from standards_site.framework.model import EditionStatus
from standards_site.site.settings import SiteSettings


def published_framework(framework: Framework, include_drafts: bool) -> Framework:
    """The framework without its draft editions, unless `include_drafts`."""
    if include_drafts:
        return framework
    return Framework({
        edition_id: edition for edition_id, edition in framework.editions.items()
        if edition.edition.status is not EditionStatus.DRAFT
    })


def published_content(content: SiteContent, settings: SiteSettings) -> SiteContent:
    """`content` as this build publishes it: its settings, and drafts only in a preview."""
    framework = published_framework(content.framework, settings.preview)
    return dataclasses.replace(content, framework=framework, settings=settings)
