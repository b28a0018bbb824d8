"""PDFs of every standard and every edition, printed from the built site's own print view.

The inspectorate publishes its standards as PDFs; these are made from the same built
pages a reader sees, so the two cannot drift apart. After the build, headless Chromium
(Debian's, through Playwright) opens each standard page and prints it with the page's
own print stylesheet (standards_site/assets/stylesheets/print.css: no header, menu or
search, every rating level one after another under its label). An edition's PDF is its
edition page followed by each of its standards' articles, assembled in the browser
before printing: one document, so it keeps Chromium's tagging (structure tree, outline,
language) whole, which concatenating separate PDFs would lose (pypdf's merge drops the
structure tree), and no extra print-only page is published.

Pages are loaded at their public address (the site's `site_url`), each request answered
from the built folder by Playwright's routing and nothing fetched from elsewhere, so the
links inside a PDF lead to the published site rather than to a temporary folder.

Each PDF is tagged (accessible structure), has an outline (bookmarks from the headings),
the page's `<title>` as its title and the page's `lang` as its language. Chromium writes
the time of printing as its creation and modification dates; with SOURCE_DATE_EPOCH set
(as CI sets it to the commit's time) both are replaced by that time, so two builds of a
commit give identical bytes. Then each page's download link is written in, where the
template left a marker (`PDF_MARKER`): the link states the page count and size, which
are only known once the PDF exists.

Plain Python: the plugin calls it from `on_post_build` when its `pdf` option is on. A
default build and `mkdocs serve` never import Playwright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Optional
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from standards_site.core import urls
from standards_site.core.rendering import render

if TYPE_CHECKING:  # the framework is passed in, as to search
    from standards_site.framework.editions import Framework

#: Left by framework/standard.md.j2 and edition.md.j2 where the download link goes.
PDF_MARKER = "<!-- standards-site: PDF download link -->"
#: Debian's Chromium, as RECIPES.md and the browser tests use it.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: The site's address when it has none: `.invalid` is reserved (RFC 2606), never a real host.
NO_SITE_URL = "https://site.invalid/"
PAPER = {"format": "A4", "margin": {"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"}}
#: The document's title and page numbers at the foot of every page, filled in by Chromium;
#: the template is Chromium's own (no page CSS reaches it), so it carries its own style.
FOOTER = ('<div style="font-size:8pt;width:100%;box-sizing:border-box;padding:0 18mm;display:flex;'
          'justify-content:space-between;gap:2em;color:#444;font-family:sans-serif;">'
          '<span class="title"></span><span style="white-space:nowrap;">Page <span class="pageNumber">'
          '</span> of <span class="totalPages"></span></span></div>')
#: The dates Chromium (Skia) writes into the document information dictionary.
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[+\-Z][^)]*\)")

# Run in the edition page: each standard's article appended after the edition's own, its
# links made absolute against the standard's address (they are relative to that page).
_APPEND_ARTICLES = """(pages) => {
  const article = document.querySelector("article.md-content__inner");
  for (const [url, html] of pages) {
    const source = new DOMParser().parseFromString(html, "text/html");
    const part = document.createElement("section");
    part.className = "pdf-part";
    for (const link of source.querySelectorAll("article.md-content__inner [href]")) {
      link.setAttribute("href", new URL(link.getAttribute("href"), url).href);
    }
    for (const child of source.querySelector("article.md-content__inner").children) {
      part.append(document.importNode(child, true));
    }
    article.append(part);
  }
}"""


class PdfError(Exception):
    """The PDFs could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class PdfDocument:
    """One PDF: the page it is printed from, and the pages whose articles follow it."""

    page: str                      # source path, e.g. standards/2018/1.2/index.md
    pdf: str                       # site path of the PDF, e.g. standards/2018/1.2/standard-1.2-2018.pdf
    noun: str                      # what the link calls it: "this standard", "this edition"
    appended: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintedPdf:
    document: PdfDocument
    pages: int
    size: int   # bytes


def pdf_documents(framework: Optional[Framework]) -> list[PdfDocument]:
    """A PDF per standard page and per edition page (the edition's standards after it)."""
    if framework is None:
        return []
    documents = []
    for edition in framework.editions.values():
        standard_pages = []
        for standard in edition.standards.values():
            page = urls.standard_page(edition.id, standard.id)
            standard_pages.append(page)
            documents.append(PdfDocument(page, f"{urls.url_of(page)}standard-{standard.id}-{edition.id}.pdf",
                                         "this standard"))
        page = urls.edition_page(edition.id)
        documents.append(PdfDocument(page, f"{urls.url_of(page)}standards-{edition.id}.pdf", "this edition",
                                     tuple(standard_pages)))
    return documents


def make_pdfs(site_dir: Path, documents: list[PdfDocument], *, site_url: str, chromium: str,
              dated: datetime) -> list[PrintedPdf]:
    """Print every document into the built site, then write each page's download link."""
    if not documents:
        return []
    printed = print_documents(site_dir, documents, site_url=site_url or NO_SITE_URL, chromium=chromium)
    for item in printed:
        fix_dates(site_dir / item.document.pdf, dated)
    for item in printed:
        add_download_link(site_dir, item)
    return printed


