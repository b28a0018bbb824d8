"""The self-assessment worksheet, in a real browser: fill, reload, export, clear, import.

On the real site (the 2018 edition) at a phone and a desktop width; by keyboard alone, with
a focus ring on every stop; without JavaScript (a blank worksheet to print); in print; and,
on the two-editions fixture, a file exported from the 2018 worksheet imported into the 2021
one and the other way, whose messages list what the crosswalk changed. The exported files
are read as bytes, as a spreadsheet would get them; axe runs on the filled-in worksheet.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe_runner import axe_violations, describe
from tests.browser.test_keyboard import tab_stops

WORKSHEET = "standards/2018/self-assessment/"
VIEWPORTS = {390: {"width": 390, "height": 844}, 1280: {"width": 1280, "height": 900}}

#: Text with what a spreadsheet must show right (en dash, curly quotes, a comma, a line
#: break, a double quote) and what it must not run (a formula).
EVIDENCE = "Caseload reviews – monthly; “good” feedback, from 12 staff\nSecond line with \"quotes\""
FORMULA = "=HYPERLINK(\"http://evil.example/\",\"click\")"


@pytest.fixture(autouse=True)
def no_script_errors(page: Page):
    """Every test here also fails on an error in the console: a script error, or a CSP violation."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield
    assert errors == []


def field(page: Page, kind: str, standard: str):
    """A standard's control by id (`evidence_1.2`): the ids hold dots, so no CSS #id."""
    return page.locator(f'[id="{kind}_{standard}"]')


def level(page: Page, standard: str, level_id: str):
    return page.locator(f'input[name="level_{standard}"][value="{level_id}"]')


def fill_two_standards(page: Page) -> None:
    level(page, "1.1", "good").check()
    field(page, "evidence", "1.1").fill(EVIDENCE)
    level(page, "1.2", "requires-improvement").check()
    field(page, "actions", "1.2").fill(FORMULA)


def answers_shown(page: Page) -> dict:
    return {
        "1.1": (page.locator('input[name="level_1.1"]:checked').get_attribute("value"),
                field(page, "evidence", "1.1").input_value(), field(page, "actions", "1.1").input_value()),
        "1.2": (page.locator('input[name="level_1.2"]:checked').get_attribute("value"),
                field(page, "evidence", "1.2").input_value(), field(page, "actions", "1.2").input_value()),
    }


FILLED = {"1.1": ("good", EVIDENCE, ""), "1.2": ("requires-improvement", "", FORMULA)}
EMPTY = {"1.1": ("", "", ""), "1.2": ("", "", "")}
TODAY = date.today().isoformat()


def export_json(page: Page, path: Path) -> Path:
    """Press "Export (JSON)" and save the download at `path`."""
    with page.expect_download() as download:
        page.get_by_role("button", name="Export (JSON)").click()
    download.value.save_as(path)
    return path


def answer_dialog(page: Page, action, accept: bool) -> str:
    """Run `action`, answer the confirm dialog it opens, and return the dialog's message.

    Waits until the dialog has been answered: the page may open it a moment after the
    action (an import reads its file first), and a dialog nobody listens for is dismissed.
    The message is checked by the caller: an assertion inside Playwright's event handler
    would not fail the test."""
    messages = []

    def answer(dialog):
        messages.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", answer)
    action()
    for _ in range(200):
        if messages:
            return messages[0]
        page.wait_for_timeout(50)
    raise AssertionError("no confirm dialog opened")


