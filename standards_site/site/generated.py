"""Every file the site generates from the content, in one place: {path: text}.

Pages (framework, editions, library, inspections), data under /api/v1/, citation
files (RIS, BibTeX) beside each edition and standard page, the what's-new feed and the tracker's standard filter (CSS). The sections and notices of standard and edition pages are listed
here, once (`PAGE_PARTS`). Pure: the MkDocs plugin only hands the result to MkDocs.
"""

from __future__ import annotations

from standards_site.core import urls
from standards_site.framework import history_pages
from standards_site.framework.citations import citation_files
from standards_site.framework.pages import PageParts, framework_pages
from standards_site.framework.self_assessment import self_assessment_pages
from standards_site.inspections.pages import inspection_pages, recommendations_section, tracker_filters_css
from standards_site.library import urls as library_urls
from standards_site.library.feed import atom_feed
from standards_site.library.pages import library_pages, related_guidance
from standards_site.site.content import SiteContent
from standards_site.site.data_export import data_files

#: What every standard page and edition page shows besides the framework's own text,
#: in the order shown.
PAGE_PARTS = PageParts(
    standard_notices=(history_pages.standard_notice,),          # superseded, draft, retired
    standard_sections=(
        recommendations_section,                                # inspection recommendations
        related_guidance,                                       # guides and position statements
        history_pages.compare_section,                          # the same standard in other editions
        history_pages.cite_section,                             # how to cite this page
    ),
    edition_notices=(history_pages.edition_page_notice,),
)


def generated_pages(content: SiteContent) -> dict[str, str]:
    """Every generated Markdown page, keyed by its source path."""
    pages = framework_pages(content, PAGE_PARTS)
    pages.update(self_assessment_pages(content, PAGE_PARTS))
    pages.update(library_pages(content))
    pages.update(inspection_pages(content))
    pages.update(history_pages.generate_edition_pages(content))
    return pages


def generated_files(content: SiteContent) -> dict[str, str]:
    """Every generated file of `content` as published (see `published_content`)."""
    site_url = content.settings.site_url
    files = {**generated_pages(content), **data_files(content, site_url), **citation_files(content)}
    files[library_urls.FEED] = atom_feed(content, site_url or "http://localhost/")
    files[urls.TRACKER_FILTERS_CSS] = tracker_filters_css(content)
    return files
