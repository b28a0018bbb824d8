"""PDFs of standards and editions (standards_site/site/pdfs.py), read back as a reader gets them.

The real site and the five-level example are built once each with STANDARDS_PDF=1 (the
published build), then every PDF is read back with poppler's `pdftotext` and `pdfinfo`
(Debian's poppler-utils, installed by `make browser-deps`): every characteristic's text
must be in its standard's PDF and in its edition's PDF, and the title, language, page
count and size must be what the page's download link says.

What the text comparison normalises, and why: `pdftotext -layout` gives the printed lines
as they are (without `-layout`, poppler joins a line ending in a hyphen to the next and
drops the hyphen: "high-quality" would read "highquality"), so a paragraph is broken where the page broke it. Lines are joined with a space, except after
a hyphen that follows a letter ("high-" + "quality": the line broke inside a hyphenated
word, which Chromium never hyphenates itself); runs of white space become one space; page
breaks (form feeds) and the running footer (the document's title and "Page N of M",
printed at the foot of every page, between the two halves of a paragraph that crosses
a page) are removed. Nothing else: letters, punctuation and quotation marks must match.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from standards_site.site.content import load_content
from standards_site.site.pdfs import file_size
from standards_site.site.url_manifest import broken, read_manifest, unlisted
from tests.conftest import BUILD_ENV, EXAMPLE, ROOT, mkdocs_build

COMMIT_TIME = 1_700_000_000   # any fixed time stands in for a commit's (as in test_reproducibility.py)
WITH_PDFS = {"STANDARDS_PDF": "1", "SOURCE_DATE_EPOCH": str(COMMIT_TIME)}
LINK = re.compile(r'<p class="pdf-download" data-pagefind-ignore><a href="([^"]+)" type="application/pdf">'
                  r'Download this (standard|edition) as a PDF \((\d+) pages?, ([\d.]+ [KM]B)\)</a></p>')
SITES = {"real": ROOT, "five-level example": EXAMPLE}


def build_with_pdfs(folder: Path, config: Path) -> Path:
    result = mkdocs_build(config, folder, WITH_PDFS)
    assert result.returncode == 0, result.stderr
    assert re.search(r"PDFs: \d+ printed", result.stderr)
    return folder


def shared_build_with_pdfs(shared_mkdocs_build, config: Path) -> Path:
    """The same build, made once per test run (shared by modules and xdist workers)."""
    folder, result = shared_mkdocs_build(config, WITH_PDFS)
    assert result.returncode == 0, result.stderr
    assert re.search(r"PDFs: \d+ printed", result.stderr)
    return folder


@pytest.fixture(scope="module", params=sorted(SITES))
def site(request, shared_mkdocs_build):
    """(source folder, site built with PDFs) for the real site and the five-level example."""
    source = SITES[request.param]
    return source, shared_build_with_pdfs(shared_mkdocs_build, source / "mkdocs.yml")


def pdf_text(pdf: Path) -> str:
    """The PDF's text, normalised as the module docstring says."""
    title = pdf_info(pdf)["Title"]
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [line for line in text.replace("\f", "\n").splitlines()
             if line.strip() not in (title, "") and not re.fullmatch(r"(.*\s)?Page \d+ of \d+", line.strip())]
    lines = [line[:-len(title)] if line.endswith(title) else line for line in lines]
    joined = re.sub(r"(?<=\w)-\n", "-", "\n".join(line.strip() for line in lines))
    return " ".join(joined.split())


def normalised(text: str) -> str:
    return " ".join(str(text).split())


