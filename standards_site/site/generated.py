"""Every file the site generates from the content, in one place: {path: text}.

Pages (framework, editions, library, inspections), data under /api/v1/ and the
what's-new feed. Pure: the MkDocs hook only hands the result to MkDocs.
"""

from __future__ import annotations

from standards_site.library import urls as library_urls
from standards_site.site.content import SiteContent
from standards_site.site.data_export import data_files
from standards_site.framework.history_pages import generate_edition_pages
from standards_site.library.feed import atom_feed
from standards_site.framework.pages import generate_pages


def generated_files(content: SiteContent) -> dict[str, str]:
    """Every generated file of `content` as published (see `published_content`)."""
    site_url = content.settings.site_url
    files = {**generate_pages(content), **generate_edition_pages(content), **data_files(content, site_url)}
    files[library_urls.FEED] = atom_feed(content, site_url or "http://localhost/")
    return files
