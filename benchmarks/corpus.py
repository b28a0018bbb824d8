"""Synthetic content at a chosen size, written with the real schema.

A corpus is a folder with its own `mkdocs.yml`, `docs/` (a copy of the real
hand-written pages) and `standards/`, from a seeded random generator so that
runs are repeatable:

- three editions, each superseding the next older one, with the same number of
  standards of about 600 words each. An older edition's text is the newer one's
  with revisions (most paragraphs carried over, some edited, some rewritten), as
  successive editions of a framework are;
- guides (one for every five standards), each related to two current standards;
- inspections of local services (one for every ten standards), each a copy of the
  real inspection and its action plan under a new id, its recommendations spread
  over the current standards;
- the real glossary and principles.

Every size has the same shape (three editions, the same proportions of guides and
inspections), so that per-page times compare like with like across sizes. Ids are
laid out like the real ones (`1.2`), so the hand-written pages' macros resolve.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TAGS = ["leadership", "workforce", "partnerships", "premises", "information", "wales", "women", "risk"]
EDITIONS = 3
STANDARDS_PER_DOMAIN = 25
STANDARDS_PER_GUIDE = 5
STANDARDS_PER_INSPECTION = 10
REAL_INSPECTION = ROOT / "standards" / "inspections" / "nps-central-functions-2020"
# How an older edition's paragraph relates to the newer one's: carried over, a few
# words edited, or rewritten. Most text of a framework carries over between editions.
CARRIED, EDITED = 0.6, 0.3
WORDS = (
    "staff leadership services information facilities workload supervision training risk "
    "partnership governance quality delivery planning resources evidence engagement culture "
    "assessment safeguarding desistance outcomes premises systems feedback recruitment "
    "wellbeing accountability performance review strategy communication management "
    "appraisal induction mentoring volunteers courts sentencing interventions protocols"
).split()
LEVELS = ["outstanding", "good", "requires-improvement", "inadequate"]
RATING_SCALE = [{"id": level, "label": level.replace("-", " ").capitalize()} for level in LEVELS]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng, rng.randint(12, 20)) for _ in range(sentences))


def layout(standards: int, editions: int = EDITIONS) -> list[tuple[str, list[list[str]]]]:
    """Editions, newest first, each a list of domains, each a list of standard ids.

    `standards` is the total over all editions, shared equally among them.
    """
    per_edition = max(1, round(standards / editions))
    ids = [f"{d}.{s}" for d in range(1, per_edition // STANDARDS_PER_DOMAIN + 2)
           for s in range(1, STANDARDS_PER_DOMAIN + 1)][:per_edition]
    domains: dict[str, list[str]] = {}
    for standard_id in ids:
        domains.setdefault(standard_id.split(".")[0], []).append(standard_id)
    return [(str(2018 - index), list(domains.values())) for index in range(editions)]


def write_standards(root: Path, standards: int, editions_count: int = EDITIONS, seed: int = 2018) -> list[str]:
    """Write the editions; return the ids of the current (newest) edition's standards."""
    rng = random.Random(seed)
    editions = layout(standards, editions_count)
    newer: dict[str, dict] = {}
    for index, (edition_id, domains) in enumerate(editions):
        folder = root / "editions" / edition_id
        (folder / "standards").mkdir(parents=True)
        edition = {
            "id": edition_id,
            "title": f"Synthetic framework {edition_id}",
            "published": f"{edition_id}-03",
            "status": "current" if index == 0 else "superseded",
            "source": {"title": "Synthetic benchmark corpus", "publisher": "Benchmark", "date": edition_id},
            "rating_scale": RATING_SCALE,
            # Editions are listed newest first: each supersedes the next older one.
            **({"supersedes": editions[index + 1][0]} if index + 1 < len(editions) else {}),
            "preamble": [paragraph(rng)],
            "domains": [
                {"id": str(d), "title": f"Domain {d}", "standards": ids}
                for d, ids in enumerate(domains, start=1)
            ],
        }
        _dump(folder / "edition.yml", edition)
        this: dict[str, dict] = {}
        for d, ids in enumerate(domains, start=1):
            for standard_id in ids:
                this[standard_id] = _older(rng, newer[standard_id]) if newer else _standard(rng, standard_id, str(d))
                _dump(folder / "standards" / f"{standard_id}.yml", this[standard_id])
        newer = this
    return [standard_id for domain in editions[0][1] for standard_id in domain]


