"""The browser editor, as an author uses it: open /admin/, change a guide's title and a
standard's level text, save, and find the files on disk changed and still valid.

Against a COPY of the real site (mkdocs.yml, standards/, docs/, macros/, overrides/) in a
temporary folder, never the repository's own files. The editor runs with its local backend:
`decap-server` (npm, installed in cms/ by `make cms`) on a free port writes to the copy, as
`make serve-editor` does for an author; the site is built with the editor on and served
from a thread on another free port.

The screenshots of the guide and standard forms in docs/authors/editor.md are made here:
`make editor-screenshots` (STANDARDS_UPDATE_SCREENSHOTS=1) writes them into docs/authors/images/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from standards_site.core.yaml_source import parse_yaml
from standards_site.site.cms import NPM_FOLDER
from tests.conftest import ROOT, STANDARDS_SITE, SiteServer, mkdocs_build

DECAP_SERVER = NPM_FOLDER / "node_modules" / "decap-server" / "dist" / "index.js"
SCREENSHOTS = ROOT / "docs" / "authors" / "images"
GUIDE = "line-management-supervision"
STANDARD = "1.2"
LEVEL = "good"


def as_read(text: str):
    """A YAML file's data as the site reads it (dates stay text: `2020-01-14` and `"2020-01-14"`
    are the same value to the site, and the editor writes dates unquoted)."""
    return parse_yaml(text).data


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path, what: str = "decap-server") -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what} stopped (exit {process.returncode}):\n{log.read_text()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"{what} did not listen on port {port} within 60 s:\n{log.read_text()}")


CARE_EXAMPLE = ROOT / "examples" / "care-inspectorate"


def copy_of_the_site(folder: Path, site: Path = ROOT) -> Path:
    copy = folder / "site-source"
    copy.mkdir()
    for name in ("mkdocs.yml", "standards", "docs", "macros", "overrides"):
        source = site / name
        if source.exists():
            (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    return copy


def start_decap_server(copy: Path) -> tuple[subprocess.Popen, int]:
    """decap-server writing to `copy`, as `make serve-editor` starts it (PORT picks its port)."""
    if not DECAP_SERVER.is_file():
        pytest.fail(f"decap-server is not installed at {DECAP_SERVER}: run `make cms` (the editor's npm folder)")
    port = free_port()
    log = copy.parent / "decap-server.log"
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], cwd=copy, stdout=log.open("w"), stderr=subprocess.STDOUT,
        env={"PATH": os.environ["PATH"], "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
             "GIT_REPO_DIRECTORY": str(copy), "LOG_LEVEL": "warn"})
    wait_for_port(port, server, log)
    return server, port


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    """(the copy's folder, the admin page's URL): decap-server and the built site, both on loopback."""
    copy = copy_of_the_site(tmp_path_factory.mktemp("editor"))
    server, port = start_decap_server(copy)
    try:
        built = copy.parent / "site"
        result = mkdocs_build(copy / "mkdocs.yml", built, extra_env={
            "STANDARDS_EDITOR": "1", "STANDARDS_EDITOR_BACKEND": f"http://127.0.0.1:{port}/api/v1"})
        assert result.returncode == 0, result.stderr
        site = SiteServer(built)
        yield copy, site.url + "admin/"
        site.close()
    finally:
        stop(server)


def open_entry(page: Page, admin: str, collection: str, entry: str) -> None:
    """Sign in to the local backend (a button, no password) and open one entry. 900 px wide:
    the form's own width, so the screenshots in the docs are not mostly margin."""
    page.set_viewport_size({"width": 900, "height": 900})
    page.goto(admin)
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_text("Collections").first).to_be_visible()
    page.goto(f"{admin}#/collections/{collection}/entries/{entry}")


def publish(page: Page) -> None:
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    expect(page.get_by_text("Changes saved")).to_be_visible()


def wait_for_change(path: Path, before: str) -> str:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        text = path.read_text(encoding="utf-8")
        if text != before:
            return text
        time.sleep(0.2)
    pytest.fail(f"{path} was not changed by the editor within 15 s")


