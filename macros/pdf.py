"""`python -m macros.pdf`: a PDF of every role's booklet in both languages, printed by headless chromium.

Reads the built site (default site/, from `mkdocs build`), serves it on 127.0.0.1, prints each booklet
page to A4 with Playwright's `page.pdf` into site/downloads/, then shows the booklet pages' download
buttons (hidden until their PDF exists).
"""

import argparse
import contextlib
import functools
import http.server
import os
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"  # Debian's: Playwright's own browser download cannot work offline
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LANG_DIRS = {"zh": "", "en": "en/"}  # where each language's pages live in the site
BOOKLETS = "booklets"


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


def print_to_pdf(page, url: str, path: Path) -> Path:
    """Open `url` in `page` and print it as the browser would: A4, print.css, backgrounds kept."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    path.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True,
             outline=True, tagged=True)
    return path


def booklet_pages(site: Path, roles=None, langs=None) -> list[tuple[str, str, str]]:
    """(role, language, page path in the site) of every built booklet page, optionally filtered."""
    found = []
    for lang, prefix in LANG_DIRS.items():
        for html in sorted((site / prefix / BOOKLETS).glob("*.html")):
            role = html.stem
            if role != "index" and (not roles or role in roles) and (not langs or lang in langs):
                found.append((role, lang, f"{prefix}{BOOKLETS}/{html.name}"))
    return found


def publish_link(site: Path, page_path: str, pdf_path: str):
    """Show the download button of a booklet page now that its PDF exists."""
    html_file = site / page_path
    html = html_file.read_text(encoding="utf-8")
    href = "../" * page_path.count("/") + pdf_path
    hidden = f'href="{href}" download hidden>'
    if hidden in html:
        # Written beside and renamed over: a hard-linked copy of the site keeps its own page
        fresh = html_file.with_suffix(".html.tmp")
        fresh.write_text(html.replace(hidden, f'href="{href}" download>'), encoding="utf-8")
        os.replace(fresh, html_file)


def write_booklets(site: Path, roles=None, langs=None) -> list[Path]:
    """Print every selected booklet into site/downloads/ and link it from its page."""
    from .booklets import pdf_path

    pages = booklet_pages(site, roles, langs)
    if not pages:
        raise SystemExit(f"{site}: no booklet pages found; expected a built site (run `make build`)")
    written = []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for role, lang, page_path in pages:
            target = site / pdf_path(role, lang)
            written.append(print_to_pdf(page, base + page_path, target))
            publish_link(site, page_path, pdf_path(role, lang))
            print(f"{target} ({target.stat().st_size // 1024} KB)")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.pdf", description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--role", action="append", help="only this role's booklet (repeatable)")
    parser.add_argument("--lang", action="append", choices=list(LANG_DIRS), help="only this language")
    args = parser.parse_args(argv)
    written = write_booklets(args.site, args.role, args.lang)
    print(f"{len(written)} PDFs in {args.site / 'downloads'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
