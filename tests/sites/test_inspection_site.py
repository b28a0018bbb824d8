"""The real site's inspection pages, read from the built HTML."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BUILD_ENV, ROOT, mkdocs_build
from standards_site.site.content import load_content
from standards_site.site.settings import DEFAULT_OVERDUE_AS_OF
from standards_site.inspections.target_dates import read_target

INSPECTION = "inspections/nps-central-functions-2020"
PLAN_SOURCE = ROOT / "tests" / "sources" / "002_6b4df4c5353a35e1.txt"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.fixture(scope="module")
def record():
    return load_content(ROOT / "standards").inspections.records["nps-central-functions-2020"]


def test_the_index_lists_the_inspection(built_site):
    page = soup(built_site, "inspections")
    link = page.select_one('.md-content a[href="nps-central-functions-2020/"]')
    assert link is not None and "central functions" in link.get_text()


def test_every_recommendation_has_its_anchor_and_text(built_site, record):
    page = soup(built_site, INSPECTION)
    for rec in record.inspection.recommendations:
        paragraph = page.find(id=f"recommendation-{rec.number}")
        assert paragraph is not None, f"no #recommendation-{rec.number}"
        # get_text() without a separator: glossary <abbr> tags sit inside words ("NPS's").
        assert " ".join(paragraph.get_text().split()) == f"{rec.number}. {' '.join(rec.text.split())}"


def test_the_ratings_table_says_each_rating_in_words(built_site):
    page = soup(built_site, INSPECTION)
    table = page.find(id="ratings").find_next("table")
    rows = {text_of(tr.find("td")): text_of(tr.find_all("td")[1]) for tr in table.select("tbody tr")}
    assert rows == {
        "1.1 Leadership": "Good 7",
        "1.2 Staff": "Requires improvement 7",
        "1.3 Services": "Good 6 Not stated: 1",
        "1.4 Information and facilities": "Good 1 Requires improvement 6",
    }


def chart(page: BeautifulSoup, caption_start: str) -> dict[str, int]:
    table = next(t for t in page.select("table.tracker-chart") if text_of(t.caption).startswith(caption_start))
    return {text_of(tr.th): int(text_of(tr.td)) for tr in table.select("tbody tr")}


def test_the_tracker_counts_match_the_source(built_site):
    source = PLAN_SOURCE.read_text(encoding="utf-8")
    in_source = Counter(re.findall(r"^\d+\t[^\t]*\t(Agreed|Partly agreed|Not agreed)\t", source, re.M))
    page = soup(built_site, f"{INSPECTION}/action-plan")
    counts = chart(page, "Recommendations by the action plan's answer")
    assert counts == {"Agreed": in_source["Agreed"], "Partly agreed": in_source["Partly agreed"],
                      "Not agreed": in_source["Not agreed"]}
    assert counts == {"Agreed": 20, "Partly agreed": 4, "Not agreed": 0}


def test_the_tracker_shows_every_response_and_action(built_site, record):
    page = soup(built_site, f"{INSPECTION}/action-plan")
    for response in record.action_plan.responses:
        item = page.find(id=f"recommendation-{response.recommendation}").find_parent("div", class_="tracker-item")
        assert item["data-agreement"] == response.agreement.value
        assert response.agreement.label in text_of(item.select_one(".tracker-item__meta"))
        actions = item.select("li.tracker-action")
        assert len(actions) == len(response.actions)
        for shown, action in zip(actions, response.actions):
            assert text_of(shown.select_one(".tracker-action__text")) == " ".join(action.text.split())
            facts = {text_of(div.dt): text_of(div.dd) for div in shown.select("dl > div")}
            assert facts["Owner"] == (" ".join(action.owner.split()) if action.owner else "Not given")
            assert facts["Target date"] == (" ".join(action.target.split()) if action.target else "Not given")


def test_overdue_is_judged_as_of_the_documented_default_date(built_site, record):
    page = soup(built_site, f"{INSPECTION}/action-plan")
    assert "4 March 2021" in text_of(page.select_one(".inspection-help"))
    expected = sum(read_target(a.target).overdue(DEFAULT_OVERDUE_AS_OF)
                   for r in record.action_plan.responses for a in r.actions)
    assert len(page.select("li.tracker-action[data-overdue]")) == expected > 0
    assert f"{expected} actions were overdue as of 4 March 2021" in text_of(page.select_one(".tracker-summary"))


@pytest.mark.parametrize("standard_id, numbers", [
    ("1.1", [1, 2, 3]), ("1.2", list(range(4, 14))), ("1.3", [14, 15, 16, 17]), ("1.4", list(range(18, 25))),
])
def test_each_standard_page_lists_its_recommendations(built_site, standard_id, numbers):
    page = soup(built_site, f"standards/2018/{standard_id}")
    section = page.find(id="recommendations")
    assert section is not None
    links = [a["href"] for a in page.select(".md-content p.recommendation > a")]
    assert links == [f"../../../{INSPECTION}/#recommendation-{n}" for n in numbers]


def test_overdue_as_of_is_set_at_build_time(tmp_path):
    env = {**BUILD_ENV, "OVERDUE_AS_OF": "2020-04-01"}
    site = tmp_path / "site"
    result = mkdocs_build(ROOT / "mkdocs.yml", site, env=env)
    assert result.returncode == 0, result.stderr
    page = soup(site, f"{INSPECTION}/action-plan")
    assert "overdue as of 1 April 2020" in text_of(page.select_one(".tracker-summary"))
    record = load_content(ROOT / "standards").inspections.records["nps-central-functions-2020"]
    expected = sum(read_target(a.target).overdue(date(2020, 4, 1))
                   for r in record.action_plan.responses for a in r.actions)
    assert len(page.select("li.tracker-action[data-overdue]")) == expected


def test_a_bad_overdue_date_stops_the_build_with_a_message(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(ROOT / "mkdocs.yml", site, env={**BUILD_ENV, "OVERDUE_AS_OF": "March 2021"})
    assert result.returncode != 0
    assert ("Plugin 'standards-site' option 'overdue_as_of': expected a date written YYYY-MM-DD, "
            "e.g. 2021-03-04, found 'March 2021'") in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_a_broken_action_plan_stops_the_build_with_every_message(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", "node_modules", "site", "build", ".venv"))
    plan = project / "standards" / INSPECTION / "action-plan.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  - recommendation: 24", "  - recommendation: 42"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site)
    assert result.returncode != 0
    assert ("standards/inspections/nps-central-functions-2020/action-plan.yml:") in result.stderr
    assert "responses[23].recommendation: there is no recommendation 42" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()