def keep_screenshot(page: Page, name: str, tmp_path: Path) -> None:
    """Every run makes the screenshot; `make editor-screenshots` keeps it for the docs."""
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000, "the screenshot is (nearly) empty"
    if os.environ.get("STANDARDS_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, SCREENSHOTS / name)


def validate(copy: Path) -> subprocess.CompletedProcess:
    return subprocess.run([STANDARDS_SITE, "validate", "--root", str(copy / "standards")],
                          capture_output=True, text=True, cwd=copy)


def front_matter(text: str) -> tuple[dict, str, list[str]]:
    """A guide's front matter (as data and its keys in order) and its Markdown body."""
    _, head, body = text.split("---\n", 2)
    data = as_read(head)
    return data, body.strip(), list(data)


def test_an_author_changes_a_guide_s_title(page: Page, editor_site, tmp_path):
    copy, admin = editor_site
    guide = copy / "standards" / "guides" / f"{GUIDE}.md"
    before = guide.read_text(encoding="utf-8")
    policy_errors = []
    page.on("console", lambda message: policy_errors.append(message.text)
            if "Content Security Policy" in message.text else None)

    open_entry(page, admin, "guides", GUIDE)
    title = page.get_by_label("Title", exact=True).first
    expect(title).to_have_value("Line management supervision")
    keep_screenshot(page, "editor-guide.png", tmp_path)
    title.fill("Line management supervision in the National Probation Service")
    publish(page)

    after = wait_for_change(guide, before)
    old, old_body, old_keys = front_matter(before)
    new, new_body, new_keys = front_matter(after)
    assert new["title"] == "Line management supervision in the National Probation Service"
    assert {**new, "title": old["title"]} == old, "nothing else in the front matter changed"
    assert new_keys == old_keys, "the keys keep their order"
    assert new_body == old_body, "the guide's text is unchanged"
    result = validate(copy)
    assert result.returncode == 0, result.stderr
    assert not policy_errors, "the admin page's Content-Security-Policy blocked the editor"


def test_an_author_changes_a_standard_s_level_text(page: Page, editor_site, tmp_path):
    copy, admin = editor_site
    standard = copy / "standards" / "editions" / "2018" / "standards" / f"{STANDARD}.yml"
    before = standard.read_text(encoding="utf-8")
    old = as_read(before)

    open_entry(page, admin, "standards-2018", STANDARD)
    level = page.locator(f'label[for^="{LEVEL}-field-"]')
    summary = level.locator("xpath=following::textarea[1]")
    expect(summary).to_have_value(old["characteristics"][LEVEL]["summary"])
    level.evaluate("label => label.scrollIntoView({block: 'start'})")
    page.mouse.wheel(0, -100)   # below the editor's fixed top bar
    expect(level).to_be_in_viewport()
    keep_screenshot(page, "editor-standard.png", tmp_path)
    summary.fill("Staff are enabled to deliver a high-quality service (changed in the editor's test).")
    publish(page)

    after = wait_for_change(standard, before)
    new = as_read(after)
    assert new["characteristics"][LEVEL]["summary"] == (
        "Staff are enabled to deliver a high-quality service (changed in the editor's test).")
    expected = {**old, "characteristics": {**old["characteristics"],
                                           LEVEL: {**old["characteristics"][LEVEL], "summary": new["characteristics"][LEVEL]["summary"]}}}
    assert new == expected, "every other level and field is word for word as it was"
    assert list(new) == list(old) and list(new["characteristics"]) == list(old["characteristics"]), "key order kept"
    assert after.startswith("id: \"1.2\"\n"), "ids stay quoted text; the file's comments are not kept (docs say so)"
    result = validate(copy)
    assert result.returncode == 0, result.stderr


def test_saving_an_edition_adds_nothing_it_did_not_have(page: Page, editor_site):
    """2018 describes only some levels overall (level_descriptors): the other levels' empty
    groups in the form are not written into the file, which still validates."""
    copy, admin = editor_site
    edition = copy / "standards" / "editions" / "2018" / "edition.yml"
    before = edition.read_text(encoding="utf-8")
    old = as_read(before)
    open_entry(page, admin, "editions", "2018")
    title = page.get_by_label("Title", exact=True).first
    expect(title).to_have_value(old["title"])
    title.fill("Standards framework 2018 (saved in the editor)")
    publish(page)
    new = as_read(wait_for_change(edition, before))
    assert new == {**old, "title": "Standards framework 2018 (saved in the editor)"}
    result = validate(copy)
    assert result.returncode == 0, result.stderr


def test_saving_an_inspection_keeps_its_stated_ratings(page: Page, editor_site):
    """An inspection states rating counts for some levels only: saving it writes no count
    the report did not state."""
    copy, admin = editor_site
    inspection = copy / "standards" / "inspections" / "nps-central-functions-2020" / "inspection.yml"
    before = inspection.read_text(encoding="utf-8")
    old = as_read(before)
    open_entry(page, admin, "inspections", "nps-central-functions-2020")
    title = page.get_by_label("Title", exact=True).first
    expect(title).to_have_value(old["title"])
    title.fill(old["title"] + " (saved in the editor)")
    publish(page)
    new = as_read(wait_for_change(inspection, before))
    assert new == {**old, "title": old["title"] + " (saved in the editor)"}
    result = validate(copy)
    assert result.returncode == 0, result.stderr


def test_with_serve_editor_the_page_reloads_after_a_save(page: Page, tmp_path):
    """`make serve-editor`: decap-server beside `mkdocs serve`; a save in the editor rebuilds
    the site and the reader's tab reloads with the change (on a copy, on free ports)."""
    copy = copy_of_the_site(tmp_path)
    server, port = start_decap_server(copy)
    serve_port = free_port()
    log = tmp_path / "mkdocs-serve.log"
    serving = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{serve_port}", "--watch", "standards"],
        cwd=copy, stdout=log.open("w"), stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "STANDARDS_EDITOR": "1",
             "STANDARDS_EDITOR_BACKEND": f"http://127.0.0.1:{port}/api/v1"})
    try:
        wait_for_port(serve_port, serving, log, "mkdocs serve")
        base = f"http://127.0.0.1:{serve_port}/"
        page.goto(base + f"guidance/guides/{GUIDE}/")
        expect(page.locator("h1")).to_contain_text("Line management supervision")
        editor = page.context.new_page()
        open_entry(editor, base + "admin/", "guides", GUIDE)
        editor.get_by_label("Title", exact=True).first.fill("Line management supervision, previewed")
        publish(editor)
        expect(page.locator("h1")).to_contain_text("Line management supervision, previewed", timeout=60_000)
    finally:
        stop(serving)
        stop(server)


