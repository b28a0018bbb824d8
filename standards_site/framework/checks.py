"""Validation across editions: `supersedes`, `replaces`, `retired`, and ids never reused.

Runs after every file has loaded on its own (phase three of `loader`), because each
rule compares two editions. Every problem becomes a `ContentError` naming the file,
line and field at fault; nothing stops at the first one.

The rules, and why:

- Edition ids `current` and `crosswalk` are reserved: they are URL segments of
  `/standards/current/<id>/` and `/standards/crosswalk/<old>/<new>/`. The standard id
  `self-assessment` is reserved too: `/standards/<edition>/self-assessment/` is the worksheet.
- `supersedes` names another edition, and no edition is superseded twice, so the
  editions form one line and "the current equivalent" of a standard is well defined.
- Every standard of the superseded edition is accounted for: it keeps its id, a new
  standard `replaces` it, or the new edition lists it as `retired`.
- `moved` and `renamed` have exactly one successor; `split` at least two; a
  standard that says `merged` replaces at least two.
- An id that left the framework (retired, or moved away) is never used again by a
  later edition: `/standards/current/<id>/` already leads elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from standards_site.core import urls
from standards_site.core.suggest import unknown
from standards_site.framework.crosswalk import CONTINUED, Crosswalk, chain, crosswalk
from standards_site.framework.editions import Framework, FrameworkEdition
from standards_site.core.yaml_source import FieldPath

#: Edition ids that would collide with other URLs under /standards/.
RESERVED_EDITION_IDS = ("current", "crosswalk")
#: Standard ids that would collide with other URLs under /standards/<edition>/.
RESERVED_STANDARD_IDS = (urls.SELF_ASSESSMENT,)

#: Records an error at a field of a file: `report(path, ("supersedes",), message)`.
Report = Callable[[Path, FieldPath, str], None]


def check_editions(root: Path, framework: Framework, report: Report) -> None:
    """Check every cross-edition rule, calling `report(path, location, message)` per problem."""
    checker = _Checker(root, framework, report)
    for edition in framework.editions.values():
        checker.check_reserved_id(edition)
        checker.check_reserved_standard_ids(edition)
        if checker.check_supersedes(edition):
            old = framework.editions[edition.edition.supersedes]
            checker.check_pair(crosswalk(old, edition))
        else:
            checker.check_no_replaces(edition)
    for edition in framework.editions.values():
        checker.check_ids_never_reused(edition)


class _Checker:
    def __init__(self, root: Path, framework: Framework, report: Report):
        self.root = root
        self.framework = framework
        self.report = report

    # -- files and lines ----------------------------------------------------------------------

    def edition_file(self, edition_id: str) -> Path:
        return self.root / "editions" / edition_id / "edition.yml"

    def standard_file(self, edition_id: str, standard_id: str) -> Path:
        folder = self.root / "editions" / edition_id / "standards"
        # Two stats, not a glob of the folder: this is asked for every standard.
        found = [path for path in (folder / f"{standard_id}.yml", folder / f"{standard_id}.yaml") if path.is_file()]
        return found[0] if found else folder / f"{standard_id}.yml"

    def error(self, path: Path, location: FieldPath, message: str) -> None:
        self.report(path, location, message)

    # -- the rules --------------------------------------------------------------------------------

    def check_reserved_id(self, edition: FrameworkEdition) -> None:
        if edition.id in RESERVED_EDITION_IDS:
            self.error(self.edition_file(edition.id), ("id",),
                       f"'{edition.id}' is reserved for the URLs /standards/{edition.id}/...: "
                       "choose another edition id (for example the year of publication)")

    def check_reserved_standard_ids(self, edition: FrameworkEdition) -> None:
        for standard_id in edition.standards:
            if standard_id in RESERVED_STANDARD_IDS:
                self.error(self.standard_file(edition.id, standard_id), ("id",),
                           f"'{standard_id}' is reserved for the URL /standards/{edition.id}/{standard_id}/ "
                           "(the edition's self-assessment worksheet): choose another standard id")

    def check_supersedes(self, edition: FrameworkEdition) -> bool:
        """True when the edition supersedes a known edition that nothing else supersedes."""
        target = edition.edition.supersedes
        if target is None:
            return False
        path = self.edition_file(edition.id)
        if target == edition.id:
            self.error(path, ("supersedes",), "an edition cannot supersede itself")
            return False
        if target not in self.framework.editions:
            others = [e for e in self.framework.editions if e != edition.id]
            alone = (f"edition '{target}' does not exist: edition {edition.id} is the only one, so "
                     f"remove 'supersedes' or add the edition it names (editions/{target}/edition.yml)")
            self.error(path, ("supersedes",),
                       _unknown(f"edition '{target}' does not exist", target, others, None if others else alone))
            return False
        rivals = [e.id for e in self.framework.editions.values()
                  if e.edition.supersedes == target and e.id not in (edition.id, target)]
        if rivals and rivals[0] < edition.id:
            self.error(path, ("supersedes",),
                       f"edition {target} is already superseded by edition {rivals[0]}: "
                       "each edition can be superseded by only one other")
            return False
        if self.leads_back(target, edition.id):
            self.error(path, ("supersedes",),
                       f"editions {edition.id} and {target} supersede each other (directly or through others)")
            return False
        return True

    def leads_back(self, start: str, wanted: str) -> bool:
        """True when following `supersedes` from `start` reaches `wanted` (a cycle)."""
        seen: set[str] = set()
        here: Optional[str] = start
        while here in self.framework.editions and here not in seen:
            if here == wanted:
                return True
            seen.add(here)
            here = self.framework.editions[here].edition.supersedes
        return False

    def check_no_replaces(self, edition: FrameworkEdition) -> None:
        for standard in edition.standards.values():
            if standard.replaces:
                self.error(self.standard_file(edition.id, standard.id), ("replaces",),
                           f"edition {edition.id} supersedes no edition, so there is nothing to replace: "
                           "add 'supersedes: <edition id>' to its edition.yml or remove 'replaces'")
        if edition.edition.retired:
            self.error(self.edition_file(edition.id), ("retired",),
                       f"edition {edition.id} supersedes no edition, so it cannot retire standards: "
                       "add 'supersedes: <edition id>' or remove 'retired'")

    def check_pair(self, cross: Crosswalk) -> None:
        old, new = cross.old, cross.new
        edition_path = self.edition_file(new.id)
        for standard in new.standards.values():
            path = self.standard_file(new.id, standard.id)
            for index, replaced in enumerate(standard.replaces):
                if replaced.id not in old.standards:
                    self.error(path, ("replaces", index, "id"), _unknown(
                        f"standard '{replaced.id}' does not exist in edition {old.id}", replaced.id, old.standards))
                    continue
                self.check_how(cross, path, index, standard.id, replaced)
        for index, retired in enumerate(new.edition.retired):
            location = ("retired", index, "id")
            if retired.id not in old.standards:
                self.error(edition_path, location, _unknown(
                    f"standard '{retired.id}' does not exist in edition {old.id}", retired.id, old.standards))
            elif retired.id in new.standards:
                self.error(edition_path, location,
                           f"'{retired.id}' is retired, but edition {new.id} also has a standard "
                           f"'{retired.id}': a retired id can never be reused; give the new standard another id")
            elif any(link.how != "retired" for link in cross.successors(retired.id)):
                self.error(edition_path, location,
                           f"'{retired.id}' is retired, but a standard of edition {new.id} also replaces it: "
                           "remove it from 'retired' or from that standard's 'replaces'")
        missing = [sid for sid in old.standards if not cross.successors(sid)]
        if missing:
            self.error(edition_path, ("supersedes",),
                       f"standard(s) {', '.join(missing)} of edition {old.id} have no successor in edition "
                       f"{new.id}: keep the id, name it in a new standard's 'replaces', or list it under 'retired'")

    def check_how(self, cross: Crosswalk, path: Path, index: int, new_id: str, replaced) -> None:
        how = replaced.how.value
        successors = cross.successors(replaced.id)
        predecessors = cross.predecessors(new_id)
        location = ("replaces", index, "how")
        if how in ("moved", "renamed") and len(predecessors) > 1:
            self.error(path, location,
                       f"{new_id} replaces {len(predecessors)} standards, so each of them is 'merged' into it, "
                       f"not '{how}'")
        elif how in ("moved", "renamed") and len(successors) > 1:
            others = ", ".join(sorted({link.new_id for link in successors if link.new_id != new_id}))
            clash = (f"edition {cross.new.id} also has a standard '{replaced.id}'"
                     if any(link.how == CONTINUED for link in successors) else f"{others} also replace(s) it")
            self.error(path, location,
                       f"'{replaced.id}' is {how} to {new_id}, but {clash}: an id that moved away cannot be "
                       "reused; use 'split' if the old standard now lives in several")
        elif how == "split" and len(successors) < 2:
            self.error(path, location,
                       f"'{replaced.id}' is split, but only {new_id} replaces it: a split needs two or more "
                       "successors; use 'moved' or 'renamed' for one")
        elif how == "merged" and len(predecessors) < 2:
            self.error(path, location,
                       f"{new_id} is merged from '{replaced.id}' alone: a merge needs two or more predecessors; "
                       "use 'moved' or 'renamed' for one")

    def check_ids_never_reused(self, edition: FrameworkEdition) -> None:
        """No standard may take an id that an earlier edition on its line retired or moved away from."""
        left: dict[str, str] = {}
        line = chain(self.framework, edition.id)
        for older in line[: line.index(edition)]:
            newer = line[line.index(older) + 1]
            if newer is edition:
                break  # ids leaving at the last step are checked by check_pair
            for standard_id in older.standards:
                if standard_id not in newer.standards:
                    left.setdefault(standard_id, newer.id)
        for standard_id in edition.standards:
            if standard_id in left:
                self.error(self.standard_file(edition.id, standard_id), ("id",),
                           f"id '{standard_id}' was retired in edition {left[standard_id]} (its standard moved or "
                           "was retired): a retired id can never be reused, because "
                           f"/standards/current/{standard_id}/ already leads elsewhere; choose a new id")


_unknown = unknown