@pytest.mark.parametrize("width", VIEWPORTS)
def test_fill_reload_export_clear_import(page: Page, site_url: str, width: int, tmp_path: Path):
    page.set_viewport_size(VIEWPORTS[width])
    page.goto(site_url + WORKSHEET)
    progress = page.locator("#self-assessment-progress")
    expect(progress).to_have_text("0 of 4 standards assessed.")
    expect(page.locator("#self-assessment-storage")).to_contain_text(
        "Your answers stay in this browser, on this device.")

    fill_two_standards(page)
    expect(progress).to_have_text("2 of 4 standards assessed: 1 Good, 1 Requires improvement.")
    expect(page.locator("#self-assessment-unassessed")).to_have_text(
        "Not assessed yet: 1.3 Services, 1.4 Information and facilities.")
    counts = page.locator("#self-assessment-counts tbody tr").evaluate_all(
        "rows => rows.map(r => [r.querySelector('th').textContent, r.querySelector('td').textContent])")
    assert counts == [["Outstanding", "0"], ["Good", "1"], ["Requires improvement", "1"],
                      ["Inadequate", "0"], ["Not assessed yet", "2"]]

    page.reload()
    assert answers_shown(page) == FILLED
    expect(progress).to_have_text("2 of 4 standards assessed: 1 Good, 1 Requires improvement.")

    csv_button = page.get_by_role("button", name="Export for a spreadsheet (CSV)")
    with page.expect_download() as csv_download:
        csv_button.click()
    assert csv_download.value.suggested_filename == f"self-assessment-2018-{TODAY}.csv"
    expect(page.locator("#self-assessment-message")).to_have_text(f"Exported self-assessment-2018-{TODAY}.csv.")
    expect(csv_button).to_be_focused()                         # ready for the next export
    raw = Path(csv_download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                     # the BOM: Excel reads UTF-8
    assert "–".encode() in raw and "“good”".encode() in raw    # en dash and curly quotes, as UTF-8
    assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == 5   # header and four rows, CRLF
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Edition", "Standard", "Level", "Evidence", "Planned actions"]
    assert rows[1] == ["Standards framework 2018", "1.1 Leadership", "Good", EVIDENCE, ""]
    assert rows[2] == ["Standards framework 2018", "1.2 Staff", "Requires improvement", "",
                       "'" + FORMULA]                          # a formula is shown as text
    assert [row[1] for row in rows[3:]] == ["1.3 Services", "1.4 Information and facilities"]

    with page.expect_download() as json_download:
        page.get_by_role("button", name="Export (JSON)").click()
    exported_file = tmp_path / json_download.value.suggested_filename
    json_download.value.save_as(exported_file)
    data = json.loads(exported_file.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["edition"]) == (
        "standards-self-assessment", 1, {"id": "2018", "title": "Standards framework 2018"})
    assert data["site"] == site_url
    assert data["page"] == site_url + WORKSHEET
    assert [level["id"] for level in data["scale"]] == ["outstanding", "good", "requires-improvement", "inadequate"]
    assert data["standards"][:2] == [
        {"id": "1.1", "title": "Leadership", "level": "good", "level_label": "Good", "evidence": EVIDENCE, "actions": ""},
        {"id": "1.2", "title": "Staff", "level": "requires-improvement", "level_label": "Requires improvement",
         "evidence": "", "actions": FORMULA},
    ]
    assert [s["id"] for s in data["standards"]] == ["1.1", "1.2", "1.3", "1.4"]

    clear = page.get_by_role("button", name="Clear all answers").click
    assert answer_dialog(page, clear, accept=True) == ("Clear every answer on this worksheet? This cannot be undone: "
                                                       "export them first to keep a copy.")
    expect(page.locator("#self-assessment-message")).to_have_text(
        "All answers cleared from this worksheet and from this browser's storage.")
    assert answers_shown(page) == EMPTY
    expect(progress).to_have_text("0 of 4 standards assessed.")
    page.reload()
    assert answers_shown(page) == EMPTY

    page.get_by_label("Import answers from a JSON export").set_input_files(exported_file)
    message = page.locator("#self-assessment-message")
    expect(message).to_have_text(f"Imported the answers to 2 standards from {exported_file.name}.")
    expect(message).to_be_focused()
    assert answers_shown(page) == FILLED
    page.reload()                                               # the import was saved too
    assert answers_shown(page) == FILLED
    page.goto(site_url + WORKSHEET + "index.html")              # the same worksheet by its file name
    assert answers_shown(page) == FILLED


def test_importing_over_answers_asks_first(page: Page, site_url: str, tmp_path: Path):
    page.goto(site_url + WORKSHEET)
    fill_two_standards(page)
    exported_file = export_json(page, tmp_path / "export.json")
    level(page, "1.3", "outstanding").check()
    question = "Importing replaces the answers on this worksheet with those of export.json. Continue?"

    def import_file():
        page.get_by_label("Import answers from a JSON export").set_input_files(exported_file)

    assert answer_dialog(page, import_file, accept=False) == question
    expect(level(page, "1.3", "outstanding")).to_be_checked()   # dismissed: nothing replaced
    assert answer_dialog(page, import_file, accept=True) == question
    expect(page.locator("#self-assessment-message")).to_have_text("Imported the answers to 2 standards from export.json.")
    expect(level(page, "1.3", "")).to_be_checked()


@pytest.mark.parametrize("name, text, expected", [
    ("answers.csv", "\ufeffEdition,Standard\r\n",
     "answers.csv was not imported: it is not a JSON file (a CSV export cannot be imported: choose the JSON "
     "export). Choose a file made by this worksheet's “Export (JSON)”."),
    ("other.json", '{"name": "something else"}',
     'other.json was not imported: it is not a self-assessment exported from this site (it has no "format": '
     '"standards-self-assessment"). Choose a file made by “Export (JSON)”.'),
    ("future.json", '{"format": "standards-self-assessment", "version": 2}',
     "future.json was not imported: it is in version 2 of the self-assessment format, and this page reads version 1."),
    ("elsewhere.json", '{"format": "standards-self-assessment", "version": 1, "edition": {"id": "1999"}, "standards": []}',
     "elsewhere.json was not imported: it is a self-assessment of edition 1999, which is not linked to the "
     "Standards framework 2018 by a crosswalk on this site, so its answers cannot be matched to these standards."),
])
def test_a_wrong_file_is_refused_with_a_clear_message(page: Page, site_url: str, tmp_path: Path, name, text, expected):
    page.goto(site_url + WORKSHEET)
    level(page, "1.1", "good").check()
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.get_by_label("Import answers from a JSON export").set_input_files(path)
    message = page.locator("#self-assessment-message")
    expect(message).to_have_text(expected)
    expect(message).to_have_class("self-assessment__message self-assessment__message--problem")
    expect(message).to_be_focused()
    expect(level(page, "1.1", "good")).to_be_checked()          # nothing changed


def test_keyboard_alone_fills_and_exports(page: Page, site_url: str):
    page.goto(site_url + WORKSHEET)

    def tab_to(selector: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to('[data-action="export-json"]')
    tab_to('input[name="level_1.1"][value=""]')                # the group's one Tab stop: its checked radio
    page.keyboard.press("ArrowUp")             # the level above "Not assessed yet": the lowest
    expect(level(page, "1.1", "inadequate")).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(level(page, "1.1", "requires-improvement")).to_be_checked()
    page.keyboard.press("Tab")                 # "What each level means": opens with Enter
    page.keyboard.press("Enter")
    expect(page.locator("#standard-1\\.1 details")).to_have_attribute("open", "")
    expect(page.locator("#standard-1\\.1 details dt a").first).to_be_visible()
    tab_to('[id="evidence_1.1"]')
    page.keyboard.type("Typed – by keyboard")
    expect(page.locator("#self-assessment-progress")).to_have_text("1 of 4 standards assessed: 1 Requires improvement.")
    for _ in range(200):                       # back up to the export button
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.matches('[data-action=\"export-json\"]')"):
            break
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["standards"][0]["level"] == "requires-improvement"
    assert data["standards"][0]["evidence"] == "Typed – by keyboard"


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_it_is_a_blank_worksheet_to_print(page: Page, site_url: str):
    page.goto(site_url + WORKSHEET)
    expect(page.locator("#self-assessment-no-script")).to_be_visible()
    expect(page.locator("#self-assessment-no-script")).to_have_text(
        "Scripts are off in this browser, so this page cannot keep your answers. Print it to fill in by hand, "
        "or turn scripts on to fill it in here: your answers are then kept in this browser and can be exported.")
    expect(page.locator("#self-assessment")).to_be_hidden()     # no export, import or clear that cannot work
    expect(page.locator("#summary")).to_be_hidden()
    assert page.locator(".md-content button:visible").count() == 0
    expect(page.locator(".self-assessment__standard")).to_have_count(4)
    expect(page.locator("textarea:visible")).to_have_count(8)
    page.emulate_media(media="print")
    expect(page.locator(".self-assessment__choice--unset").first).to_be_hidden()
    expect(page.locator("#self-assessment-no-script")).to_be_hidden()
    expect(level(page, "1.4", "inadequate")).to_be_visible()


def test_print_shows_every_answer_in_full(page: Page, site_url: str):
    page.goto(site_url + WORKSHEET)
    fill_two_standards(page)
    long_text = "\n".join(f"Line {n} of the evidence" for n in range(1, 21))
    field(page, "evidence", "1.3").fill(long_text)
    page.emulate_media(media="print")
    expect(page.locator("#self-assessment")).to_be_hidden()
    expect(field(page, "evidence", "1.3")).to_be_hidden()
    printed = page.locator('.self-assessment__printed[data-for="evidence_1.3"]')
    expect(printed).to_be_visible()
    expect(printed).to_have_text(long_text)
    expect(field(page, "evidence", "1.4")).to_be_visible()      # empty: a box to write in


TWO = "standards/{}/self-assessment/"


def test_a_file_from_the_older_edition_imports_through_the_crosswalk(page: Page, two_editions_url: str, tmp_path: Path):
    page.goto(two_editions_url + TWO.format("2018"))
    answers = {
        "1.1": ("good", "Leading evidence", ""),                 # same id and title
        "1.2": ("outstanding", "People evidence", ""),           # renamed
        "1.3": ("good", "", "Partnership actions"),              # moved to 2.1
        "1.4": ("requires-improvement", "Services evidence", ""),  # split into 2.2 and 2.3
        "1.5": ("good", "Information evidence", ""),             # merged with 1.6 into 2.4
        "1.6": ("inadequate", "Facilities evidence", ""),
        "1.7": ("good", "Volunteer evidence", ""),               # retired
    }
    for standard, (level_id, evidence, actions) in answers.items():
        level(page, standard, level_id).check()
        field(page, "evidence", standard).fill(evidence)
        field(page, "actions", standard).fill(actions)
    exported_file = export_json(page, tmp_path / "from-2018.json")

    page.goto(two_editions_url + TWO.format("2021"))
    page.get_by_label("Import answers from a JSON export").set_input_files(exported_file)
    message = page.locator("#self-assessment-message")
    expect(message.locator("p")).to_have_text(
        "Imported from-2018.json, a self-assessment of the Fixture framework 2018, into the Fixture framework 2021: "
        "6 standards of this edition now have answers. What changed between the editions:")
    assert message.locator("li").all_text_contents() == [
        "1.2 People is 1.2 People and culture in this edition (renamed): its answers moved there.",
        "1.3 Partnerships is 2.1 Partnerships in this edition (moved, new id): its answers moved there.",
        "1.4 Services corresponds to 2.2 Services in custody and 2.3 Services in the community in this edition "
        "(split): its answers were copied to each; check that they fit.",
        "1.5 Information is part of 2.4 Information and facilities in this edition (merged): its answers were added "
        "there, with those of the other standards it corresponds to.",
        "1.6 Facilities is part of 2.4 Information and facilities in this edition (merged): its answers were added "
        "there, with those of the other standards it corresponds to.",
        "1.7 Volunteers was retired: its answers were not imported (they are still in from-2018.json). Reason given: "
        "Fixture reason: volunteering is covered by 2.5 Learning in part, and otherwise dropped.",
        "2.4 Information and facilities: the standards it corresponds to had different levels, so no level was set.",
    ]
    expect(level(page, "1.1", "good")).to_be_checked()
    expect(level(page, "1.2", "outstanding")).to_be_checked()
    expect(field(page, "evidence", "1.2")).to_have_value("People evidence")
    expect(level(page, "2.1", "good")).to_be_checked()
    expect(field(page, "actions", "2.1")).to_have_value("Partnership actions")
    for split in ("2.2", "2.3"):
        expect(level(page, split, "requires-improvement")).to_be_checked()
        expect(field(page, "evidence", split)).to_have_value("Services evidence")
    expect(level(page, "2.4", "")).to_be_checked()
    expect(field(page, "evidence", "2.4")).to_have_value(
        "From 1.5 Information:\nInformation evidence\n\nFrom 1.6 Facilities:\nFacilities evidence")
    expect(level(page, "2.5", "")).to_be_checked()
    expect(page.locator("#self-assessment-progress")).to_have_text(
        "5 of 7 standards assessed: 1 Outstanding, 2 Good, 2 Requires improvement.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", VIEWPORTS)
def test_no_axe_violations_once_filled_in_and_after_an_import_message(page: Page, site_url: str, width: int,
                                                                        scheme: str, tmp_path: Path):
    page.set_viewport_size(VIEWPORTS[width])
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + WORKSHEET)
    fill_two_standards(page)
    page.locator("#standard-1\\.1 details > summary").click()
    path = tmp_path / "wrong.json"
    path.write_text("{}", encoding="utf-8")
    page.get_by_label("Import answers from a JSON export").set_input_files(path)
    expect(page.locator("#self-assessment-message")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, "\n".join(describe(WORKSHEET, violations))


@pytest.mark.parametrize("width", VIEWPORTS)
def test_every_tab_stop_of_a_filled_worksheet_shows_a_focus_ring(page: Page, site_url: str, width: int):
    """As test_keyboard.py checks on every page as built, but with the summary's links
    written by the script and the levels' meanings open."""
    page.set_viewport_size(VIEWPORTS[width])
    page.goto(site_url + WORKSHEET)
    fill_two_standards(page)
    page.reload()                               # Tab from the top of the page, answers kept
    page.locator("#standard-1\\.1 details").evaluate("details => { details.open = true; }")
    stops = tab_stops(page)
    assert any(stop["what"].endswith('"1.3 Services"') for stop in stops)   # a link the script wrote
    problems = [f"{stop['what']}: outline {stop['outline']}px, on screen: {stop['onScreen']}"
                for stop in stops if stop["outline"] < 2 or not stop["onScreen"]]
    assert not problems, "focus is not visible on:\n" + "\n".join(problems)


def test_a_file_from_the_newer_edition_imports_the_other_way(page: Page, two_editions_url: str, tmp_path: Path):
    page.goto(two_editions_url + TWO.format("2021"))
    for standard, level_id in (("2.2", "good"), ("2.3", "good"), ("2.4", "inadequate"), ("2.5", "outstanding")):
        level(page, standard, level_id).check()
        field(page, "evidence", standard).fill(f"Evidence of {standard}")
    exported_file = export_json(page, tmp_path / "from-2021.json")

    page.goto(two_editions_url + TWO.format("2018"))
    page.get_by_label("Import answers from a JSON export").set_input_files(exported_file)
    message = page.locator("#self-assessment-message")
    expect(message.locator("p")).to_have_text(
        "Imported from-2021.json, a self-assessment of the Fixture framework 2021, into the Fixture framework 2018: "
        "3 standards of this edition now have answers. What changed between the editions:")
    assert message.locator("li").all_text_contents() == [
        "2.2 Services in custody is part of 1.4 Services in this edition (split): its answers were added there, "
        "with those of the other standards it corresponds to.",
        "2.3 Services in the community is part of 1.4 Services in this edition (split): its answers were added there, "
        "with those of the other standards it corresponds to.",
        "2.4 Information and facilities corresponds to 1.5 Information and 1.6 Facilities in this edition (merged): "
        "its answers were copied to each; check that they fit.",
        "2.5 Learning has no equivalent in this edition (it is new in the Fixture framework 2021): its answers were "
        "not imported (they are still in from-2021.json).",
    ]
    expect(level(page, "1.4", "good")).to_be_checked()         # both halves said Good
    expect(field(page, "evidence", "1.4")).to_have_value(
        "From 2.2 Services in custody:\nEvidence of 2.2\n\nFrom 2.3 Services in the community:\nEvidence of 2.3")
    for merged in ("1.5", "1.6"):
        expect(level(page, merged, "inadequate")).to_be_checked()
        expect(field(page, "evidence", merged)).to_have_value("Evidence of 2.4")


def test_a_file_of_this_edition_with_unknown_parts_imports_what_fits(page: Page, site_url: str, tmp_path: Path):
    path = tmp_path / "edited.json"
    path.write_text(json.dumps({
        "format": "standards-self-assessment", "version": 1, "edition": {"id": "2018"},
        "standards": [{"id": "1.1", "level": "superb", "evidence": "Kept", "actions": ""},
                      {"id": "9.9", "level": "good", "evidence": "", "actions": ""},
                      {"id": "1.2", "level": "good", "evidence": 5, "actions": None},
                      "not a standard"],
    }), encoding="utf-8")
    page.goto(site_url + WORKSHEET)
    page.get_by_label("Import answers from a JSON export").set_input_files(path)
    message = page.locator("#self-assessment-message")
    expect(message.locator("p")).to_have_text("Imported the answers to 2 standards from edited.json.")
    assert message.locator("li").all_text_contents() == [
        "1.1: the level “superb” is not on this edition's scale, so no level was set.",
        "9.9 is not a standard of this edition: its answers were not imported.",
    ]
    assert answers_shown(page) == {"1.1": ("", "Kept", ""), "1.2": ("good", "", "")}