def check_printer(chromium: str) -> None:
    """Fail before the build writes anything when the PDFs could not be printed."""
    _sync_playwright()
    if not Path(chromium).is_file():
        raise PdfError(f"PDFs (STANDARDS_PDF) need Chromium, which is not at {chromium}: install Debian's "
                       "chromium (`make browser-deps`), or set CHROMIUM to its path, or turn PDFs off")


def print_documents(site_dir: Path, documents: list[PdfDocument], *, site_url: str,
                    chromium: str) -> list[PrintedPdf]:
    check_printer(chromium)
    playwright = _sync_playwright()
    from playwright.sync_api import Error as PlaywrightError

    try:
        with playwright() as driver:
            browser = driver.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context()
                context.route("**/*", _SiteFiles(site_dir, site_url))
                page = context.new_page()
                return [_print(page, site_dir, site_url, document) for document in documents]
            finally:
                browser.close()
    except PlaywrightError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise PdfError(f"PDFs (STANDARDS_PDF): Chromium could not print them: {first_line}") from None


def _print(page, site_dir: Path, site_url: str, document: PdfDocument) -> PrintedPdf:
    response = page.goto(site_url + urls.url_of(document.page), wait_until="load")
    if response is None or not response.ok:
        raise PdfError(f"PDFs: {urls.url_of(document.page)} is not in the built site, so {document.pdf} "
                       "cannot be printed")
    if document.appended:
        parts = [[site_url + urls.url_of(other), _built_html(site_dir, other)] for other in document.appended]
        page.evaluate(_APPEND_ARTICLES, parts)
    target = site_dir / document.pdf
    page.pdf(path=str(target), tagged=True, outline=True, print_background=True,
             display_header_footer=True, header_template="<span></span>", footer_template=FOOTER, **PAPER)
    return PrintedPdf(document, pages=_page_count(target), size=target.stat().st_size)


class _SiteFiles:
    """Answers the browser's requests under the site's address from the built folder; every
    other request is refused (nothing is fetched from the network)."""

    def __init__(self, site_dir: Path, site_url: str) -> None:
        self.site_dir = site_dir.resolve()
        self.site_url = site_url

    def __call__(self, route) -> None:
        url = route.request.url
        if not url.startswith(self.site_url):
            route.abort()
            return
        path = unquote(urlsplit(url).path[len(urlsplit(self.site_url).path):])
        file = (self.site_dir / path).resolve()
        if path.endswith("/") or path == "":
            file = file / "index.html"
        if file.is_file() and file.is_relative_to(self.site_dir):
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, body="")


def _built_html(site_dir: Path, page: str) -> str:
    return (site_dir / urls.url_of(page) / "index.html").read_text(encoding="utf-8")


def _sync_playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfError("PDFs (STANDARDS_PDF) need the Python package playwright: "
                       "pip install 'standards-site[pdf]', or turn PDFs off") from None
    return sync_playwright


def _page_count(pdf: Path) -> int:
    from pypdf import PdfReader   # only with PDFs on (the `pdf` extra)

    return len(PdfReader(pdf).pages)


def fix_dates(pdf: Path, dated: datetime) -> None:
    """Both dates of the PDF become `dated` (in UTC).

    Written in place, the same number of bytes as Chromium's own (`D:YYYYMMDDHHmmSS+00'00'`),
    so every offset in the file's cross-reference table stays right: rewriting the whole
    file with a PDF library for two fixed-width strings would risk more than it fixes.
    """
    stamp = dated.astimezone(timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'").encode()
    data = pdf.read_bytes()

    def same_width(match: re.Match) -> bytes:
        replacement = b"/" + match.group(1) + b" (" + stamp + b")"
        if len(replacement) != len(match.group()):
            raise PdfError(f"PDFs: {pdf.name}: Chromium wrote a date in a form this does not know: {match.group()!r}")
        return replacement

    pdf.write_bytes(_PDF_DATE.sub(same_width, data))


def add_download_link(site_dir: Path, printed: PrintedPdf) -> None:
    """Replace the page's marker with its link: "Download this standard as a PDF (6 pages, 111 KB)"."""
    html_file = site_dir / urls.url_of(printed.document.page) / "index.html"
    html = html_file.read_text(encoding="utf-8")
    if html.count(PDF_MARKER) != 1:
        raise PdfError(f"PDFs: {html_file.relative_to(site_dir)}: no place for the PDF's download link "
                       f"(the page should hold {PDF_MARKER} once)")
    link = render("site/pdf_link.html.j2", href=printed.document.pdf.rsplit("/", 1)[-1],
                  noun=printed.document.noun, pages=printed.pages, size=file_size(printed.size))
    html_file.write_text(html.replace(PDF_MARKER, Markup(link).strip()), encoding="utf-8")


def file_size(size: int) -> str:
    """`111 KB`, `1.2 MB` (1 KB = 1,024 bytes, as operating systems show a file's size)."""
    kilobytes = max(1, round(size / 1024))
    return f"{kilobytes} KB" if kilobytes < 1024 else f"{size / (1024 * 1024):.1f} MB"


def remove_markers(html: str) -> str:
    """A page of a build without PDFs: the marker goes, and there is no link."""
    return html.replace(PDF_MARKER, "")
