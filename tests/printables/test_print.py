"""Printing, as a reader does it: Ctrl+P (chromium's page.pdf prints exactly that), the page's own print
buttons, and `make pdf`. One test per printable kind reads the PDF back with poppler (pdftotext per page,
pdfinfo): its pages, every item present, no navigation, nothing split across a page break. Each draws one
picture of its print beside its PDF; with UPDATE_PICTURES=1 into docs/assets/print-<kind>.png for the README
(a plain test run never changes the checkout: the deterministic-build test builds docs/ after this one). pypdf reads Noto CJK glyphs as
Kangxi radicals, hence poppler."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from playbook.booklets.booklets import entries
from playbook.printables.pdf import pdf_path
from playbook.courses.plan import plan
from playbook.printables.pdf import print_to_pdf, serve
from playbook.core.homes import home_pages

from tests.conftest import ROOT, mkdocs_build

PUBLISHED = "https://sales.example.com/playbook/"
PAGE = "planning/smart-goals.html"
FORM = "form[data-checklist='smart-goal']"
PAGE_NUMBER = re.compile(r"^\s*\d+ / \d+\s*$", re.MULTILINE)
A4 = "594.96 x 841.92 pts (A4)"
NAV = ".md-header, .md-tabs, .md-sidebar, .md-footer"
COURSE = "complaint-workshop"




@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The real site built for its published address (SITE_URL set), as an intranet builds it."""
    site = tmp_path_factory.mktemp("published")
    result = mkdocs_build(ROOT, site, SITE_URL=PUBLISHED)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def published_server(published):
    with serve(published) as base:
        yield base


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


# Module page -------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_module_page_prints_its_lesson_whole_with_the_answers_closed(browser, published_server, book, lang,
                                                                         tmp_path):
    prefix = "" if lang == "zh" else "en/"
    pages = ctrl_p(browser, published_server, prefix + "complaints/handling.html", tmp_path / "module.pdf")
    checklist = book.get("checklist", "complaint-intake-record")
    on_one_page(pages, checklist.title[lang], checklist.items[-1].text[lang])
    for item in checklist.items:
        assert page_of(pages, item.text[lang])
    for question in book.get("quiz", "complaint-handling-quiz").questions:
        assert page_of(pages, question.question[lang])
        assert not page_of(pages, question.answer[lang]), "a learner's print shows a self-check answer"
    # Blocks are kept whole, not each given a page: the lesson (about 3 A4 pages of text) prints on few pages
    assert len(pages) <= 9
    if lang == "zh":
        picture(tmp_path / "module.pdf", "module", tmp_path)


# Checklist, sheet: the page's own print button ------------------------------------------------------------


def print_button(browser, base: str, url: str, form: str, path):
    page = browser.new_page()
    page.goto(base + url)
    page.evaluate("window.print = () => {}")  # the button sets the print mode; page.pdf prints
    page.locator(f"{form} button[data-action='print']").click()
    page.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True)
    canonical = page.get_attribute("link[rel=canonical]", "href")
    page.close()
    return pdf_pages(path), canonical


@pytest.mark.browser
def test_a_checklist_prints_alone_on_one_page_with_a_qr_code_to_its_page(browser, published_server, book,
                                                                          tmp_path):
    pdf = tmp_path / "checklist.pdf"
    pages, canonical = print_button(browser, published_server, PAGE, FORM, pdf)
    checklist = book.get("checklist", "smart-goal")
    assert len(pages) == 1
    assert all(page_of(pages, item.text.zh) for item in checklist.items)
    assert canonical == PUBLISHED + PAGE
    # The address printed beside the code, broken (if at all) only after a "/"
    assert re.search(r"/\s*".join(map(re.escape, canonical.split("/"))), pages[0]), pages[0]
    assert decode_qr(pdf, 1, tmp_path) == canonical
    picture(pdf, "checklist", tmp_path)


@pytest.mark.browser
def test_every_sheet_prints_alone_on_one_page(browser, published_server, book, tmp_path):
    homes = home_pages(str(ROOT / "docs"))
    for sheet in book.of_kind("sheet"):
        pdf = tmp_path / f"{sheet.id}.pdf"
        form = f"form[data-sheet='{sheet.id}']"
        pages, _ = print_button(browser, published_server, homes["sheet", sheet.id, "en"], form, pdf)
        assert len(pages) == 1, sheet.id
        for section in sheet.sections:
            assert page_of(pages, section.title.en), (sheet.id, section.title.en)
            assert all(page_of(pages, field.label.en) for field in section.fields), sheet.id
        if sheet.id == "satisfaction-survey-form":
            picture(pdf, "sheet", tmp_path)


# Script, role-play card, course agenda, instructor: Ctrl+P ------------------------------------------------


