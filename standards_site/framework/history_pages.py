"""Pages and page parts that exist because the framework has editions.

- a notice on every page of a draft, superseded or withdrawn edition;
- "Compare with another edition" and "Cite this standard" on every standard page (the
  citations themselves are written by `citations`);
- crosswalk pages (one per pair of editions) and compare pages (word-level diffs);
- `/standards/current/<id>/`: a redirect to the current equivalent when there is
  exactly one, otherwise a page that lists the equivalents or says there is none.

Like `pages`, everything here is a pure function of the content returning Markdown
(the site's address comes from the build's settings, for absolute URLs in citations).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from markupsafe import escape



from standards_site.core import urls
from standards_site.site.content import SiteContent
from standards_site.framework import citations
from standards_site.framework.crosswalk import Crosswalk, Link, Trace, chain, crosswalks, predecessor_edition, successor_edition, trace
from standards_site.framework.editions import Framework, FrameworkEdition
from standards_site.framework.model import EditionStatus, Standard
from standards_site.core.dates import partial_date
from standards_site.core.rendering import render
from standards_site.core.word_diff import word_diff

HOW_TO_CITE = "how-to-cite.md"

NOTICE_KINDS = {
    EditionStatus.DRAFT: "draft",
    EditionStatus.SUPERSEDED: "superseded",
    EditionStatus.WITHDRAWN: "withdrawn",
}


# -- generated pages ------------------------------------------------------------------------------

def generate_edition_pages(content: SiteContent) -> dict[str, str]:
    """Crosswalk, compare and current-edition pages, keyed by MkDocs source path."""
    framework = content.framework
    pages = {urls.CROSSWALK_HOME: crosswalk_home(framework)}
    for cross in crosswalks(framework):
        pages[urls.crosswalk_page(cross.old.id, cross.new.id)] = crosswalk_page(cross)
    diffs: dict = {}  # each pair of standards is compared on two pages: A with B, and B with A
    for edition in framework.editions.values():
        for standard in edition.standards.values():
            for other in _compared_editions(framework, edition):
                traces = [t for t in trace(framework, edition.id, standard.id, other.id) if t.target_id]
                if traces:
                    page = urls.compare_page(edition.id, standard.id, other.id)
                    pages[page] = compare_page(framework, edition, standard, other, traces, diffs)
    for standard_id, equivalents in current_pages(framework).items():
        if len(equivalents) != 1:
            pages[urls.current_standard(standard_id)] = current_standard_page(framework, standard_id)
    return pages


def current_redirects(framework: Framework) -> dict[str, str]:
    """mkdocs-redirects' `redirect_maps`: each current-edition URL with one target, and
    `/standards/current/` itself. The redirect page keeps any `#fragment`."""
    current = framework.current
    if current is None:
        return {}
    maps = {urls.CURRENT_HOME: urls.edition_page(current.id)}
    for standard_id, equivalents in current_pages(framework).items():
        if len(equivalents) == 1:
            maps[urls.current_standard(standard_id)] = urls.standard_page(current.id, equivalents[0])
    return maps


def current_pages(framework: Framework) -> dict[str, list[str]]:
    """Every standard id ever published on the current edition's line, with its current equivalents.

    An id of the current edition leads to itself; an older id leads wherever the
    crosswalk takes it (nowhere, if it was retired).
    """
    current = framework.current
    if current is None:
        return {}
    result: dict[str, list[str]] = {sid: [sid] for sid in current.standards}
    for edition in reversed(chain(framework, current.id)):
        if edition is current or edition.edition.status is EditionStatus.DRAFT:
            continue
        for standard_id in edition.standards:
            if standard_id not in result:
                result[standard_id] = [t.target_id for t in trace(framework, edition.id, standard_id, current.id)
                                       if t.target_id]
    return result


def crosswalk_home(framework: Framework) -> str:
    here = urls.CROSSWALK_HOME
    return render("framework/crosswalk_home.md.j2", crosswalks=[
        {"old": cross.old.edition, "new": cross.new.edition,
         "link": urls.relative_link(here, urls.crosswalk_page(cross.old.id, cross.new.id))}
        for cross in crosswalks(framework)
    ])


def crosswalk_page(cross: Crosswalk) -> str:
    """A table of every relation between two editions, with links to both and to comparisons."""
    here = urls.crosswalk_page(cross.old.id, cross.new.id)
    rows = []
    for old_id, links in cross.by_old_standard():
        for link in links:
            rows.append(_crosswalk_row(cross, link, here))
    return render(
        "framework/crosswalk.md.j2", old=cross.old.edition, new=cross.new.edition, rows=rows,
        old_link=urls.relative_link(here, urls.edition_page(cross.old.id)),
        new_link=urls.relative_link(here, urls.edition_page(cross.new.id)),
    )


def _crosswalk_row(cross: Crosswalk, link: Link, here: str) -> dict:
    old = cross.old.standards.get(link.old_id) if link.old_id else None
    new = cross.new.standards.get(link.new_id) if link.new_id else None
    return {
        "old": old, "new": new, "how": link.label, "reason": link.reason,
        "old_link": old and urls.relative_link(here, urls.standard_page(cross.old.id, old.id)),
        "new_link": new and urls.relative_link(here, urls.standard_page(cross.new.id, new.id)),
        "compare_link": old and new and urls.relative_link(here, urls.compare_page(cross.old.id, old.id, cross.new.id)),
    }


def current_standard_page(framework: Framework, standard_id: str) -> str:
    """The page at `/standards/current/<id>/` for an id with no single current equivalent."""
    here = urls.current_standard(standard_id)
    current = framework.current
    last_edition = next(e for e in reversed(chain(framework, current.id))
                        if standard_id in e.standards and e.edition.status is not EditionStatus.DRAFT)
    traces = trace(framework, last_edition.id, standard_id, current.id)
    ended = next((t for t in traces if t.target_id is None), None)
    return render(
        "framework/current_standard.md.j2",
        standard_id=standard_id, current=current.edition,
        current_link=urls.relative_link(here, urls.edition_page(current.id)),
        last=last_edition.standards[standard_id], last_edition=last_edition.edition,
        last_link=urls.relative_link(here, urls.standard_page(last_edition.id, standard_id)),
        equivalents=_equivalents(current, [t for t in traces if t.target_id], here),
        ended=ended.ended if ended else None,
        ended_edition=_ended_edition(framework, last_edition, ended) if ended else None,
    )


# -- compare pages -------------------------------------------------------------------------------

@dataclass(frozen=True)
class DiffBlock:
    key: str
    heading: str
    paragraphs: list
    unchanged: bool


def compare_page(framework: Framework, edition: FrameworkEdition, standard: Standard,
                 other: FrameworkEdition, traces: list[Trace], diffs: Optional[dict] = None) -> str:
    """`standard` of `edition` against its equivalents in `other`; `diffs` caches
    `diff_blocks` by pair of standards across calls."""
    diffs = {} if diffs is None else diffs
    here = urls.compare_page(edition.id, standard.id, other.id)
    line = chain(framework, edition.id)
    forward = line.index(other) > line.index(edition)
    older, newer = (edition, other) if forward else (other, edition)
    pairs = []
    for item in traces:
        old = standard if forward else older.standards[item.target_id]
        new = newer.standards[item.target_id] if forward else standard
        if (id(old), id(new)) not in diffs:
            diffs[id(old), id(new)] = diff_blocks(older, old, newer, new)
        pairs.append({
            "old": old, "new": new, "anchor": f"{old.id}-{new.id}".replace(".", "-"),
            "how": item.how, "reason": "; ".join(s.reason for s in item.steps if s.reason),
            "blocks": diffs[id(old), id(new)],
            "old_link": urls.relative_link(here, urls.standard_page(older.id, old.id)),
            "new_link": urls.relative_link(here, urls.standard_page(newer.id, new.id)),
        })
    return render(
        "framework/compare.md.j2", edition=edition.edition, standard=standard, other=other.edition,
        older=older.edition, newer=newer.edition, pairs=pairs,
        scales_differ=not older.same_scale(newer),
        back_link=urls.relative_link(here, urls.standard_page(edition.id, standard.id)),
        crosswalk_link=urls.relative_link(here, _crosswalk_for(older, newer)),
    )


def diff_blocks(older: FrameworkEdition, old: Standard, newer: FrameworkEdition, new: Standard) -> list[DiffBlock]:
    """Title, statement and each rating level, old against new, word by word.

    Levels are matched by id. When the two scales differ, a level found in one
    edition only is compared with nothing: all removed, or all added, and its
    heading says which edition has it.
    """
    texts = [("title", "Title", [old.title], [new.title]),
             ("statement", "The standard", [old.statement], [new.statement])]
    before = {level.id: (level, c) for level, c in older.characteristics(old)}
    after = {level.id: (level, c) for level, c in newer.characteristics(new)}
    for level_id in [*after, *(level_id for level_id in before if level_id not in after)]:
        level = (after.get(level_id) or before[level_id])[0]
        heading = level.label
        if level_id not in before:
            heading += f" (only in the {newer.id} edition)"
        elif level_id not in after:
            heading += f" (only in the {older.id} edition)"
        texts.append((level_id, heading, _texts(before.get(level_id)), _texts(after.get(level_id))))
    blocks = []
    for key, heading, before, after in texts:
        diff = word_diff(before, after)
        blocks.append(DiffBlock(key, heading, diff.paragraphs, diff.stats.unchanged))
    return blocks


def _texts(level_and_characteristic) -> list[str]:
    if level_and_characteristic is None:
        return []
    characteristic = level_and_characteristic[1]
    return [characteristic.summary, *characteristic.paragraphs]


def _crosswalk_for(older: FrameworkEdition, newer: FrameworkEdition) -> str:
    """The crosswalk page between two editions: direct if adjacent, else the list of crosswalks."""
    if newer.edition.supersedes == older.id:
        return urls.crosswalk_page(older.id, newer.id)
    return urls.CROSSWALK_HOME


def _other_editions(framework: Framework, edition: FrameworkEdition) -> list[FrameworkEdition]:
    return [other for other in chain(framework, edition.id) if other is not edition]


def _compared_editions(framework: Framework, edition: FrameworkEdition) -> list[FrameworkEdition]:
    """The editions a standard gets a compare page against: the one before, the one after
    and the current one. Every pair would grow with the square of the number of editions
    (ten editions of 500 standards made 45,000 compare pages in the benchmark)."""
    wanted = {id(e) for e in (predecessor_edition(framework, edition.id),
                              successor_edition(framework, edition.id), framework.current) if e is not None}
    return [other for other in _other_editions(framework, edition) if id(other) in wanted]


# -- parts of a standard page --------------------------------------------------------------------

def edition_notice(content: SiteContent, edition: FrameworkEdition, standard: Optional[Standard], here: str) -> str:
    """The draft / superseded / withdrawn notice for a page of `edition` ("" for current editions)."""
    kind = NOTICE_KINDS.get(edition.edition.status)
    if kind is None:
        return ""
    framework = content.framework
    current = framework.current
    context = {"kind": kind, "edition": edition.edition, "standard": standard,
               "current": current and current.edition, "equivalents": [], "compare_link": None,
               "ended": None, "ended_edition": None, "crosswalk_link": None,
               "current_link": current and urls.relative_link(here, urls.edition_page(current.id))}
    successor = successor_edition(framework, edition.id)
    if standard is None and successor is not None:
        context["crosswalk_link"] = urls.relative_link(here, urls.crosswalk_page(edition.id, successor.id))
        context["successor"] = successor.edition
    if standard is not None and current is not None and kind != "draft":
        traces = trace(framework, edition.id, standard.id, current.id)
        found = [t for t in traces if t.target_id]
        context["equivalents"] = _equivalents(current, found, here)
        if found:
            context["compare_link"] = urls.relative_link(here, urls.compare_page(edition.id, standard.id, current.id))
        ended = next((t for t in traces if t.target_id is None), None)
        if ended is not None:
            context["ended"] = ended.ended
            context["ended_edition"] = _ended_edition(framework, edition, ended)
    return render("framework/edition_notice.md.j2", **context)


def standard_notice(content: SiteContent, edition: FrameworkEdition, standard: Standard, here: str) -> str:
    return edition_notice(content, edition, standard, here)


def edition_page_notice(content: SiteContent, edition: FrameworkEdition, here: str) -> str:
    return edition_notice(content, edition, None, here)


def compare_section(content: SiteContent, edition: FrameworkEdition, standard: Standard, here: str) -> str:
    """Links to compare this standard with its equivalents in every other edition on its line."""
    framework = content.framework
    compared = {id(other) for other in _compared_editions(framework, edition)}
    rows = []
    for other in _other_editions(framework, edition):
        traces = trace(framework, edition.id, standard.id, other.id)
        found = [t for t in traces if t.target_id]
        ended = next((t for t in traces if t.target_id is None), None)
        summary = "; ".join(f"{t.target_id} {other.standards[t.target_id].title} ({t.how})" for t in found)
        if ended is not None:
            gone = f"no equivalent ({ended.how}{': ' + ended.ended.reason if ended.ended.reason else ''})"
            summary = f"{summary}; {gone}" if summary else gone
        rows.append({"edition": other.edition, "summary": summary,
                     "link": found and id(other) in compared
                     and urls.relative_link(here, urls.compare_page(edition.id, standard.id, other.id))})
    return render("framework/compare_section.md.j2", rows=rows) if rows else ""


def cite_section(content: SiteContent, edition: FrameworkEdition, standard: Standard, here: str) -> str:
    """A ready citation with a copy button, the permanent and current URLs, files for
    reference managers (this standard's and its edition's), and a version stamp.
    Each rating level's own citation is in its tab (`citations.level_citations`)."""
    site_url = content.settings.site_url
    current = None
    if edition.edition.status is EditionStatus.CURRENT:
        current = urls.absolute_url(site_url, urls.current_standard(standard.id))
    citation = citations.standard_citation(site_url, edition, standard)
    return render(
        "framework/cite_section.md.j2", edition=edition.edition, standard=standard,
        citation=citations.citation_text(citation), edition_name=citations.edition_name(edition.edition),
        published=partial_date(edition.edition.published),
        permanent_url=escape(citation.url), current_url=current and escape(current),
        how_to_cite=urls.relative_link(here, HOW_TO_CITE),
        downloads={suffix: {"standard": urls.relative_link(here, urls.citation_file(edition.id, standard.id, suffix)),
                            "edition": urls.relative_link(here, urls.citation_file(edition.id, None, suffix))}
                   for suffix in urls.CITATION_FORMATS},
    )


# -- helpers ---------------------------------------------------------------------------------------

def _equivalents(current: FrameworkEdition, traces: list[Trace], here: str) -> list[dict]:
    return [{
        "id": t.target_id, "title": current.standards[t.target_id].title, "how": t.how,
        "reason": "; ".join(step.reason for step in t.steps if step.reason),
        "link": urls.relative_link(here, urls.standard_page(current.id, t.target_id)),
    } for t in traces]


def _ended_edition(framework: Framework, start: FrameworkEdition, ended: Trace) -> str:
    """The id of the edition in which a trail from `start` stopped (where the standard was retired)."""
    line = chain(framework, start.id)
    position = line.index(start) + len(ended.steps)
    return line[min(position, len(line) - 1)].id
