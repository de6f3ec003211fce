"""Printing, as a reader does it: Ctrl+P (chromium's page.pdf prints exactly that), the page's own print
buttons, and `make pdf`. One test per printable kind reads the PDF back with poppler (pdftotext per page,
pdfinfo): its pages, every item present, no navigation, nothing split across a page break. Each draws one
picture of its print beside its PDF; with UPDATE_PICTURES=1 into docs/assets/print-<kind>.png for the README
(a plain test run never changes the checkout: the deterministic-build test builds docs/ after this one). How
they print and read the PDF back: tests/printables/printed.py."""

import re
import shutil

import pytest

from playbook.booklets.booklets import entries
from playbook.courses.plan import plan
from playbook.printables.pdf import pdf_path, serve
from playbook.core.homes import home_pages

from tests.conftest import ROOT, mkdocs_build

from .printed import (
    contents_numbers, ctrl_p, decode_qr, on_one_page, page_of, pdf_info, pdf_pages, picture, print_button,
    run_make_pdf, squash,
)

PUBLISHED = "https://sales.example.com/playbook/"
PAGE = "planning/smart-goals.html"
FORM = "form[data-checklist='smart-goal']"
COURSE = "complaint-workshop"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The real site built for its published address (SITE_URL set), as an intranet builds it."""
    site = tmp_path_factory.mktemp("published")
    result = mkdocs_build(ROOT, site, SITE_URL=PUBLISHED)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def course_packs(published, tmp_path_factory):
    """`make pdf` of the workshop's handout pack in both languages, once for the two tests that read it."""
    return run_make_pdf(published, tmp_path_factory.mktemp("packs"), "--course", COURSE)


@pytest.fixture(scope="module")
def published_server(published):
    with serve(published) as base:
        yield base


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
def test_a_handout_pack_pdf_cuts_each_role_play_card_into_its_parts(course_packs, book, tmp_path):
    pdf = course_packs / pdf_path(COURSE, "en", "handouts")
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
def test_the_download_button_shows_only_once_its_pdf_exists(course_packs, browser):
    booklet, handouts = "booklets/trainer.html", f"courses/{COURSE}-handouts.html"
    with serve(course_packs) as base:
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


def test_every_booklet_holds_its_roles_items(site, book):
    homes = home_pages(str(ROOT / "docs"))
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for role in book.roles:
            html = (site / prefix / "booklets" / f"{role}.html").read_text(encoding="utf-8")
            found = re.findall(r'<form class="pb-(checklist|sheet)" id="([^"]+)"', html)
            assert found == [(kind, item.id) for kind, item in entries(book, role, homes, lang)]
            assert f'href="../{"../" if prefix else ""}{pdf_path(role, lang)}" download hidden>' in html
