"""How one build publishes the content: the site's address, drafts, dates and identity.

Filled in from the `standards-site` plugin's options in `mkdocs.yml` (and so from the
environment, through `!ENV`, once); plain data, so that page generation never reads
the environment and `standards-site generate` can make the same pages without MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

#: The default "overdue as of" date of action-plan trackers: 4 March 2021, one year after
#: the first action plan of this repository's site was submitted. Fixed, so that a rebuild
#: of the same content gives the same page.
DEFAULT_OVERDUE_AS_OF = date(2021, 3, 4)


@dataclass(frozen=True)
class Organisation:
    """The inspectorate that publishes the site.

    Attributes:
        name: Its full name, as in the footer and the accessibility statement.
        short_name: The name it is cited by (citation publisher, feed author).
        url: Its own website, linked from the footer ("" for none).
    """

    name: str = ""
    short_name: str = ""
    url: str = ""


@dataclass(frozen=True)
class Contact:
    """Who to contact about the site, as the accessibility statement says.

    Attributes:
        email: Address for accessibility problems and requests.
        phone: Telephone number ("" for none).
        hours: When the telephone is answered ("" for none).
        response_days: Working days within which a request is answered (None: not stated).
    """

    email: str = ""
    phone: str = ""
    hours: str = ""
    response_days: Optional[int] = None


@dataclass(frozen=True)
class Accessibility:
    """What the accessibility statement says that only the inspectorate can know.

    Attributes:
        compliance: "fully compliant", "partially compliant" or "not compliant" with
            WCAG 2.2 AA, as an audit found ("" until one has).
        prepared: When the statement was first prepared (None: not stated).
        last_reviewed: When it was last reviewed (None: not stated).
        audit: Any testing by people, including disabled people: who, when, which pages
            ("" until the inspectorate says; "none yet" is an answer too).
    """

    compliance: str = ""
    prepared: Optional[date] = None
    last_reviewed: Optional[date] = None
    audit: str = ""


@dataclass(frozen=True)
class Licence:
    """The terms on which the site's content may be reused, as its sources state them.

    Attributes:
        name: The licence's name, e.g. "Open Government Licence" ("" when not stated).
        url: Where the licence's text is published.
        terms: The terms in the source's own words (e.g. which parts it excludes).
        source: The publication that states them, as it is cited.
    """

    name: str = ""
    url: str = ""
    terms: str = ""
    source: str = ""

    @property
    def notice(self) -> str:
        """The terms as one line of text, with where to read the licence ("" when none is stated)."""
        if not self.name:
            return ""
        text = self.terms or f"Reusable under the {self.name}."
        return f"{text} {self.url}" if self.url else text


@dataclass(frozen=True)
class SiteSettings:
    """Everything a build decides that is not content.

    Attributes:
        site_url: The public address of the site, for absolute URLs ("" when unknown).
        preview: Include drafts (editions, guides, statements). Never for a published build.
        overdue_as_of: The date against which action-plan target dates are judged overdue.
        organisation: Who publishes the site.
        contact: Who to contact about it.
        accessibility: What the accessibility statement says of audits and reviews.
        licence: The terms on which the content may be reused.
        publish: A build for the public: no placeholder address, no drafts, no
            placeholder left in any page (see `site.publishing.publishing_problems`).
    """

    site_url: str = ""
    preview: bool = False
    overdue_as_of: date = DEFAULT_OVERDUE_AS_OF
    organisation: Organisation = field(default_factory=Organisation)
    contact: Contact = field(default_factory=Contact)
    accessibility: Accessibility = field(default_factory=Accessibility)
    licence: Licence = field(default_factory=Licence)
    publish: bool = False
