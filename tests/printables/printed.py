"""Printing as a reader does it (Ctrl+P, the page's print button, `make pdf`) and the PDF read back with poppler
(pdftotext per page, pdfinfo, pdftoppm), for tests/printables/test_print.py. pypdf reads Noto CJK glyphs as
Kangxi radicals, hence poppler."""

import os
import re
import shutil
import subprocess
import sys

from playbook.printables.pdf import print_page, print_to_pdf

from tests.conftest import ROOT

PAGE_NUMBER = re.compile(r"^\s*\d+ / \d+\s*$", re.MULTILINE)
A4 = "594.96 x 841.92 pts (A4)"
NAV = ".md-header, .md-tabs, .md-sidebar, .md-footer"


def pdf_pages(pdf, crop: str = "") -> list[str]:
    """The text of each page, without the page number print.css puts in the margin; `crop` = 'top' or
    'bottom' reads only that half of each page, 'layout' keeps each line's columns together."""
    area = {"": [], "layout": ["-layout"], "top": ["-y", "0", "-H", "421"], "bottom": ["-y", "421", "-H", "421"]}[crop]
    if crop in ("top", "bottom"):
        area += ["-x", "0", "-W", "595"]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *area, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [PAGE_NUMBER.sub("", page).strip() for page in text.split("\f")[:-1]]


def pdf_info(pdf) -> dict:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line) | {
        "Lang": re.search(rb"/Lang \((\w+)\)", pdf.read_bytes()).group(1).decode()}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_of(pages: list[str], text: str) -> list[int]:
    """The numbers (from 1) of the pages that hold `text` whole."""
    return [n for n, page in enumerate(pages, 1) if squash(text) in squash(page)]


def picture(pdf, kind: str, tmp_path, number: int = 1):
    """print-<kind>.png: page `number` of the print, small, for the README (docs/assets/ with UPDATE_PICTURES=1)."""
    folder = ROOT / "docs" / "assets" if os.environ.get("UPDATE_PICTURES") == "1" else tmp_path
    subprocess.run(["pdftoppm", "-png", "-scale-to", "560", "-f", str(number), "-l", str(number),
                    "-singlefile", str(pdf), str(folder / f"print-{kind}")], check=True)
    assert (folder / f"print-{kind}.png").stat().st_size > 1000, f"no picture of page {number} of {pdf}"


def decode_qr(pdf, number: int, tmp_path) -> str:
    """What a phone reads from the QR code on page `number` (OpenCV's decoder on a 150 dpi rendering)."""
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(number), "-l", str(number), "-singlefile",
                    str(pdf), str(tmp_path / "qr")], check=True)
    import cv2  # opencv, 0.2 s to import: only here

    decoded, points, _ = cv2.QRCodeDetector().detectAndDecode(cv2.imread(str(tmp_path / "qr.png")))
    assert points is not None, f"no QR code on page {number}"
    return decoded


def ctrl_p(browser, base: str, url: str, path):
    """What Ctrl+P prints of a page, and the texts of the page's navigation that are not in its article."""
    page = browser.new_page()
    print_to_pdf(page, base + url, path)
    chrome = page.evaluate(f"""() => [...document.querySelectorAll('{NAV}')]
        .flatMap(el => el.innerText.split('\\n'))""")
    article = page.evaluate("document.querySelector('article').textContent")
    page.close()
    nav = {line.strip() for line in chrome if len(line.strip()) > 1 and squash(line) not in squash(article)}
    assert len(nav) >= 10, nav  # tabs, sections, search, footer: enough to make the check mean something
    pages = pdf_pages(path)
    assert [line for line in nav if page_of(pages, line)] == []
    assert all(pages), "an empty page was printed"
    assert pdf_info(path)["Page size"].strip() == A4
    return pages


def on_one_page(pages: list[str], first: str, last: str) -> int:
    """The page holding both `first` and `last` (an item's title and its last line), asserting there is one."""
    both = set(page_of(pages, first)) & set(page_of(pages, last))
    assert both, f"{first!r} and {last!r} are not on one page"
    return min(both)


def run_make_pdf(site, tmp_path, *selection):
    """`python -m playbook.printables.pdf` on a hard-linked copy of `site` (it renames over the pages it changes), in its
    own process as `make pdf` runs it (Playwright's sync API runs one per process)."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, copy_function=os.link)
    subprocess.run([sys.executable, "-m", "playbook.printables.pdf", "--site", str(copy), *selection],
                   cwd=ROOT, check=True, capture_output=True)
    return copy


def print_button(browser, base: str, url: str, form: str, path):
    page = browser.new_page()
    page.goto(base + url)
    page.evaluate("window.print = () => {}")  # the button sets the print mode; page.pdf prints
    page.locator(f"{form} button[data-action='print']").click()
    print_page(page, path)
    canonical = page.get_attribute("link[rel=canonical]", "href")
    page.close()
    return pdf_pages(path), canonical


def contents_numbers(pdf, titles: list[str]) -> list[int]:
    """The page number printed at the end of each title's line on the contents page (page 2)."""
    lines = pdf_pages(pdf, "layout")[1].splitlines()
    return [int(next(line for line in lines if line.strip().startswith(title)).split()[-1]) for title in titles]