@pytest.mark.browser
def test_complaint_scripts_print_no_step_across_a_page_break(browser, published_server, book, tmp_path):
    pdf = tmp_path / "scripts.pdf"
    pages = ctrl_p(browser, published_server, "en/complaints/scripts.html", pdf)
    scripts = book.of_kind("script")
    for script in scripts:
        for step in script.feelings + script.problem:
            assert page_of(pages, step.do.en + step.say.en), f"{script.id}: step {step.step} split or missing"
        on_one_page(pages, script.situation.en, script.problem[-1].do.en)
    assert len(pages) <= 2 * len(scripts) + 2
    picture(pdf, "script", tmp_path, on_one_page(pages, scripts[0].situation.en, scripts[0].problem[-1].do.en))


@pytest.mark.browser
def test_role_play_cards_print_a_half_page_per_player_and_the_observer_apart(browser, published_server, book,
                                                                             tmp_path):
    pdf = tmp_path / "roleplays.pdf"
    pages = ctrl_p(browser, published_server, "complaints/role-plays.html", pdf)
    top, bottom = pdf_pages(pdf, "top"), pdf_pages(pdf, "bottom")
    called = re.findall(r'roleplay\("([^"]+)"\)', (ROOT / "docs/complaints/role-plays.md").read_text("utf-8"))
    cards = [book.get("roleplay", card_id) for card_id in called]
    assert len(cards) >= 6
    for card in cards:
        [number] = page_of(top, card.customer_brief.zh)
        assert page_of(bottom, card.salesperson_brief.zh) == [number]
        assert number in page_of(top, card.title.zh) and number in page_of(bottom, card.title.zh)
        assert number + 1 in page_of(top, card.title.zh)  # the observer's sheet carries it too
        assert "✂" in bottom[number - 1] or "✂" in top[number - 1]  # the cut line's mark
        for check in card.observer_checklist:  # all on the next page, none with the briefs
            assert number + 1 in page_of(pages, check.zh) and number not in page_of(pages, check.zh)
        assert squash(card.salesperson_brief.zh) not in squash(pages[number])
    # The link to the scripts' page printed with its published address
    assert page_of(pages, PUBLISHED + "complaints/scripts.html")
    picture(pdf, "roleplay", tmp_path, page_of(top, cards[0].customer_brief.zh)[0])


@pytest.mark.browser
def test_a_course_agenda_prints_every_row_whole(browser, published_server, book, tmp_path):
    pdf = tmp_path / "agenda.pdf"
    pages = ctrl_p(browser, published_server, f"en/courses/{COURSE}.html", pdf)
    course = book.get("course", COURSE)
    course_plan = plan(book, course, lambda url: url, home_pages(str(ROOT / "docs")), "en")
    text = [squash(page) for page in pages]
    for session, rows in course_plan.sessions:
        assert page_of(pages, session.title.en)
        for row in rows:
            # Time, minutes, kind and title of the row on one page
            title = squash(row.block.title.en) if row.block.title else ""
            whole = re.compile(re.escape(f"{row.start}–{row.end}{row.block.minutes}") + ".{1,20}" + re.escape(title))
            assert any(whole.search(page) for page in text), f"row {row.start} split or missing"
    picture(pdf, "agenda", tmp_path)


@pytest.mark.browser
def test_the_instructors_print_shows_the_answers_and_the_learners_quiz_does_not(browser, published_server,
                                                                                book, tmp_path):
    course = book.get("course", COURSE)
    questions = [q for _, rows in plan(book, course, lambda url: url, {}, "en").sessions
                 for row in rows for _, q in row.questions]
    assert questions
    instructor = ctrl_p(browser, published_server, f"en/courses/{COURSE}-instructor.html", tmp_path / "i.pdf")
    quiz = ctrl_p(browser, published_server, f"en/courses/{COURSE}-quiz.html", tmp_path / "q.pdf")
    for question in questions:
        assert page_of(instructor, question.answer.en)
        assert page_of(quiz, question.question.en) and not page_of(quiz, question.answer.en)


# Booklet and handout pack: `make pdf` ---------------------------------------------------------------------


def contents_numbers(pdf, titles: list[str]) -> list[int]:
    """The page number printed at the end of each title's line on the contents page (page 2)."""
    lines = pdf_pages(pdf, "layout")[1].splitlines()
    return [int(next(line for line in lines if line.strip().startswith(title)).split()[-1]) for title in titles]


@pytest.mark.browser
def test_a_booklet_pdf_has_numbered_contents_and_one_page_per_item(published, book, tmp_path):
    role = "new-salesperson"
    site = run_make_pdf(published, tmp_path, "--role", role, "--lang", "zh")
    pdf = site / pdf_path(role, "zh")
    pages = pdf_pages(pdf)
    items = entries(book, role, home_pages(str(ROOT / "docs")), "zh")
    assert items, f"no checklist or sheet names the role {role}"
    assert book.roles[role].title.zh in pages[0] and pages[1].startswith("本册目录")
    assert len(pages) == 2 + len(items)  # cover, contents, one page per item: none runs over
    starts = [page_of(pages, item.title.zh)[-1] for _, item in items]
    assert starts == list(range(3, 3 + len(items)))
    assert contents_numbers(pdf, [item.title.zh for _, item in items]) == starts
    for (_, item), number in zip(items, starts):
        last = item.items[-1].text.zh if hasattr(item, "items") else item.sections[-1].fields[-1].label.zh
        assert page_of(pages, last)[0] == number
    # The cover's QR code leads to the booklet page, each item's to the page the item lives on
    homes = home_pages(str(ROOT / "docs"))
    assert decode_qr(pdf, 1, tmp_path) == PUBLISHED + f"booklets/{role}.html"
    for (kind, item), number in list(zip(items, starts))[:3]:
        assert decode_qr(pdf, number, tmp_path) == PUBLISHED + homes[kind, item.id, "zh"]
    info = pdf_info(pdf)
    assert info["Title"].strip() == f"{book.roles[role].title.zh}小册子 - 销售作战手册"
    assert info["Lang"] == "zh"
    picture(pdf, "booklet", tmp_path, 2)


