"""A course in the room, as a trainer runs it: a day's agenda printed alone, the present mode driven by
keys, the sign-in sheet and role-play rotation printed, all in the real browser."""

import pytest

from playbook.courses.plan import plan
from playbook.printables.pdf import print_page

from tests.printables.printed import A4, pdf_info, pdf_pages, squash

WEEK = "new-salesperson-week"
PHONE = {"width": 390, "height": 844}


def course_plan(book, course_id: str, lang: str = "en"):
    return plan(book, book.get("course", course_id), lambda url: url, {}, lang)


def test_a_course_of_five_days_has_five_days_of_six_hours_with_lunch(book):
    days = course_plan(book, WEEK).days
    assert [(d.number, d.start, d.end) for d in days] == [(n, "09:00", "15:00") for n in range(1, 6)]
    for day in days:
        [lunch] = [row for _, rows in day.sessions for row in rows if row.block.title and row.block.title.en == "Lunch"]
        assert lunch.block.kind == "break" and (lunch.start, lunch.end) == ("12:00", "13:00")
    # A workshop of one afternoon is one day
    assert [(d.start, d.end) for d in course_plan(book, "complaint-workshop").days] == [("13:30", "17:30")]


@pytest.mark.browser
@pytest.mark.parametrize("lang, prefix, button", [("en", "en/", "Print day 2 on its own"),
                                                   ("zh", "", "单独打印第 2 天")])
def test_a_trainer_prints_day_2_alone_on_one_a4_page(browser, server, book, tmp_path, lang, prefix, button):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server}{prefix}courses/{WEEK}-instructor.html")
    page.evaluate("window.print = () => {}")  # the button sets the print mode, then page.pdf prints
    page.get_by_role("button", name=button).click()
    pdf = print_page(page, tmp_path / "day2.pdf")
    page.close()
    [text] = pdf_pages(pdf)
    assert pdf_info(pdf)["Page size"].strip() == A4
    days = course_plan(book, WEEK, lang).days
    course = book.get("course", WEEK)
    assert squash(course.title[lang]) in squash(text)
    for _, rows in days[1].sessions:
        for row in rows:
            title = row.block.title[lang] if row.block.title else ""
            assert squash(f"{row.start}–{row.end}{row.block.minutes}") in squash(text)
            assert squash(title) in squash(text)
    for other in days[:1] + days[2:]:
        for session, _ in other.sessions:
            assert squash(session.title[lang]) not in squash(text)
    assert "Print day" not in text and "单独打印" not in text


# Present mode ------------------------------------------------------------------------------------------
LAPTOP = {"width": 1280, "height": 800}
WORKSHOP = "complaint-workshop"


def shown(seconds: int, over: bool = False) -> set[str]:
    """What the countdown may show `seconds` from zero: the time goes on while the test reads, so a second less
    left (or more over) counts too."""
    later = seconds + 1 if over else seconds - 1
    return {("over by " if over else "") + f"{t // 60:02d}:{t % 60:02d}" for t in (seconds, later)}


def slide_title(page) -> str:
    return page.locator(".reveal .slides > section.present h2").inner_text()


@pytest.mark.browser
def test_a_trainer_presents_a_course_from_the_home_page_with_the_keys(browser, server, book):
    course = book.get("course", WORKSHOP)
    rows = [row for _, rows in course_plan(book, WORKSHOP).sessions for row in rows]
    context = browser.new_context(viewport=LAPTOP, timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.clock.install(time="2026-12-01T13:31:00+08:00")
    page.goto(server + "en/index.html")
    page.get_by_role("link", name="Run a course: all courses").click()
    page.locator("article li", has_text=course.title.en).get_by_role("link", name="Present").click()
    page.wait_for_url("**/complaint-workshop-present.html")
    page.get_by_role("button", name="Start presenting").click()
    stage = page.locator(".pb-present__stage")
    box = stage.bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 1280, 800)  # the whole window
    assert slide_title(page) == course.title.en  # the cover
    next_line = page.locator(".reveal .slides > section.present .pb-slide__next")
    assert next_line.inner_text() == f"First: {rows[0].start} {rows[0].block.title.en}"
    page.keyboard.press("ArrowRight")
    assert slide_title(page) == rows[0].block.title.en
    countdown, clock = page.locator(".pb-present__countdown"), page.locator(".pb-present__clock")
    assert countdown.inner_text() in shown(rows[0].block.minutes * 60) and clock.inner_text() == "13:31"
    page.clock.run_for(65_000)
    assert countdown.inner_text() in shown(rows[0].block.minutes * 60 - 65) and clock.inner_text() == "13:32"
    assert next_line.inner_text() == f"Next: {rows[1].start} {rows[1].block.title.en} ({rows[1].block.minutes} min)"
    # A clicker's keys, then the material's own keys, which must not leave the page
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    assert slide_title(page) == rows[2].block.title.en
    assert countdown.inner_text() in shown(rows[2].block.minutes * 60)  # a new block, a new countdown
    page.keyboard.press("PageUp")
    assert slide_title(page) == rows[1].block.title.en
    page.keyboard.press("n")
    assert slide_title(page) == rows[2].block.title.en and page.url.endswith("complaint-workshop-present.html")
    # Pausing stops the countdown; overtime shows how far over
    page.get_by_role("button", name="Pause the timer").click()
    paused = countdown.inner_text()
    page.clock.run_for(120_000)
    assert countdown.inner_text() == paused
    page.get_by_role("button", name="Resume the timer").click()
    left = int(paused[:2]) * 60 + int(paused[3:])
    page.clock.run_for((left + 30) * 1000)
    assert countdown.inner_text() in shown(30, over=True)
    # The role-play block: its card, the three parts and the handout, a break says when it starts again
    card_row = next(n for n, row in enumerate(rows) if row.card)
    page.keyboard.press("End")
    page.keyboard.press("Home")
    for _ in range(card_row + 1):
        page.keyboard.press("ArrowRight")
    slide = page.locator(".reveal .slides > section.present")
    text = slide.inner_text()
    assert rows[card_row].card.title.en in text and "customer, salesperson and observer" in text
    assert rows[card_row].card.observer_checklist[0].en in text
    page.keyboard.press("Escape")
    assert stage.bounding_box()["width"] < 1280  # back in the page
    assert page.locator("[data-action=present-exit]").is_hidden()
    context.close()


