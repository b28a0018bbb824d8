"""The self-assessment worksheet pages, generated from the content (framework/self_assessment.py).

Every standard of an edition gets a form with every level of that edition's scale, with
exact labels, on the real content (four levels), the care-inspectorate example (five) and
the two-editions fixture, whose crosswalk the page carries for imports from 2018.
"""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from standards_site.framework.pages import edition_page, framework_home
from standards_site.framework.self_assessment import crosswalk_data, json_data_block, self_assessment_page
from standards_site.site.content import load_content
from standards_site.site.generated import PAGE_PARTS, generated_pages

ROOT = Path(__file__).resolve().parents[2]
SITES = {
    "real": ROOT / "standards",
    "care-inspectorate": ROOT / "examples" / "care-inspectorate" / "standards",
    "two-editions": ROOT / "tests" / "fixtures" / "two-editions" / "standards",
}


@pytest.fixture(scope="module", params=SITES)
def content(request):
    return load_content(SITES[request.param])


@pytest.fixture(scope="module")
def two_editions():
    return load_content(SITES["two-editions"])


def as_html(page: str) -> BeautifulSoup:
    """The page as the site shows it: front matter dropped, Markdown rendered."""
    body = page.split("\n---\n", 1)[1]
    return BeautifulSoup(markdown.markdown(body, extensions=["attr_list", "md_in_html", "admonition"]), "html.parser")


def test_every_edition_has_a_worksheet_among_the_generated_pages(content):
    pages = generated_pages(content)
    for edition_id in content.framework.editions:
        assert f"standards/{edition_id}/self-assessment/index.md" in pages


def test_every_standard_has_a_form_with_every_level_of_the_scale(content):
    for edition in content.framework.editions.values():
        soup = as_html(self_assessment_page(content, edition, PAGE_PARTS))
        forms = soup.select("fieldset.self-assessment__standard")
        assert [form["data-standard"] for form in forms] == list(edition.standards)
        for form, standard in zip(forms, edition.standards.values()):
            sid = standard.id
            assert form.legend.get_text() == f"{sid} {standard.title}"
            assert form["data-title"] == standard.title
            assert form.select_one(".self-assessment__statement").get_text() == standard.statement
            levels = form.select_one("fieldset.self-assessment__levels")
            assert levels.legend.get_text() == f"Level that best fits {sid}"
            choices = [(label.get_text(), label.input["name"], label.input["value"], label.input.has_attr("checked"))
                       for label in levels.select("label.self-assessment__choice")]
            assert choices == [(level.label, f"level_{sid}", level.id, False) for level in edition.rating_scale] + [
                ("Not assessed yet", f"level_{sid}", "", True)]
            assert len(levels.select('input[type="radio"]')) == len(edition.rating_scale) + 1
            meanings = form.select_one("details.self-assessment__meanings")
            assert meanings.summary.get_text() == f"What each level means for {sid}"
            assert [(dt.a["href"], dt.get_text(), dd.get_text()) for dt, dd in
                    zip(meanings.find_all("dt"), meanings.find_all("dd"))] == [
                (f"../{sid}/#{level.id}", level.label, characteristic.summary)
                for level, characteristic in edition.characteristics(standard)]
            for kind, label in (("evidence", "Evidence"), ("actions", "Planned actions")):
                area = form.find("textarea", id=f"{kind}_{sid}")
                assert area is not None and area["name"] == f"{kind}_{sid}"
                assert form.find("label", attrs={"for": f"{kind}_{sid}"}).get_text() == f"{label} for {sid}"


def test_the_summary_counts_every_level_and_the_standards_not_assessed(content):
    for edition in content.framework.editions.values():
        soup = as_html(self_assessment_page(content, edition, PAGE_PARTS))
        summary = soup.find("section", id="summary")
        assert summary.has_attr("hidden")          # shown by the script; without it, a blank worksheet
        rows = [(row["data-level"], row.th.get_text(), row.td.get_text()) for row in summary.select("tbody tr")]
        count = str(len(edition.standards))
        assert rows == [(level.id, level.label, "0") for level in edition.rating_scale] + [("", "Not assessed yet", count)]
        assert summary.find(id="self-assessment-progress").get_text() == f"0 of {count} standards assessed."
        assert summary.find(id="self-assessment-progress")["role"] == "status"


