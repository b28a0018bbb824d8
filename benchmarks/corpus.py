"""Synthetic content at a chosen size, written with the real schema.

A corpus is a folder with its own `mkdocs.yml`, `docs/` (a copy of the real
hand-written pages) and `standards/` (synthetic editions and standards of
about 600 words each, from a seeded random generator, so runs are repeatable).
Its ids are laid out like the real ones (`1.2`), so the hand-written pages'
macros resolve.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STANDARDS_PER_DOMAIN = 25
DOMAINS_PER_EDITION = 20     # up to 500 standards per edition
WORDS = (
    "staff leadership services information facilities workload supervision training risk "
    "partnership governance quality delivery planning resources evidence engagement culture "
    "assessment safeguarding desistance outcomes premises systems feedback recruitment "
    "wellbeing accountability performance review strategy communication management "
    "appraisal induction mentoring volunteers courts sentencing interventions protocols"
).split()
LEVELS = ["outstanding", "good", "requires_improvement", "inadequate"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng, rng.randint(12, 20)) for _ in range(sentences))


def layout(standard_pages: int) -> list[tuple[str, list[list[str]]]]:
    """Editions, each a list of domains, each a list of standard ids, totalling the pages asked."""
    editions = []
    remaining = standard_pages
    year = 2018
    while remaining > 0:
        per_edition = min(remaining, STANDARDS_PER_DOMAIN * DOMAINS_PER_EDITION)
        domains, left = [], per_edition
        for d in range(1, DOMAINS_PER_EDITION + 1):
            if left <= 0:
                break
            count = min(left, STANDARDS_PER_DOMAIN)
            domains.append([f"{d}.{s}" for s in range(1, count + 1)])
            left -= count
        editions.append((str(year), domains))
        remaining -= per_edition
        year -= 1
    return editions


def write_standards(root: Path, standard_pages: int, seed: int = 2018) -> None:
    rng = random.Random(seed)
    editions = layout(standard_pages)
    for index, (edition_id, domains) in enumerate(editions):
        folder = root / "editions" / edition_id
        (folder / "standards").mkdir(parents=True)
        edition = {
            "id": edition_id,
            "title": f"Synthetic framework {edition_id}",
            "published": f"{edition_id}-03",
            "status": "current" if index == 0 else "superseded",
            "source": {"title": "Synthetic benchmark corpus", "publisher": "Benchmark", "date": edition_id},
            # Editions are listed newest first: each supersedes the next older one.
            **({"supersedes": editions[index + 1][0]} if index + 1 < len(editions) else {}),
            "preamble": [paragraph(rng)],
            "domains": [
                {"id": str(d), "title": f"Domain {d}", "standards": ids}
                for d, ids in enumerate(domains, start=1)
            ],
        }
        _dump(folder / "edition.yml", edition)
        for d, ids in enumerate(domains, start=1):
            for standard_id in ids:
                _dump(folder / "standards" / f"{standard_id}.yml", {
                    "id": standard_id,
                    "domain": str(d),
                    "title": sentence(rng, 2)[:-1],
                    "statement": sentence(rng, 18),
                    "characteristics": {
                        level: {"summary": sentence(rng, 16), "paragraphs": [paragraph(rng) for _ in range(3)]}
                        for level in LEVELS
                    },
                })


def make_corpus(destination: Path, standard_pages: int) -> Path:
    """Write a corpus with `standard_pages` standard pages; return its mkdocs.yml."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", destination / "docs")
    write_standards(destination / "standards", standard_pages)
    config = destination / "mkdocs.yml"
    config.write_text(_point_at_repository((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    return config


def _point_at_repository(config_text: str) -> str:
    """The real configuration, with code paths made absolute so the corpus uses this checkout."""
    root = ROOT.as_posix()
    config_text = re.sub(r"^(\s*-\s*)macros/", rf"\g<1>{root}/macros/", config_text, flags=re.MULTILINE)
    config_text = re.sub(r"^(\s*custom_dir:\s*)overrides", rf"\g<1>{root}/overrides", config_text, flags=re.MULTILINE)
    config_text = re.sub(r"^(\s*module_name:\s*)macros", rf"\g<1>{root}/macros", config_text, flags=re.MULTILINE)
    return config_text


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