def pdf_info(pdf: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(re.match(r"([^:]+):\s*(.*)", line).groups() for line in output.splitlines() if ":" in line)


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def download_link(site: Path, url: str) -> tuple[str, str, int, str]:
    """(href, noun, pages, size) of the one PDF link on the page at `url`."""
    links = LINK.findall(page_html(site, url))
    assert len(links) == 1, f"{url}: expected one PDF download link, found {len(links)}"
    href, noun, pages, size = links[0]
    return href, noun, int(pages), size


def editions(source: Path):
    return load_content(source / "standards").framework.editions.values()


def test_every_characteristic_is_in_its_standards_pdf_and_in_its_editions_pdf(site):
    source, built = site
    checked = 0
    for edition in editions(source):
        edition_href, _, _, _ = download_link(built, f"standards/{edition.id}")
        edition_text = pdf_text(built / "standards" / edition.id / edition_href)
        for standard in edition.standards.values():
            folder = f"standards/{edition.id}/{standard.id}"
            href, _, _, _ = download_link(built, folder)
            standard_text = pdf_text(built / folder / href)
            assert normalised(standard.statement) in standard_text
            assert normalised(standard.statement) in edition_text
            for level, characteristic in edition.characteristics(standard):
                assert f"{level.label} {normalised(characteristic.summary)}" in standard_text, (folder, level.id)
                for paragraph in [characteristic.summary, *characteristic.paragraphs]:
                    assert normalised(paragraph) in standard_text, (folder, level.id, paragraph[:60])
                    assert normalised(paragraph) in edition_text, (edition.id, standard.id, level.id, paragraph[:60])
                    checked += 1
    assert checked > 20


def test_an_editions_pdf_is_its_page_then_each_standard_in_order(site):
    source, built = site
    for edition in editions(source):
        href, _, _, _ = download_link(built, f"standards/{edition.id}")
        text = pdf_text(built / "standards" / edition.id / href)
        headings = [f"{standard.id} {normalised(standard.title)} Domain" for standard in edition.standards.values()]
        positions = [text.find(heading) for heading in headings]
        assert -1 not in positions, headings
        assert -1 < text.find(normalised(edition.edition.title)) < positions[0]
        assert positions == sorted(positions)


def test_title_language_pages_and_size_are_what_the_link_says(site):
    source, built = site
    for pdf in sorted(built.rglob("*.pdf")):
        page_folder = pdf.parent.relative_to(built).as_posix()
        page = page_html(built, page_folder)
        href, noun, pages, size = download_link(built, page_folder)
        assert href == pdf.name
        info = pdf_info(pdf)
        title = html.unescape(re.search(r"<title>(.*?)</title>", page).group(1))
        assert info["Title"] == title
        assert info["Tagged"] == "yes"
        assert int(info["Pages"]) == pages
        assert file_size(pdf.stat().st_size) == size
        language = re.search(r'<html lang="([^"]+)"', page).group(1)
        assert PdfReader(pdf).trailer["/Root"]["/Lang"] == language
        assert noun == ("edition" if page_folder.count("/") == 1 else "standard")


def test_the_pdfs_carry_the_build_date_not_the_time_of_printing(site):
    _, built = site
    expected = datetime.fromtimestamp(COMMIT_TIME, tz=timezone.utc).strftime("%a %b %e %H:%M:%S %Y UTC")
    for pdf in built.rglob("*.pdf"):
        info = pdf_info(pdf)
        assert (" ".join(info["CreationDate"].split()), " ".join(info["ModDate"].split())) == (
            " ".join(expected.split()),) * 2


def test_every_pdf_is_in_the_url_manifest_and_every_listed_url_resolves(site):
    source, built = site
    manifest = read_manifest(source / "url-manifest.txt")
    assert [url for url in manifest if url.endswith(".pdf")], "the manifest lists no PDF"
    assert broken(built, manifest) == {}
    assert unlisted(built, manifest) == [], "new URLs: run `STANDARDS_PDF=1 standards-site urls --update`"


def test_a_standard_page_link_reads_right(site):
    source, built = site
    edition = next(iter(editions(source)))
    standard = next(iter(edition.standards.values()))
    folder = f"standards/{edition.id}/{standard.id}"
    pages = int(pdf_info(built / folder / f"standard-{standard.id}-{edition.id}.pdf")["Pages"])
    size = file_size((built / folder / f"standard-{standard.id}-{edition.id}.pdf").stat().st_size)
    assert (f'<a href="standard-{standard.id}-{edition.id}.pdf" type="application/pdf">Download this standard '
            f'as a PDF ({pages} pages, {size})</a>') in page_html(built, folder)


def test_a_build_without_the_option_has_no_pdf_and_no_link(built_site, example_site):
    for built in (built_site, example_site):
        assert list(built.rglob("*.pdf")) == []
        for page in (built / "standards").rglob("index.html"):
            text = page.read_text(encoding="utf-8")
            assert "pdf-download" not in text and "PDF download link" not in text, page


def test_pdfs_without_chromium_stop_the_build_with_one_clear_line_and_no_site(tmp_path):
    folder = tmp_path / "site"
    result = mkdocs_build(ROOT / "mkdocs.yml", folder, {"STANDARDS_PDF": "1", "CHROMIUM": str(tmp_path / "nowhere")})
    assert result.returncode == 1
    assert result.stderr == (
        f"ERROR   -  PDFs (STANDARDS_PDF) need Chromium, which is not at {tmp_path / 'nowhere'}: install "
        "Debian's chromium (`make browser-deps`), or set CHROMIUM to its path, or turn PDFs off\n")
    assert not folder.exists()


def test_two_builds_of_a_commit_give_identical_pdfs(tmp_path, shared_mkdocs_build):
    first = shared_build_with_pdfs(shared_mkdocs_build, EXAMPLE / "mkdocs.yml")   # the `site` fixture's build
    second = build_with_pdfs(tmp_path / "second", EXAMPLE / "mkdocs.yml")
    pdfs = sorted(path.relative_to(first) for path in first.rglob("*.pdf"))
    assert pdfs == sorted(path.relative_to(second) for path in second.rglob("*.pdf"))
    assert [path for path in pdfs if (first / path).read_bytes() != (second / path).read_bytes()] == []


def test_serve_ignores_the_option(tmp_path):
    """`mkdocs serve` never prints PDFs (nor needs Chromium), even with STANDARDS_PDF set."""
    from standards_site.mkdocs.plugin import StandardsSitePlugin

    plugin = StandardsSitePlugin()
    plugin.load_config({"organisation": {"name": "X"}, "pdf": True, "chromium": str(tmp_path / "nowhere")})
    plugin.on_startup(command="serve", dirty=False)
    assert not plugin._making_pdfs()
    plugin.on_startup(command="build", dirty=False)
    assert plugin._making_pdfs()


def test_the_published_build_makes_the_pdfs():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    build = next(step for step in workflow["jobs"]["check"]["steps"] if step["name"] == "Build the site")
    run = build["run"]
    assert run.index("make browser-deps") < run.index("export STANDARDS_PDF=1") < run.index("make build")


@pytest.mark.parametrize("size, shown", [(1, "1 KB"), (118 * 1024 + 100, "118 KB"), (1023 * 1024, "1023 KB"), (1024 * 1024 - 1, "1.0 MB"),
                                         (1024 * 1024, "1.0 MB"), (int(1.25 * 1024 * 1024), "1.2 MB")])
def test_file_size(size, shown):
    assert file_size(size) == shown


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_download_links_in_a_browser(site, serve_site, page, scheme):
    """Found by their accessible name, followed to a PDF, and axe finds nothing on the pages."""
    from tests.browser.axe_runner import axe_violations, describe

    source, built = site
    base = serve_site(built)
    edition = next(iter(editions(source)))
    standard = next(iter(edition.standards.values()))
    page.emulate_media(color_scheme=scheme)
    for url, noun in [(f"standards/{edition.id}/{standard.id}/", "standard"), (f"standards/{edition.id}/", "edition")]:
        page.goto(base + url)
        link = page.get_by_role("link", name=re.compile(rf"^Download this {noun} as a PDF \(\d+ pages, [\d.]+ [KM]B\)$"))
        assert link.count() == 1
        response = page.request.get(base + url + link.get_attribute("href"))
        assert response.ok and response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF-")
        assert describe(url, axe_violations(page)) == []


def test_the_manifest_asks_for_pdfs_only_of_a_site_built_with_them(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "index.html").write_text("", encoding="utf-8")
    manifest = ["/s/", "/s/standard-1-2018.pdf", "/standards-2018.pdf"]
    assert broken(tmp_path, manifest) == {}
    (tmp_path / "s" / "standard-1-2018.pdf").write_bytes(b"%PDF-")
    assert broken(tmp_path, manifest) == {"/standards-2018.pdf": "no longer produced"}
    assert unlisted(tmp_path, ["/s/"]) == ["/s/standard-1-2018.pdf"]