@pytest.mark.browser
def test_a_handout_pack_pdf_cuts_each_role_play_card_into_its_parts(published, book, tmp_path):
    site = run_make_pdf(published, tmp_path, "--course", COURSE, "--lang", "en")
    pdf = site / pdf_path(COURSE, "en", "handouts")
    pages, top, bottom = pdf_pages(pdf), pdf_pages(pdf, "top"), pdf_pages(pdf, "bottom")
    course = book.get("course", COURSE)
    handouts = plan(book, course, lambda url: url, {}, "en").handouts
    cards = [item for kind, item in handouts if kind == "roleplay"]
    assert cards and len(pages) == 2 + len(handouts) + len(cards)  # a card: briefs, then observer
    starts = [next(n for n in page_of(pages, item.title.en) if n > 2) for _, item in handouts]
    assert contents_numbers(pdf, [item.title.en for _, item in handouts]) == starts
    for card, start in zip(cards, starts[-len(cards):]):
        assert page_of(top, card.customer_brief.en) == page_of(bottom, card.salesperson_brief.en) == [start]
        assert page_of(pages, card.observer_checklist[-1].en) == [start + 1]
    info = pdf_info(pdf)
    assert info["Title"].strip() == f"{course.title.en}: handout pack - Sales Playbook"
    assert info["Lang"] == "en"
    picture(pdf, "handouts", tmp_path, starts[-1])


@pytest.mark.browser
def test_the_download_button_shows_only_once_its_pdf_exists(published, browser, tmp_path):
    site = run_make_pdf(published, tmp_path, "--course", COURSE, "--lang", "zh")
    booklet, handouts = "booklets/trainer.html", f"courses/{COURSE}-handouts.html"
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base + booklet)  # no booklet printed: no button
        assert page.locator(".pb-pdf-link").count() == 1 and not page.locator(".pb-pdf-link").is_visible()
        page.goto(base + handouts)
        link = page.get_by_role("link", name="下载 PDF")
        assert link.is_visible()
        with page.expect_download() as download:
            link.click()
        assert download.value.suggested_filename == f"handouts-{COURSE}-zh.pdf"
        page.close()


# The address in print ---------------------------------------------------------------------------------


@pytest.mark.build
def test_every_printed_item_carries_its_address_and_qr_code(published):
    form = re.compile('<form class="pb-(checklist|sheet)"')
    pages = [p for p in published.rglob("*.html") if form.search(p.read_text(encoding="utf-8"))]
    assert pages
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        forms = len(form.findall(html))
        assert html.count('<svg role="img" aria-label="QR"') >= forms, html_file
        # A line may break only after a "/": the parts between are kept whole
        assert html.count('class="pb-foot__address"><span>https://</span><wbr><span>sales.example.com/</span>'
                          '<wbr><span>playbook/</span><wbr>') >= forms, html_file


def test_a_local_build_prints_no_qr_code_and_says_how_to_set_the_address(site):
    survey = (site / "en" / "measurement" / "satisfaction-survey.html").read_text(encoding="utf-8")
    assert 'aria-label="QR"' not in survey and "pb-foot__address" not in survey
    assert "build with SITE_URL set to the site" in survey
    booklet = (site / "booklets" / "trainer.html").read_text(encoding="utf-8")
    assert 'aria-label="QR"' not in booklet and "SITE_URL" in booklet


@pytest.mark.parametrize("site_url, says", [("http://127.0.0.1:8000/", True), (PUBLISHED, False)])
@pytest.mark.build
def test_the_build_log_says_how_to_set_the_address_without_failing_strict(tmp_path, site_url, says):
    project = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", project)
    shutil.copy(ROOT / "playbook_data" / "strings.yml", project / "playbook_data" / "strings.yml")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"site_url: {site_url}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert ("carry no QR code" in log and "SITE_URL=" in log) == says, log


# The page's own buttons -------------------------------------------------------------------------------


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


def test_every_booklet_holds_its_roles_items(site, book):
    homes = home_pages(str(ROOT / "docs"))
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for role in book.roles:
            html = (site / prefix / "booklets" / f"{role}.html").read_text(encoding="utf-8")
            found = re.findall(r'<form class="pb-(checklist|sheet)" id="([^"]+)"', html)
            assert found == [(kind, item.id) for kind, item in entries(book, role, homes, lang)]
            assert f'href="../{"../" if prefix else ""}{pdf_path(role, lang)}" download hidden>' in html