def test_a_five_level_scale_gets_five_level_groups(page: Page, tmp_path):
    """The care example's edition rates on five levels: its standards' forms have five groups,
    named as its scale names them, and a save there writes that level and validates."""
    copy = copy_of_the_site(tmp_path, CARE_EXAMPLE)
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - standards-site:\n", "  - standards-site:\n      editor: {enabled: !ENV STANDARDS_EDITOR, "
        "local_backend: !ENV STANDARDS_EDITOR_BACKEND}\n", 1), encoding="utf-8")
    server, port = start_decap_server(copy)
    try:
        result = mkdocs_build(config, tmp_path / "site", extra_env={
            "STANDARDS_EDITOR": "1", "STANDARDS_EDITOR_BACKEND": f"http://127.0.0.1:{port}/api/v1"})
        assert result.returncode == 0, result.stderr
        site = SiteServer(tmp_path / "site")
        try:
            open_entry(page, site.url + "admin/", "standards-2026", "1.1")
            expect(page.locator('label[for^="failing-field-"]')).to_be_visible()
            labels = page.locator("label").all_inner_texts()   # as shown: the editor writes labels in capitals
            assert [label for label in labels if label in {"EXEMPLARY", "STRONG", "ADEQUATE", "WEAK", "FAILING"}] == [
                "EXEMPLARY", "STRONG", "ADEQUATE", "WEAK", "FAILING"]
            standard = copy / "standards" / "editions" / "2026" / "standards" / "1.1.yml"
            before = standard.read_text(encoding="utf-8")
            summary = page.locator('label[for^="failing-field-"]').locator("xpath=following::textarea[1]")
            summary.fill("Invented failing summary, changed in the editor's test.")
            publish(page)
            after = as_read(wait_for_change(standard, before))
            assert after["characteristics"]["failing"]["summary"] == "Invented failing summary, changed in the editor's test."
            assert validate(copy).returncode == 0
        finally:
            site.close()
    finally:
        stop(server)


# -- "Edit this page" for readers: named, accessible, in both schemes, on a phone and a desktop ---

@pytest.fixture(scope="module")
def editor_build_url(shared_mkdocs_build):
    from tests.sites.test_editor_build import shared_build_with_editor

    server = SiteServer(shared_build_with_editor(shared_mkdocs_build))
    yield server.url
    server.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_edit_links_are_named_links_without_axe_violations(page: Page, editor_build_url, width, scheme):
    from tests.browser.axe_runner import axe_violations, describe

    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    problems = []
    for path, target in (("standards/2018/1.2/", "admin/#/collections/standards-2018/entries/1.2"),
                         ("guidance/guides/line-management-supervision/",
                          "admin/#/collections/guides/entries/line-management-supervision"),
                         ("how-to-cite/", "https://github.com/inspectorate/standards/edit/main/docs/how-to-cite.md")):
        page.goto(editor_build_url + path)
        link = page.get_by_role("link", name="Edit this page", exact=True)
        expect(link).to_be_visible()
        assert link.evaluate("a => a.href") == (target if target.startswith("https:") else editor_build_url + target)
        problems += describe(f"/{path}", axe_violations(page))
    assert not problems, "\n".join(problems)


def test_the_edit_link_opens_the_entry_in_the_editor(page: Page, editor_build_url):
    page.goto(editor_build_url + "standards/2018/1.2/")
    page.get_by_role("link", name="Edit this page", exact=True).click()
    assert page.url == editor_build_url + "admin/#/collections/standards-2018/entries/1.2"
    expect(page).to_have_title("Edit the content: Inspection standards and effective practice")


def test_the_edit_link_is_left_out_of_print_and_the_pdfs(page: Page, editor_build_url):
    page.goto(editor_build_url + "standards/2018/1.2/")
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Edit this page", exact=True)).to_be_hidden()