def _standard(rng: random.Random, standard_id: str, domain: str) -> dict:
    return {
        "id": standard_id,
        "domain": domain,
        "title": sentence(rng, 2)[:-1],
        "statement": sentence(rng, 18),
        "characteristics": {
            level: {"summary": sentence(rng, 16), "paragraphs": [paragraph(rng) for _ in range(3)]}
            for level in LEVELS
        },
    }


def _older(rng: random.Random, newer: dict) -> dict:
    """The same standard as the previous edition wrote it: the newer text, revised."""
    return {
        **newer,
        "statement": _revised(rng, newer["statement"]),
        "characteristics": {
            level: {"summary": _revised(rng, text["summary"]),
                    "paragraphs": [_revised(rng, p) for p in text["paragraphs"]]}
            for level, text in newer["characteristics"].items()
        },
    }


def _revised(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < CARRIED:
        return text
    if roll < CARRIED + EDITED:
        words = text.split()
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        return " ".join(words)
    return paragraph(rng, sentences=max(1, text.count(".")))


def write_guides(root: Path, current_ids: list[str], count: int, seed: int = 2019) -> None:
    rng = random.Random(seed)
    folder = root / "guides"
    folder.mkdir(parents=True)
    for number in range(1, count + 1):
        front = {
            "slug": f"guide-{number}",
            "title": sentence(rng, 6)[:-1],
            "summary": sentence(rng, 25),
            "audience": rng.sample(["practitioners", "managers", "leaders"], 2),
            "kind": "effective-practice",
            "related_standards": rng.sample(current_ids, min(2, len(current_ids))),
            "tags": rng.sample(TAGS, 2),
            "published": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            "status": "published",
        }
        body = "\n\n".join(paragraph(rng, 4) for _ in range(3))
        text = "---\n" + yaml.safe_dump(front, sort_keys=False, width=100) + "---\n" + body + "\n"
        (folder / f"guide-{number}.md").write_text(text, encoding="utf-8")


def write_inspections(root: Path, current_ids: list[str], count: int, seed: int = 2020) -> None:
    """Copies of the real inspection and action plan, as local inspections over the current standards."""
    rng = random.Random(seed)
    inspection = yaml.safe_load((REAL_INSPECTION / "inspection.yml").read_text(encoding="utf-8"))
    plan = yaml.safe_load((REAL_INSPECTION / "action-plan.yml").read_text(encoding="utf-8"))
    for number in range(1, count + 1):
        inspection_id = f"local-service-{number}"
        folder = root / "inspections" / inspection_id
        folder.mkdir(parents=True)
        rated = rng.sample(current_ids, min(4, len(current_ids)))
        _dump(folder / "inspection.yml", {
            **inspection, "id": inspection_id, "kind": "local",
            "title": f"An inspection of probation services: local service {number}",
            "ratings": {**inspection["ratings"], "by_standard": [
                {**rating, "standard": standard_id}
                for rating, standard_id in zip(inspection["ratings"]["by_standard"], rated)
            ]},
            "recommendations": [
                {**recommendation, "standard": rng.choice(current_ids)}
                for recommendation in inspection["recommendations"]
            ],
        })
        _dump(folder / "action-plan.yml", {**plan, "inspection": inspection_id})


def make_corpus(destination: Path, standards: int, editions: int = EDITIONS) -> Path:
    """Write a corpus with `standards` standard pages in all; return its mkdocs.yml."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", destination / "docs")
    content = destination / "standards"
    current_ids = write_standards(content, standards, editions)
    write_guides(content, current_ids, max(1, standards // STANDARDS_PER_GUIDE))
    write_inspections(content, current_ids, max(1, standards // STANDARDS_PER_INSPECTION))
    for name in ("glossary.yml", "principles.yml"):
        shutil.copy(ROOT / "standards" / name, content / name)
    config = destination / "mkdocs.yml"
    config.write_text(_point_at_repository((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    return config


def _point_at_repository(config_text: str) -> str:
    """The real configuration, with code paths made absolute so the corpus uses this checkout."""
    root = ROOT.as_posix()
    config_text = re.sub(r"^(\s*custom_dir:\s*)overrides", rf"\g<1>{root}/overrides", config_text, flags=re.MULTILINE)
    config_text = re.sub(r"^(\s*module_name:\s*)macros", rf"\g<1>{root}/macros", config_text, flags=re.MULTILINE)
    return config_text


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
