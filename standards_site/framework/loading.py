"""Load `standards/` into the typed model, collecting every error before stopping.

Loading runs in two phases, like mkdocs-autorefs: first each file is parsed and
validated on its own; then references between files (domains listing standards,
standards naming their domain) are resolved once everything is known.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Optional

from standards_site.core import urls
from standards_site.core.content_loader import ContentLoader
from standards_site.core.errors import ContentErrors, display_path
from standards_site.core.suggest import unknown
from standards_site.framework.checks import check_editions
from standards_site.framework.editions import Framework, FrameworkEdition
from standards_site.framework.model import Edition, Standard

EDITIONS_DIR = "editions"
EDITION_FILE = "edition.yml"
STANDARDS_DIR = "standards"


def load_framework(root: Path) -> Framework:
    """Load and validate every edition under `root/editions/`.

    Raises:
        ContentErrors: with every problem found in every file.
    """
    loader = _FrameworkLoader(root)
    framework = loader.load()
    if loader.errors:
        raise ContentErrors(loader.errors)
    return framework


class _FrameworkLoader(ContentLoader):
    # -- phase one: each file on its own --------------------------------------------------------

    def load(self) -> Framework:
        editions_dir = self.root / EDITIONS_DIR
        edition_dirs = sorted(p for p in editions_dir.glob("*") if p.is_dir())
        if not edition_dirs:
            self.error(editions_dir, None, "", "no editions found: expected folders such as editions/2018/")
        editions = {}
        for edition_dir in edition_dirs:
            loaded = self.load_edition(edition_dir)
            if loaded is not None:
                editions[loaded.id] = loaded
        ordered = sorted(editions.values(), key=lambda e: e.edition.published, reverse=True)
        framework = Framework({e.id: e for e in ordered})
        self.check_one_current(framework)
        if not self.errors:  # phase three compares editions: only meaningful once each is valid
            check_editions(self.root, framework, self.field_error)
        return framework

    def load_edition(self, edition_dir: Path) -> Optional[FrameworkEdition]:
        edition_file = edition_dir / EDITION_FILE
        if not self.present(edition_file):
            self.error(edition_dir, None, "", f"missing {EDITION_FILE}: every edition folder needs one")
            return None
        edition = self.load_model(edition_file, Edition)
        standards = [
            (path, self.load_model(path, Standard))
            for path in sorted((edition_dir / STANDARDS_DIR).glob("*.y*ml"))
        ]
        if edition is None:
            return None
        self.check_name_matches_id(edition_file, edition.id, edition_dir.name, "folder")
        for path, standard in standards:
            if standard is not None:
                self.check_name_matches_id(path, standard.id, path.stem, "file")
        valid = [(path, s) for path, s in standards if s is not None]
        # A standard whose file failed to load has been reported already; do not
        # report it again as missing wherever it is referenced.
        unloadable = {path.stem for path, s in standards if s is None}
        return self.resolve_edition(edition_file, edition, valid, unloadable)

    # -- phase two: references between files ----------------------------------------------------

    def resolve_edition(
        self, edition_file: Path, edition: Edition, standards: list[tuple[Path, Standard]],
        unloadable: set[str],
    ) -> FrameworkEdition:
        by_id: dict[str, Standard] = {}
        files: dict[str, Path] = {}
        for path, standard in standards:
            if standard.id in by_id:
                self.field_error(
                    path, ("id",),
                    f"duplicate standard id '{standard.id}' in edition {edition.id}: "
                    f"also used by {display_path(files[standard.id], self.root)}",
                )
                continue
            by_id[standard.id] = standard
            files[standard.id] = path
        self.check_key_questions(edition, standards)
        scale_ok = self.check_rating_scale(edition_file, edition)
        for path, standard in standards:
            if scale_ok:
                self.check_characteristics(path, standard, edition)

        domain_counts = Counter(domain.id for domain in edition.domains)
        listed: dict[str, str] = {}
        for d_index, domain in enumerate(edition.domains):
            if domain_counts[domain.id] > 1:
                self.field_error(edition_file, ("domains", d_index, "id"), f"duplicate domain id '{domain.id}'")
            for s_index, standard_id in enumerate(domain.standards):
                location = ("domains", d_index, "standards", s_index)
                if standard_id in listed:
                    self.field_error(edition_file, location,
                                     f"standard '{standard_id}' is already listed in domain {listed[standard_id]}")
                    continue
                listed[standard_id] = domain.id
                if standard_id in unloadable:
                    continue
                if standard_id not in by_id:
                    self.field_error(edition_file, location, _no_such_standard(standard_id, edition.id, by_id))
                elif by_id[standard_id].domain != domain.id:
                    self.field_error(
                        files[standard_id], ("domain",),
                        f"standard '{standard_id}' says domain '{by_id[standard_id].domain}' but "
                        f"{display_path(edition_file, self.root)} lists it under domain '{domain.id}'",
                    )
        for standard_id, path in files.items():
            if standard_id not in listed:
                self.field_error(
                    path, ("id",),
                    f"standard '{standard_id}' is not listed in any domain of "
                    f"{display_path(edition_file, self.root)}: add it to its domain's 'standards' list",
                )
        in_reading_order = {sid: by_id[sid] for sid in listed if sid in by_id}
        return FrameworkEdition(edition=edition, standards=in_reading_order)

    def check_key_questions(self, edition: Edition, standards: list[tuple[Path, Standard]]) -> None:
        seen: dict[str, Path] = {}
        for path, standard in standards:
            for index, question in enumerate(standard.key_questions):
                if question.id in seen:
                    self.field_error(
                        path, ("key_questions", index, "id"),
                        f"duplicate key question id '{question.id}' in edition {edition.id}",
                    )
                seen[question.id] = path

    def check_rating_scale(self, edition_file: Path, edition: Edition) -> bool:
        """Level ids are unique and free for use as anchors; descriptors name levels of the scale."""
        ok = True
        seen: dict[str, None] = {}   # in scale order, for the messages
        for index, level in enumerate(edition.rating_scale):
            location = ("rating_scale", index, "id")
            problem = None
            if level.id in seen:
                problem = f"duplicate rating level id '{level.id}': each level needs its own id"
            elif level.id in urls.STANDARD_PAGE_ANCHORS:
                problem = (f"'{level.id}' is reserved: it is the anchor of a section of every standard page "
                           f"(#{level.id}); choose another id for this level")
            if problem:
                self.field_error(edition_file, location, problem)
                ok = False
            seen[level.id] = None
        for level_id in edition.level_descriptors:
            if level_id not in seen:
                self.field_error(edition_file, ("level_descriptors", level_id),
                           unknown(f"'{level_id}' is not a level of this edition's rating_scale", level_id, seen))
        return ok

    def check_characteristics(self, path: Path, standard: Standard, edition: Edition) -> None:
        """Every level of the scale has a characteristic, and no other level does."""
        scale = [level.id for level in edition.rating_scale]
        for level_id in standard.characteristics:
            if level_id not in scale:
                self.field_error(path, ("characteristics", level_id),
                           unknown(f"'{level_id}' is not a level of the rating_scale of edition {edition.id}",
                                   level_id, scale))
        missing = [level_id for level_id in scale if level_id not in standard.characteristics]
        if missing:
            self.field_error(path, ("characteristics",),
                       f"no characteristic for {', '.join(repr(m) for m in missing)}: every level of the "
                       f"rating_scale of edition {edition.id} needs one ({', '.join(scale)})")
        clashes = [question.id for question in standard.key_questions if question.id in scale]
        for index, question in enumerate(standard.key_questions):
            if question.id in clashes:
                self.field_error(path, ("key_questions", index, "id"),
                           f"key question id '{question.id}' is also a rating level id: both are anchors "
                           "on the standard page, so choose another")

    def check_one_current(self, framework: Framework) -> None:
        current = [e for e in framework.editions.values() if e.edition.status.value == "current"]
        if len(current) > 1:
            for extra in current[1:]:
                path = self.root / EDITIONS_DIR / extra.id / EDITION_FILE
                self.field_error(path, ("status",),
                           f"editions {', '.join(e.id for e in current)} are all 'current': only one may be")


def _no_such_standard(standard_id: str, edition_id: str, known: dict) -> str:
    message = f"standard '{standard_id}' does not exist in edition {edition_id}"
    return unknown(message, standard_id, known,
                   otherwise=f"{message}: add standards/{standard_id}.yml or remove it from the list")
