"""`python -m playbook.printables.pdf`: a PDF of every booklet and course handout pack in both languages, by chromium.

Reads the built site (default site/, from `mkdocs build`), serves it on 127.0.0.1, prints each booklet and
handout pack page to A4 with Playwright's `page.pdf` into site/downloads/, then shows those pages' download
buttons (hidden until their PDF exists). Page numbers in the footer come from print.css (`@page`); the
contents page gets each item's page number in two passes, since chromium has no `target-counter()`: print
with a marker at the start of each item, find the markers' pages with poppler's pdftotext, write the
numbers into the contents, print again. The PDF's title and language are the page's <title> and lang.
"""

import argparse
import contextlib
import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playbook.core.addresses import LANGUAGES, folder

CHROMIUM = "/usr/bin/chromium"  # Debian's: Playwright's own browser download cannot work offline
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LANG_DIRS = {lang: folder(lang) for lang in LANGUAGES}  # where each language's pages live in the site
# Each pack: the folder of its pages, the page name of an id, and the name of its PDFs (pdf_path)
PACKS = {"booklet": ("booklets", "{id}.html"), "handouts": ("courses", "{id}-handouts.html")}
MARKER = "PBITEMSTART"  # + the item's number: found by pdftotext on the page where the item starts


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path):
    """The site on a free port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@contextlib.contextmanager
def chromium():
    """Debian's chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()



def pdf_path(pack_id: str, lang: str, pack: str = "booklet") -> str:
    """Where this command writes a booklet's (or a course's "handouts") PDF, relative to the site."""
    return f"downloads/{pack}-{pack_id}-{lang}.pdf"

def print_to_pdf(page, url: str, path: Path) -> Path:
    """Open `url` in `page` and print it as the browser would: A4, print.css, backgrounds kept."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return print_page(page, path)


def print_page(page, path: Path) -> Path:
    """Print `page` as it stands now, as the browser prints it (print_to_pdf loads it afresh first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True,
             outline=True, tagged=True)
    return path


def page_texts(pdf: Path) -> list[str]:
    """The text of each page of `pdf`, by poppler's pdftotext (pypdf misreads Noto CJK glyphs)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


# Pass one: a marker, white and out of the flow, at the start of each item; pass two: none, page numbers
_MARK = """marker => document.querySelectorAll('.pb-booklet__item').forEach((item, n) => {
  const mark = document.createElement('span');
  mark.className = 'pb-page-marker';
  mark.textContent = marker + n + ' ';
  mark.style.cssText = 'position:absolute;font-size:4pt;color:#fff';
  item.prepend(mark);
})"""
_NUMBER = """numbers => {
  document.querySelectorAll('.pb-page-marker').forEach(mark => mark.remove());
  document.querySelectorAll('.pb-booklet__item').forEach((item, n) => {
    const slot = document.querySelector(`.pb-booklet__page[data-page-of="${item.dataset.item}"]`);
    if (slot) slot.textContent = numbers[n];
  });
}"""


def print_pack(page, url: str, path: Path) -> list[int]:
    """Print a booklet or handout pack with its contents' page numbers; returns each item's first page."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.evaluate(_MARK, MARKER)
    with tempfile.TemporaryDirectory() as scratch:
        pages = page_texts(print_page(page, Path(scratch) / "draft.pdf"))
    count = page.locator(".pb-booklet__item").count()
    numbers = [next(n for n, text in enumerate(pages, 1) if re.search(rf"{MARKER}{i}(?!\d)", text))
               for i in range(count)]
    page.evaluate(_NUMBER, numbers)  # one short number per line: the layout, so the pages, stay the same
    print_page(page, path)
    return numbers


def pack_pages(site: Path, pack: str, ids=None, langs=None) -> list[tuple[str, str, str]]:
    """(id, language, page path in the site) of every built booklet or handout pack, optionally filtered."""
    folder, name = PACKS[pack]
    suffix = name.format(id="")
    found = []
    for lang, prefix in LANG_DIRS.items():
        for html in sorted((site / prefix / folder).glob("*" + suffix)):
            pack_id = html.name[: -len(suffix)]
            if pack_id and pack_id != "index" and (not ids or pack_id in ids) and (not langs or lang in langs):
                found.append((pack_id, lang, f"{prefix}{folder}/{html.name}"))
    return found


def publish_link(site: Path, page_path: str, pdf_path: str):
    """Show the download button of a page now that its PDF exists."""
    html_file = site / page_path
    html = html_file.read_text(encoding="utf-8")
    href = "../" * page_path.count("/") + pdf_path
    hidden = f'href="{href}" download hidden>'
    if hidden in html:
        # Written beside and renamed over: a hard-linked copy of the site keeps its own page
        fresh = html_file.with_suffix(".html.tmp")
        fresh.write_text(html.replace(hidden, f'href="{href}" download>'), encoding="utf-8")
        os.replace(fresh, html_file)


def write_packs(site: Path, selection: dict, langs=None) -> list[Path]:
    """Print the selected booklets and handout packs into site/downloads/ and link each from its page.
    `selection`: pack → ids, or None for all of them."""

    pages = [(pack, *found) for pack, ids in selection.items() for found in pack_pages(site, pack, ids, langs)]
    if not pages:
        raise SystemExit(f"{site}: no booklet or handout pages found; expected a built site (run `make build`)")
    written = []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for pack, pack_id, lang, page_path in pages:
            target = site / pdf_path(pack_id, lang, pack)
            print_pack(page, base + page_path, target)
            written.append(target)
            publish_link(site, page_path, pdf_path(pack_id, lang, pack))
            print(f"{target} ({target.stat().st_size // 1024} KB)")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m playbook.printables.pdf", description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--role", action="append", help="only this role's booklet (repeatable)")
    parser.add_argument("--course", action="append", help="only this course's handout pack (repeatable)")
    parser.add_argument("--lang", action="append", choices=list(LANG_DIRS), help="only this language")
    args = parser.parse_args(argv)
    # No filter: everything; --role or --course: only what they name
    selection = {"booklet": args.role, "handouts": args.course}
    if args.role or args.course:
        selection = {pack: ids for pack, ids in selection.items() if ids}
    written = write_packs(args.site, selection, args.lang)
    print(f"{len(written)} PDFs in {args.site / 'downloads'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
