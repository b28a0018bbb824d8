"""Which editions a build publishes: drafts only in a preview.

A draft edition is validated with everything else, but its pages are generated
only when the build is a preview, asked for with the environment variable
`STANDARDS_PREVIEW=1`:

    STANDARDS_PREVIEW=1 mkdocs serve      # authors see the draft edition
    mkdocs build --strict                 # the public site: no draft pages at all
"""

from __future__ import annotations

import dataclasses

from standards_site.site.content import SiteContent
from standards_site.framework.editions import Framework
from standards_site.framework.model import EditionStatus


def published_framework(framework: Framework, include_drafts: bool) -> Framework:
    """The framework without its draft editions, unless `include_drafts`."""
    if include_drafts:
        return framework
    return Framework({
        edition_id: edition for edition_id, edition in framework.editions.items()
        if edition.edition.status is not EditionStatus.DRAFT
    })


def published_content(content: SiteContent, include_drafts: bool) -> SiteContent:
    """`content` with only the editions this build publishes."""
    return dataclasses.replace(content, framework=published_framework(content.framework, include_drafts))