def test_five_levels_on_the_care_inspectorate_example():
    content = load_content(SITES["care-inspectorate"])
    edition = content.framework.edition()
    soup = as_html(self_assessment_page(content, edition, PAGE_PARTS))
    first = soup.select_one("fieldset.self-assessment__standard")
    assert [label.get_text() for label in first.select(".self-assessment__levels label")] == [
        "Exemplary", "Strong", "Adequate", "Weak", "Failing", "Not assessed yet"]


def test_the_tools_are_hidden_until_the_script_shows_them_and_say_where_the_data_lives(two_editions):
    edition = two_editions.framework.edition("2021")
    soup = as_html(self_assessment_page(two_editions, edition, PAGE_PARTS))
    tools = soup.find(id="self-assessment")
    assert tools.has_attr("hidden")
    assert (tools["data-edition"], tools["data-edition-title"], tools["data-site-root"], tools["data-format"],
            tools["data-version"]) == ("2021", "Fixture framework 2021", "../../../", "standards-self-assessment", "1")
    assert [button.get_text() for button in tools.find_all("button")] == [
        "Export (JSON)", "Export for a spreadsheet (CSV)", "Print or save as PDF", "Clear all answers"]
    assert soup.find(id="self-assessment-storage").get_text().startswith(
        "Your answers stay in this browser, on this device. They are saved as you type, in this browser's "
        "storage for this worksheet, and are never sent anywhere.")
    assert not soup.find(id="self-assessment-no-script").has_attr("hidden")


def test_the_crosswalk_travels_with_the_newer_editions_worksheet(two_editions):
    edition = two_editions.framework.edition("2021")
    data = crosswalk_data(two_editions, edition)
    # Loaded as in preview: the draft 2024 is on the line too (a public build leaves it out).
    assert data["edition"] == "2021" and list(data["editions"]) == ["2018", "2024"]
    old = data["editions"]["2018"]
    assert old["title"] == "Fixture framework 2018"
    assert old["levels"] == ["outstanding", "good", "requires-improvement", "inadequate"]
    moves = {sid: [(step["id"], step["kind"]) for step in entry["to"]] for sid, entry in old["standards"].items()}
    assert moves == {
        "1.1": [("1.1", "continued")], "1.2": [("1.2", "renamed")], "1.3": [("2.1", "moved")],
        "1.4": [("2.2", "split"), ("2.3", "split")], "1.5": [("2.4", "merged")], "1.6": [("2.4", "merged")],
        "1.7": [(None, "retired")],
    }
    assert old["standards"]["1.7"]["to"][0]["reason"] == (
        "Fixture reason: volunteering is covered by 2.5 Learning in part, and otherwise dropped.")
    block = as_html(self_assessment_page(two_editions, edition, PAGE_PARTS)).find(
        "script", id="self-assessment-crosswalk")
    assert block["type"] == "application/json"
    assert json.loads(block.string) == data


def test_the_older_edition_carries_the_way_back_and_points_to_the_current_worksheet(two_editions):
    edition = two_editions.framework.edition("2018")
    data = crosswalk_data(two_editions, edition)
    assert [(step["id"], step["kind"]) for step in data["editions"]["2021"]["standards"]["2.5"]["to"]] == [(None, "new")]
    soup = as_html(self_assessment_page(two_editions, edition, PAGE_PARTS))
    assert "This edition has been superseded. A file exported here can be imported into the worksheet of the " \
           "Fixture framework 2021" in soup.get_text()
    assert soup.find("a", string="worksheet of the Fixture framework 2021")["href"] == "../../2021/self-assessment/index.md"


def test_an_edition_alone_carries_no_crosswalk():
    content = load_content(SITES["real"])
    soup = as_html(self_assessment_page(content, content.framework.edition("2018"), PAGE_PARTS))
    assert soup.find("script") is None


def test_the_data_block_cannot_be_closed_by_the_content():
    text = str(json_data_block({"title": "</script><script>alert(1)</script> & <!-- \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script> & <!-- \u2028"}


def test_edition_pages_and_the_framework_home_link_the_worksheet(two_editions):
    framework = two_editions.framework
    for edition in framework.editions.values():
        assert "[Self-assessment worksheet](self-assessment/index.md): rate your organisation against each " \
               "standard of this edition; your answers stay in your browser." in edition_page(edition, two_editions)
    assert "[Self-assessment worksheet for the current edition](2021/self-assessment/index.md)" in framework_home(framework)
