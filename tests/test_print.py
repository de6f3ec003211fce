"""Printing: a checklist page as a clean A4 sheet, a booklet with each item from a fresh page, a QR code
that decodes to the page's address. The PDFs come from the code `make pdf` runs (macros/pdf.py); their
text is read back with poppler's pdftotext (pypdf reads Noto CJK glyphs as Kangxi radicals)."""

import os
import re
import shutil
import subprocess
import sys

import cv2
import pytest

from macros.booklets import entries, pdf_path
from macros.loading import playbook_for
from macros.pdf import print_to_pdf
from macros.printing import home_pages

from .conftest import ROOT

PAGE = "planning/smart-goals.html"
FORM = "form[data-checklist='smart-goal']"
PAGE_NUMBER = re.compile(r"^\s*\d+ / \d+\s*$", re.MULTILINE)


@pytest.fixture(scope="module")
def book():
    return playbook_for(ROOT)  # loaded once per process, whichever test module asks first


def pdf_pages(pdf) -> list[str]:
    """The text of each page, without the page number print.css puts in the margin."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [PAGE_NUMBER.sub("", page).strip() for page in text.split("\f")[:-1]]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def checklist_pdf(browser, server, tmp_path_factory):
    """The SMART page printed; with the navigation's texts and the page's canonical address."""
    page = browser.new_page()
    pdf = print_to_pdf(page, server + PAGE, tmp_path_factory.mktemp("print") / "checklist.pdf")
    chrome = page.evaluate("""() => [...document.querySelectorAll(
        '.md-header, .md-tabs, .md-sidebar, .md-footer')].flatMap(el => el.innerText.split('\\n'))""")
    article = page.evaluate("document.querySelector('article').textContent")
    canonical = page.get_attribute("link[rel=canonical]", "href")
    page.close()
    nav = {line.strip() for line in chrome if len(line.strip()) > 1 and squash(line) not in squash(article)}
    return pdf, nav, canonical


@pytest.mark.browser
def test_checklist_page_prints_items_and_no_navigation(checklist_pdf, book):
    pdf, nav, _ = checklist_pdf
    pages = pdf_pages(pdf)
    text = squash("".join(pages))
    for item in book.get("checklist", "smart-goal").items:
        assert squash(item.text.zh) in text
    assert len(nav) >= 10, nav  # tabs, sections, search, footer: enough to make the check mean something
    assert [line for line in nav if squash(line) in text] == []
    assert all(pages), "an empty page was printed"


@pytest.mark.browser
def test_qr_code_decodes_to_the_page_address(checklist_pdf, tmp_path):
    pdf, _, canonical = checklist_pdf
    pages = pdf_pages(pdf)
    number = next(i for i, page in enumerate(pages, 1) if "在线版" in page)
    assert squash(canonical) in squash(pages[number - 1])  # the address printed beside the code
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(number), "-l", str(number), "-singlefile",
                    str(pdf), str(tmp_path / "page")], check=True)
    decoded, points, _ = cv2.QRCodeDetector().detectAndDecode(cv2.imread(str(tmp_path / "page.png")))
    assert points is not None
    assert decoded == canonical


@pytest.mark.browser
def test_blank_print_and_print_with_my_ticks(page, server, tmp_path):
    page.goto(server + PAGE)
    page.locator(f"{FORM} .pb-checklist__items input").first.check()
    page.fill(f"{FORM} input[name='name']", "Wang Fang")
    heading = page.evaluate("document.querySelector('article h2').childNodes[0].textContent")

    blank = pdf_pages(print_to_pdf_here(page, tmp_path / "blank.pdf"))
    assert "Wang Fang" not in "".join(blank) and squash(heading) in squash("".join(blank))
    assert page.input_value(f"{FORM} input[name='name']") == "Wang Fang"  # restored after printing
    assert page.locator(f"{FORM} .pb-checklist__items input").first.is_checked()

    # The button sets the print mode and calls print(): here print() is a no-op and page.pdf prints
    page.evaluate("window.print = () => {}")
    page.locator(f"{FORM} button[data-action='print-mine']").click()
    mine = squash("".join(pdf_pages(print_to_pdf_here(page, tmp_path / "mine.pdf"))))
    assert "WangFang" in mine
    assert squash(heading) not in mine  # only the checklist, not the rest of the page


def print_to_pdf_here(page, path):
    """page.pdf of the page as it is now (print_to_pdf would load it afresh)."""
    page.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True)
    return path


@pytest.mark.browser
def test_booklet_pdf_starts_each_item_on_a_page(site, book, tmp_path):
    role = "new-salesperson"
    copy = tmp_path / "site"
    shutil.copytree(site, copy, copy_function=os.link)  # hard links: quick; the command renames over
    # The command itself, in its own process (Playwright's sync API runs one per process)
    subprocess.run([sys.executable, "-m", "macros.pdf", "--site", str(copy), "--role", role, "--lang", "zh"],
                   cwd=ROOT, check=True, capture_output=True)
    pdf = copy / pdf_path(role, "zh")
    pages = pdf_pages(pdf)
    items = entries(book, role, home_pages(str(ROOT / "docs")), "zh")
    assert items, f"no checklist or sheet names the role {role}"
    assert book.roles[role].title.zh in pages[0]
    assert pages[1].startswith("目录")
    starts = [next((n for n, page in enumerate(pages) if squash(page).startswith(squash(item.title.zh))), None)
              for _, item in items]
    assert None not in starts, [item.id for (_, item), n in zip(items, starts) if n is None]
    assert starts == sorted(set(starts)) and starts[0] >= 2  # one item per page start, in contents order
    # The booklet page now offers its PDF
    html = (copy / "booklets" / f"{role}.html").read_text(encoding="utf-8")
    assert f'href="../{pdf_path(role, "zh")}" download>' in html
    assert 'download hidden>' in (site / "booklets" / f"{role}.html").read_text(encoding="utf-8")


def test_every_booklet_holds_its_roles_items(site, book):
    homes = home_pages(str(ROOT / "docs"))
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for role in book.roles:
            html = (site / prefix / "booklets" / f"{role}.html").read_text(encoding="utf-8")
            found = re.findall(r'<form class="pb-(checklist|sheet)" id="([^"]+)"', html)
            assert found == [(kind, item.id) for kind, item in entries(book, role, homes, lang)]
            assert f'href="../{"../" if prefix else ""}{pdf_path(role, lang)}" download hidden>' in html


def test_every_printed_item_carries_its_address_and_qr_code(site):
    pages = [p for p in site.rglob("*.html") if 'class="pb-checklist"' in p.read_text(encoding="utf-8")
             or 'class="pb-sheet"' in p.read_text(encoding="utf-8")]
    assert pages
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        forms = html.count('<form class="pb-checklist"') + html.count('<form class="pb-sheet"')
        assert html.count('<svg role="img" aria-label="QR"') >= forms, html_file
        assert html.count('class="pb-foot__address">http') >= forms, html_file