GAP = """() => { const slide = document.querySelector('.reveal .slides > section.present');
    const foot = slide.querySelector('.pb-slide__next'), last = foot.previousElementSibling;
    return [slide.querySelector('h2').textContent, foot.offsetTop - (last.offsetTop + last.offsetHeight)]; }"""


@pytest.mark.browser
def test_every_slide_fits_its_screen(browser, server, book):
    page = browser.new_page(viewport=LAPTOP)
    for course in book.of_kind("course"):
        count = 1 + sum(len(session.blocks) for session in course.sessions)
        for prefix, start in (("", "开始放映"), ("en/", "Start presenting")):
            page.goto(f"{server}{prefix}courses/{course.id}-present.html")
            page.get_by_role("button", name=start).click()
            gaps = []
            for _ in range(count):
                gaps.append(page.evaluate(GAP))
                page.keyboard.press("ArrowRight")
            assert len({title for title, _ in gaps}) > count // 2  # the keys did turn the slides
            assert [(title, gap) for title, gap in gaps if gap < 0] == [], (course.id, prefix)
    page.close()


# Sign-in sheet and role-play rotation ------------------------------------------------------------------


def test_over_three_rounds_each_seat_plays_each_part_once():
    from playbook.courses.rotation import ROLES, SEATS, rotation

    table = rotation(3)
    assert table[0] == ("A", "B", "C")
    for seat in SEATS:
        assert sorted(table[r].index(seat) for r in range(3)) == list(range(len(ROLES)))  # each part once
    for row in rotation(7):
        assert sorted(row) == list(SEATS)  # every round, three different people
    assert all(set(rotation(9)[r:r + 3]) == set(table) for r in range(7))  # any three rounds in a row


def test_the_rounds_follow_the_role_play_blocks(book):
    from playbook.courses.rotation import rounds

    workshop = rounds(course_plan(book, WORKSHOP))
    cards = [row.card.id for _, rows in course_plan(book, WORKSHOP).sessions for row in rows if row.card]
    assert [r.card.id for r in workshop] == cards  # one round per block: none has room for two
    assert [r.seats for r in workshop] == [("A", "B", "C"), ("C", "A", "B"), ("B", "C", "A"), ("A", "B", "C")]
    week = rounds(course_plan(book, WEEK))  # one 60-minute block, a 15-minute card: four rounds
    assert [(r.start, r.end) for r in week] == [("13:00", "13:15"), ("13:15", "13:30"), ("13:30", "13:45"),
                                                ("13:45", "14:00")]


@pytest.mark.browser
@pytest.mark.parametrize("lang, prefix, button", [("en", "en/", "Print both sheets"), ("zh", "", "打印签到表和轮换表")])
def test_the_sign_in_sheet_and_rotation_print_on_two_a4_pages(browser, server, book, tmp_path, lang, prefix,
                                                                button):
    course = book.get("course", WORKSHOP)
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server}{prefix}courses/{WORKSHOP}-instructor.html")
    page.locator(".pb-course__views a", has_text={"en": "Sign-in and rotation", "zh": "签到表与轮换表"}[lang]).click()
    page.wait_for_url(f"**/{WORKSHOP}-signin.html")
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name=button).click()
    pdf = print_page(page, tmp_path / "signin.pdf")
    page.close()
    sheet, rotation = pdf_pages(pdf, "layout")
    assert pdf_info(pdf)["Page size"].strip() == A4
    strings = book.strings
    header = squash(sheet)
    for key in ("signin-name", "signin-signature", "signin-completed"):
        assert squash(strings[key][lang]) in header
    for session in course.sessions:
        assert squash(session.title[lang]) in header
    numbers = [line.split()[0] for line in sheet.splitlines() if line.split() and line.split()[0].isdigit()]
    assert numbers == [str(n) for n in range(1, 21)]  # twenty lines to sign, all on the first page
    assert squash(course.title[lang]) in squash(rotation)
    rounds = [line.split() for line in rotation.splitlines() if line.split() and line.split()[0].isdigit()
              and sorted(line.split()[-3:]) == ["A", "B", "C"]]  # round, time, card, then the three seats
    assert [r[0] for r in rounds] == ["1", "2", "3", "4"]
    assert [r[-3:] for r in rounds] == [["A", "B", "C"], ["C", "A", "B"], ["B", "C", "A"], ["A", "B", "C"]]
