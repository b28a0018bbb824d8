"""The published inspection and action plan are the source documents' words.

Sources (unchanged copies, see tests/sources/README.md):
- the report, 003_4188bd615b6637a1.txt: its 24 recommendations, grouped under headings
  such as "Leadership – HM Prison and Probation Service should:";
- the action plan, 002_6b4df4c5353a35e1.txt: a table flattened to tab-separated lines,
  where a cell that wraps continues on a later line.

The action plan checks do not re-run the transcription. They check that every action's
text, owner and target in action-plan.yml is a run of whole source cells joined by spaces,
taken in document order, and that every cell of the response, owner and target columns
is used: nothing invented, nothing left out.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from standards_site.site.content import load_content
from standards_site.inspections.model import Agreement

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tests" / "sources"
REPORT = "003_4188bd615b6637a1.txt"
PLAN = "002_6b4df4c5353a35e1.txt"
INSPECTION_ID = "nps-central-functions-2020"


def normalise(text: str) -> str:
    return " ".join(text.split())


def source_text(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def record():
    return load_content(ROOT / "standards").inspections.records[INSPECTION_ID]


@pytest.fixture(scope="module")
def framework():
    return load_content(ROOT / "standards").framework


@pytest.mark.parametrize("name", [REPORT, PLAN])
def test_the_source_copies_are_unchanged(name):
    readme = (SOURCES / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if f"`{name}`" in line)
    recorded = re.findall(r"`([0-9a-f]{64})`", row)[0]
    assert hashlib.sha256((SOURCES / name).read_bytes()).hexdigest() == recorded


# -- the report ------------------------------------------------------------------------------------

def report_recommendations() -> list[tuple[int, str, str, str]]:
    """(number, text, area heading, organisation heading) for each recommendation in the report."""
    section = source_text(REPORT).split("### 3. Recommendations")[1].split("## 4. Background")[0]
    heading = re.compile(r"^(?:#+\s*)?\*\*(.+?) – (.+?) should:\*\*$")
    found, area, organisation = [], None, None
    for line in section.splitlines():
        if match := heading.match(line.strip()):
            area, organisation = match.groups()
        elif match := re.match(r"^(\d+)\. (.+)$", line.strip()):
            found.append((int(match.group(1)), match.group(2), area, organisation))
    return found


def test_the_report_has_24_recommendations_and_all_are_published(record):
    in_report = report_recommendations()
    assert [number for number, *_ in in_report] == list(range(1, 25))
    assert [rec.number for rec in record.inspection.recommendations] == list(range(1, 25))


@pytest.mark.parametrize("number, text, area, organisation", report_recommendations())
def test_each_recommendation_is_word_for_word_under_its_standard_and_addressee(
    record, framework, number, text, area, organisation
):
    rec = next(r for r in record.inspection.recommendations if r.number == number)
    assert rec.text == text
    standard = framework.standard(rec.standard, record.inspection.framework_edition)
    assert standard.title.lower() == area.lower(), f"recommendation {number} is filed under {standard.title}"
    addressee = record.organisation(rec.addressed_to).name
    assert organisation.removeprefix("the ") == addressee


def test_summary_paragraphs_and_rating_statements_are_in_the_report(record):
    report = normalise(source_text(REPORT))
    quoted = list(record.inspection.summary) + [r.statement for r in record.inspection.ratings.by_standard]
    assert quoted
    for text in quoted:
        assert normalise(text) in report, text


def test_the_ratings_cover_the_four_standards_of_domain_one(record):
    assert [r.standard for r in record.inspection.ratings.by_standard] == ["1.1", "1.2", "1.3", "1.4"]


# -- the action plan ---------------------------------------------------------------------------

class PlanCells:
    """The action plan's table as cells in document order, with their column where known."""

    def __init__(self, text: str):
        table = text.split("1. Rec No")[1].split("\n--")[0]
        self.cells: list[str] = []
        self.columns: list[int | None] = []
        for line in table.splitlines()[1:]:
            fields = line.split("\t")
            for column, cell in enumerate(fields):
                if cell.strip():
                    self.cells.append(normalise(cell))
                    # Lines with all six columns say which column a cell is in; shorter lines lost
                    # their leading empty cells in the flattening, so their columns are unknown.
                    self.columns.append(column if len(fields) == 6 else None)
        self.used = [False] * len(self.cells)

    def take(self, value: str, start: int) -> list[int] | None:
        """Indices of unused cells from `start` on whose texts, joined by spaces, are `value`."""
        value = normalise(value)
        for index in range(start, len(self.cells)):
            cell = self.cells[index]
            if self.used[index]:
                continue
            if value == cell:
                return [index]
            if value.startswith(cell + " "):
                rest = self.take(value[len(cell) + 1:], index + 1)
                if rest is not None:
                    return [index] + rest
        return None

    def claim(self, value: str, start: int, what: str) -> int:
        indices = self.take(value, start)
        assert indices is not None, f"{what} is not a run of source cells from cell {start}: {value!r}"
        for index in indices:
            self.used[index] = True
        return indices[0]


def test_every_action_text_owner_and_target_is_the_source_and_every_cell_is_used(record):
    cells = PlanCells(source_text(PLAN))
    position = 0
    checked = 0
    for response in record.action_plan.responses:
        for number, action in enumerate(response.actions, 1):
            what = f"recommendation {response.recommendation} action {number}"
            position = cells.claim(action.text, position, f"{what} text") + 1
            if action.owner:
                cells.claim(action.owner, position, f"{what} owner")
            if action.target:
                cells.claim(action.target, position, f"{what} target")
            checked += 1
    assert checked == sum(len(r.actions) for r in record.action_plan.responses) > 24

    report_recommendation_text = normalise(" ".join(text for _, text, *_ in report_recommendations()))
    left_over = [
        cell for cell, column, used in zip(cells.cells, cells.columns, cells.used)
        if not used
        and not (column is not None and column <= 2)            # number, recommendation, agreement
        and cell.lower() not in report_recommendation_text.lower()  # the recommendation column's wraps
    ]
    assert left_over == [], "source cells in no action's text, owner or target"


def source_agreements() -> list[tuple[str, str]]:
    """(number as printed, agreement) for each recommendation row of the action plan."""
    return re.findall(r"^(\d+)\t[^\t]*\t(Agreed|Partly agreed|Not agreed)\t", source_text(PLAN), re.M)


def test_each_agreement_is_the_source_in_order(record):
    rows = source_agreements()
    # The source prints recommendation 15's number as "5" (a lost digit); the order is intact.
    assert [number for number, _ in rows] == [str(n) for n in range(1, 15)] + ["5"] + [str(n) for n in range(16, 25)]
    published = [(r.recommendation, r.agreement.label) for r in record.action_plan.responses]
    assert published == [(n, agreement.capitalize()) for n, (_, agreement) in enumerate(rows, 1)]


def test_the_counts_of_agreement_match_the_source(record):
    in_source = Counter(agreement for _, agreement in source_agreements())
    published = Counter(r.agreement.label for r in record.action_plan.responses)
    assert published == Counter({label.capitalize(): count for label, count in in_source.items()})
    assert set(published) <= {a.label for a in Agreement}
