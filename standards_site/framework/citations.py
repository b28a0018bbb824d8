"""Citations of the framework: as text, and as RIS and BibTeX for reference managers.

What is cited is an edition, a standard in it, or one rating level of a standard
(`Citation`). Every format is written from the same `Citation`, and every one names
the edition by one rule (`edition_name`): its title, with "(<id> edition)" added only
when the title does not already say which edition it is. The 2018 edition's title,
"Standards framework 2018", is therefore never cited as "Standards framework 2018
(2018 edition)".

The files (one per standard and one per edition, in each format) are written by
`citation_files`, at the stable addresses `core.urls.citation_file` gives. Content
text never breaks a format: RIS holds one value per line, so a value's line breaks
are folded into spaces; BibTeX's special characters are escaped (`bibtex_escape`).

Pure functions of the content, like the pages (the site's address comes from the
build's settings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import quote

from standards_site.core import urls
from standards_site.framework.editions import FrameworkEdition
from standards_site.framework.model import Edition, RatingLevel, Standard
from standards_site.site.content import SiteContent

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Citation:
    """One thing to cite, with what every format says of it.

    Attributes:
        key: A BibTeX key, unique per thing cited: `example-inspectorate-2018-1.2-good`.
        author: The organisation whose text it is (the edition's source publisher).
        title: What is cited: `Standard 1.2 Staff`, `Standard 1.2 Staff, at level Good`,
            or the edition's name when the whole edition is cited.
        container: The edition's name when a part of it is cited ("" for the edition itself).
        published: When the edition was published, at the precision given: `2018-03`.
        url: The permanent address (a level's ends with its anchor, `#good`).
    """

    key: str
    author: str
    title: str
    container: str
    published: str
    url: str

    @property
    def year(self) -> str:
        return self.published[:4]


# -- what is cited ---------------------------------------------------------------------------------

def edition_name(edition: Edition) -> str:
    """How every citation names an edition: its title, naming the edition once.

    >>> from types import SimpleNamespace as E
    >>> edition_name(E(id="2018", title="Standards framework 2018"))
    'Standards framework 2018'
    >>> edition_name(E(id="2018", title="Standards framework"))
    'Standards framework (2018 edition)'
    """
    names_itself = re.search(rf"(?<![a-z0-9]){re.escape(edition.id)}(?![a-z0-9])", edition.title, re.IGNORECASE)
    return edition.title if names_itself else f"{edition.title} ({edition.id} edition)"


def edition_citation(site_url: str, edition: FrameworkEdition) -> Citation:
    meta = edition.edition
    return Citation(
        key=_key(meta.source.publisher, meta.id), author=meta.source.publisher, title=edition_name(meta),
        container="", published=meta.published, url=_url(site_url, urls.edition_page(meta.id)),
    )


def standard_citation(site_url: str, edition: FrameworkEdition, standard: Standard,
                      level: Optional[RatingLevel] = None) -> Citation:
    """A standard, or one rating level of it (`, at level Good`, and the level's anchor)."""
    meta = edition.edition
    title = f"Standard {standard.id} {standard.title}"
    url = _url(site_url, urls.standard_page(meta.id, standard.id))
    key = _key(meta.source.publisher, meta.id, standard.id)
    if level is not None:
        title, url, key = f"{title}, at level {level.label}", f"{url}#{level.id}", f"{key}-{level.id}"
    return Citation(key=key, author=meta.source.publisher, title=title, container=edition_name(meta),
                    published=meta.published, url=url)


def level_citations(site_url: str, edition: FrameworkEdition, standard: Standard) -> dict[str, str]:
    """The text citation of each rating level of `standard`, by level id (shown in the level's tab)."""
    return {level.id: citation_text(standard_citation(site_url, edition, standard, level))
            for level, _ in edition.characteristics(standard)}


def _key(author: str, *ids: str) -> str:
    """`example-inspectorate-2018-1.2`: the author's words, then the ids (ids are already URL-safe)."""
    words = re.sub(r"[^a-z0-9]+", "-", author.lower()).strip("-")[:40].strip("-")
    return "-".join([words or "standards", *ids])


def _url(site_url: str, page: str) -> str:
    """The absolute address, with any character that would need escaping in a format
    percent-encoded (ids are URL-safe already; this guards the configured site address)."""
    return quote(urls.absolute_url(site_url, page), safe=":/#?=&@!$'()*+,;.-_~%")


# -- text ------------------------------------------------------------------------------------------

def citation_text(citation: Citation) -> str:
    """The citation up to its address; the page adds "(accessed <date>)." after it.

    `Example Inspectorate (2018). Standard 1.2 Staff, at level Good. In: Standards framework
    2018. Available at: https://…/standards/2018/1.2/#good`
    """
    text = f"{citation.author} ({citation.year}). {citation.title}."
    if citation.container:
        text += f" In: {citation.container}."
    return " ".join(f"{text} Available at: {citation.url}".split())


# -- RIS -------------------------------------------------------------------------------------------

def ris(citation: Citation) -> str:
    """One RIS record: `TY  - ` first, `ER  - ` last, one tag a line, CRLF line ends.

    RIS has no escaping: a value is whatever follows the tag on its line. So every
    value is folded onto one line (a line break in a title must not start a tag).
    Type ELEC (web page), as reference managers import a web page.
    """
    year, _, rest = citation.published.partition("-")
    month, _, day = rest.partition("-")
    lines = [("TY", "ELEC"), ("AU", citation.author), ("TI", citation.title)]
    if citation.container:
        lines.append(("T2", citation.container))
    lines += [("PY", year), ("DA", f"{year}/{month}/{day}/"), ("UR", citation.url), ("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


def _one_line(value: str) -> str:
    # str.split() without arguments splits on every line break Unicode knows (\r, \n, \v,
    # \f, \x1c-\x1e, \x85, \u2028, \u2029) as well as spaces and tabs.
    return " ".join(value.split())


# -- BibTeX ----------------------------------------------------------------------------------------

#: BibTeX's special characters, and how each is written so that it reads as itself.
_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
# ... and a hyphen before another: LaTeX prints `--` as an en dash (`<!--` would read `<!–`).
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIALS) + "|-(?=-)")


def bibtex_escape(value: str) -> str:
    r"""A text for a braced BibTeX value: specials escaped in one pass, line breaks folded.

    >>> bibtex_escape("50% of {cases} & C:\\files_1 ~ $5 #1 ^ <!--")
    '50\\% of \\{cases\\} \\& C:\\textbackslash{}files\\_1 \\textasciitilde{} \\$5 \\#1 \\textasciicircum{} <!-{}-'
    """
    return _BIBTEX_SPECIAL.sub(lambda match: _BIBTEX_SPECIALS.get(match.group(), "-{}"), _one_line(value))


def bibtex(citation: Citation) -> str:
    """One `@misc` entry, in UTF-8 (biblatex with biber reads it as it is): the organisation
    as author in double braces (a name, not a person's first and last names), the title in
    double braces (its capitals kept), the edition as `howpublished`, and the address as
    `url`. There is no `urldate`: the reader adds the day they read it.

    The key and the address are not escaped: the key is made of ids and lower-case
    words, and the address is percent-encoded (`url` is verbatim in biblatex).
    """
    year, _, rest = citation.published.partition("-")
    month = rest.partition("-")[0]
    fields = [("author", f"{{{{{bibtex_escape(citation.author)}}}}}"),
              ("title", f"{{{{{bibtex_escape(citation.title)}}}}}")]
    if citation.container:
        fields.append(("howpublished", f"{{{bibtex_escape(citation.container)}}}"))
    fields.append(("year", f"{{{year}}}"))
    if month:
        fields.append(("month", _MONTHS[int(month) - 1]))
    fields.append(("url", f"{{{citation.url}}}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@misc{{{citation.key},\n{body},\n}}\n"


# -- files -----------------------------------------------------------------------------------------

#: The writer of each format, by the suffix of its files (`core.urls.CITATION_FORMATS`).
WRITERS = {"ris": ris, "bib": bibtex}

def citation_files(content: SiteContent) -> dict[str, str]:
    """`standards/<edition>/citation.{ris,bib}` and `standards/<edition>/<id>/citation.{ris,bib}`
    for every published edition and standard, keyed by path."""
    site_url = content.settings.site_url
    files = {}
    for edition in content.framework.editions.values():
        targets = [(None, edition_citation(site_url, edition))]
        targets += [(standard.id, standard_citation(site_url, edition, standard))
                    for standard in edition.standards.values()]
        for standard_id, citation in targets:
            for suffix in urls.CITATION_FORMATS:
                files[urls.citation_file(edition.id, standard_id, suffix)] = WRITERS[suffix](citation)
    return files
