"""The `standards-site` plugin's options, typed and documented (as Material's plugins do).

In `mkdocs.yml`:

    plugins:
      - standards-site:
          organisation:
            name: Example Inspectorate
            short_name: EI
            url: https://inspectorate.example.org/
          contact:
            email: accessibility@inspectorate.example.org
          content_dir: standards
          preview: !ENV [STANDARDS_PREVIEW, false]
          overdue_as_of: !ENV [OVERDUE_AS_OF, 2021-03-04]

The environment is read only there, through MkDocs' `!ENV`, once per build.
"""

from __future__ import annotations

from datetime import date

from mkdocs.config import base
from mkdocs.config import config_options as c


class Flag(c.BaseConfigOption[bool]):
    """A yes/no option that also accepts what `!ENV` gives for an environment variable.

    `true`/`false`, `yes`/`no`, `1`/`0` (any case), or nothing (false).
    """

    def __init__(self, default: bool = False) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if value is None or isinstance(value, bool):
            return bool(value)
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("", "0", "false", "no", "off"):
            return False
        raise base.ValidationError(f"expected true or false (or 1 or 0), found {value!r}")


class IsoDate(c.BaseConfigOption[date]):
    """A calendar date written YYYY-MM-DD (YAML reads it as a date, `!ENV` as text)."""

    def run_validation(self, value: object) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise base.ValidationError(f"expected a date written YYYY-MM-DD, e.g. 2021-03-04, found {value!r}") from None


class OrganisationConfig(base.Config):
    #: The inspectorate's full name: the footer and the accessibility statement.
    name = c.Type(str)
    #: The name it is cited by (citation publisher, feed author); defaults to `name`.
    short_name = c.Type(str, default="")
    #: Its own website, linked from the footer.
    url = c.Optional(c.URL())


class ContactConfig(base.Config):
    #: Where to report an accessibility problem or ask for another format.
    email = c.Type(str, default="")
    #: A telephone number, if there is one.
    phone = c.Type(str, default="")
    #: When the telephone is answered, e.g. "Monday to Friday, 9am to 5pm".
    hours = c.Type(str, default="")
    #: Working days within which a request is answered (no default: the statement shows a placeholder).
    response_days = c.Optional(c.Type(int))


class AccessibilityConfig(base.Config):
    #: "fully compliant", "partially compliant" or "not compliant" with WCAG 2.2 AA, as an audit found.
    compliance = c.Optional(c.Choice(("fully compliant", "partially compliant", "not compliant")))
    #: When the accessibility statement was first prepared (YYYY-MM-DD).
    prepared = c.Optional(IsoDate())
    #: When it was last reviewed (YYYY-MM-DD).
    last_reviewed = c.Optional(IsoDate())
    #: Testing by people, including disabled people: who did it, when, on which pages.
    audit = c.Type(str, default="")


class LicenceConfig(base.Config):
    #: The licence's name, e.g. "Open Government Licence".
    name = c.Type(str, default="")
    #: Where its text is published.
    url = c.Optional(c.URL())
    #: The terms in the source's own words, e.g. "You may re-use this information (excluding logos) ...".
    terms = c.Type(str, default="")
    #: The publication that states them.
    source = c.Type(str, default="")


class EditorConfig(base.Config):
    """The browser editor (Decap CMS) at /admin/: see docs/authors/editor.md."""

    #: Publish the editor at /admin/ and an "Edit this page" link on every page.
    enabled = Flag(default=False)
    #: The GitHub repository edits go to, `owner/name` (default: from `repo_url`). Every
    #: edit is a branch and a pull request; nothing is pushed to `branch` directly.
    repo = c.Type(str, default="")
    #: The branch pull requests are opened against.
    branch = c.Type(str, default="main")
    #: The OAuth service that signs authors in to GitHub (Decap's `base_url`).
    auth_url = c.Type(str, default="")
    #: The API of a local `decap-server` (`make serve-editor` sets it): edits are written
    #: to the files on disk instead of GitHub. For previews and tests, never published.
    local_backend = c.Type(str, default="")
    #: The content folder and the docs folder as paths from the repository's root.
    content_path = c.Type(str, default="")
    docs_path = c.Type(str, default="")


class StandardsSiteConfig(base.Config):
    #: Who publishes the site (required: there is no default inspectorate).
    organisation = c.SubConfig(OrganisationConfig)
    #: Who to contact about the site (the accessibility statement).
    contact = c.SubConfig(ContactConfig)
    #: The content folder (YAML and Markdown), relative to mkdocs.yml.
    content_dir = c.Type(str, default="standards")
    #: What the accessibility statement says of audits and reviews.
    accessibility = c.SubConfig(AccessibilityConfig)
    #: The terms on which the content may be reused: footer, Data, How to cite, every export.
    licence = c.SubConfig(LicenceConfig)
    #: Include drafts (editions, guides, statements). Never in a published build.
    preview = Flag(default=False)
    #: A build for the public (`!ENV [STANDARDS_PUBLISH, false]`): refused while the site's
    #: address is missing or an example domain, drafts are on, or a page shows a placeholder.
    publish = Flag(default=False)
    #: The date action-plan target dates are judged overdue against (default 2021-03-04).
    overdue_as_of = c.Optional(IsoDate())
    #: Site search with Pagefind, run over the built site. `false` leaves search to the
    #: theme: Material's own search box shows if its `search` plugin is listed.
    search = c.Type(bool, default=True)
    #: A PDF of every standard and edition, printed from the built pages by headless
    #: Chromium through Playwright (`!ENV [STANDARDS_PDF, false]`), each page linking to its
    #: own. Off by default and ignored by `mkdocs serve`: only the published build needs them.
    pdf = Flag(default=False)
    #: The Chromium that prints the PDFs (`!ENV [CHROMIUM, /usr/bin/chromium]`).
    chromium = c.Type(str, default="/usr/bin/chromium")
    #: The browser editor at /admin/ and the "Edit this page" links.
    editor = c.SubConfig(EditorConfig)
    #: Under `mkdocs serve`, re-render only the pages a save changes (standards_site/mkdocs/incremental.py).
    #: `false` re-renders every page on every save, as `mkdocs build` always does.
    incremental_preview = c.Type(bool, default=True)
