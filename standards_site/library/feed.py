"""The Atom feed of "What's new": one entry per publication or update, newest first.

Dated from the content (each item's `published` and `updated`), never from the build
time, so rebuilding the site does not make feed readers report changes that did not
happen. Built with `xml.etree`, which escapes every value.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import urlsplit

from standards_site.library import urls as lu
from standards_site.core import urls
from standards_site.site.content import SiteContent
from standards_site.library.pages import Change, changes

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(content: SiteContent, site_url: str) -> str:
    """The feed as UTF-8 XML text. `site_url` is the site's absolute base URL, ending in '/'."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    found = changes(content, content.settings.preview)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", base + urls.url_of(lu.WHATS_NEW))
    _text(feed, "title", lu.FEED_TITLE)
    _text(feed, "updated", _timestamp(found[0].when) if found else "1970-01-01T00:00:00Z")
    _link(feed, base + lu.FEED, rel="self", type="application/atom+xml")
    _link(feed, base + urls.url_of(lu.WHATS_NEW), rel="alternate", type="text/html")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", content.settings.organisation.name)
    if rights := content.settings.licence.notice:
        _text(feed, "rights", rights)
    for change in found:
        feed.append(_entry(change, base))
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _entry(change: Change, base: str) -> ET.Element:
    meta = change.item.meta
    page = base + urls.url_of(lu.item_page(change.item_type.folder, meta.slug))
    entry = ET.Element(f"{{{ATOM}}}entry")
    # One entry per event: an update is news of its own, with its own id.
    _text(entry, "id", _tag_uri(base, change.when, f"{change.item_type.folder}/{meta.slug}/{change.action.lower()}"))
    _text(entry, "title", f"{change.action} {change.item_type.singular}: {meta.title}")
    _text(entry, "updated", _timestamp(change.when))
    _text(entry, "published", _timestamp(meta.published))
    _link(entry, page, rel="alternate", type="text/html")
    _text(entry, "summary", meta.summary)
    for tag in meta.tags:
        ET.SubElement(entry, f"{{{ATOM}}}category", term=tag)
    return entry


def _tag_uri(base: str, when: date, specific: str) -> str:
    """A permanent entry id (RFC 4151): `tag:standards.example.org,2026-11-23:guides/x/published`."""
    return f"tag:{urlsplit(base).hostname},{when.isoformat()}:{specific}"


def _timestamp(when: date) -> str:
    return f"{when.isoformat()}T00:00:00Z"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = value
    return element


def _link(parent: ET.Element, href: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{ATOM}}}link", href=href, **attributes)
