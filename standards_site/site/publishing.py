"""What a build publishes: drafts only in a preview, and a publishing build's checks.

A draft edition is validated with everything else, but its pages are generated
only when the build is a preview (the plugin's `preview` option, which mkdocs.yml
reads from the environment variable `STANDARDS_PREVIEW`):

    STANDARDS_PREVIEW=1 mkdocs serve      # authors see the draft edition
    mkdocs build --strict                 # the public site: no draft pages at all

A publishing build (`publish`, from `STANDARDS_PUBLISH=1`, which the publishing
workflow sets together with `SITE_URL`) is refused while anything is still a
placeholder: the site's address, drafts, or a page's "not yet set" text.
"""

from __future__ import annotations

import dataclasses
import ipaddress
from urllib.parse import urlsplit

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


#: Domains reserved for examples and testing (RFC 2606, RFC 6761): never a real address.
RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
RESERVED_SUFFIXES = ("example", "test", "invalid", "localhost", "local")


def publishing_problems(settings: SiteSettings) -> list[str]:
    """Why this build must not be published; empty for a build that may be."""
    if not settings.publish:
        return []
    problems = address_problems(settings.site_url)
    if settings.preview:
        problems.append("preview is on (STANDARDS_PREVIEW): a published build never includes drafts")
    return problems


def address_problems(site_url: str) -> list[str]:
    """What is wrong with `site_url` as the public address of a site."""
    how = ("set SITE_URL to the site's public address, e.g. SITE_URL=https://standards.inspectorate.gov.uk/ "
           "(the publishing workflow sets it from GitHub Pages)")
    if not site_url:
        return [f"site_url is not set: every citation and permanent link needs it; {how}"]
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme != "https" or not host:
        return [f"site_url '{site_url}' is not an https:// address; {how}"]
    if _reserved(host):
        return [f"site_url '{site_url}' is an example address ({host} is reserved for examples "
                f"and testing), so no citation made from this build would work; {how}"]
    return []


def _reserved(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return (host in RESERVED_DOMAINS or host.endswith(tuple("." + d for d in RESERVED_DOMAINS))
                or host.rsplit(".", 1)[-1] in RESERVED_SUFFIXES)
    return address.is_private or address.is_loopback or address.is_reserved or address.is_link_local
