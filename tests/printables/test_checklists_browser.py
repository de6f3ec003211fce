"""In the real browser: checklist ticks and sheet entries stay in localStorage per id and language, survive
a reload and navigating away and back, clear on demand, are shared with the booklets, and go nowhere; the
checklist's own buttons print it blank or with the reader's ticks."""

import pytest

from playbook.core.homes import home_pages
from playbook.printables.pdf import print_page

from tests.conftest import ROOT, expect

from .printed import pdf_pages, squash

pytestmark = pytest.mark.browser

PAGE = "planning/smart-goals.html"
FORM = "form[data-checklist='smart-goal']"
KEY = "pb:checklist:smart-goal:zh"



def ticked(page, form: str = FORM) -> list[bool]:
    return [box.is_checked() for box in page.locator(f"{form} .pb-checklist__items input").all()]


def stored(page, key: str):
    return page.evaluate("key => localStorage.getItem(key)", key)


def test_ticks_survive_reload_and_navigation(page, server, book):
    items = book.get("checklist", "smart-goal").items
    page.goto(server + PAGE)
    assert ticked(page) == [False] * len(items)
    # Tick three boxes by their labels, as a screen-reader user names them
    for index in (0, 2, 4):
        page.get_by_label(items[index].text.zh, exact=True).check()
    progress = page.locator(f"{FORM} .pb-progress")
    expect(progress).to_have_text(f"已完成 3 / {len(items)}")
    expected = [i in (0, 2, 4) for i in range(len(items))]

    page.reload()
    assert ticked(page) == expected
    expect(progress).to_have_text(f"已完成 3 / {len(items)}")

    # Away through the header's home link and back, then back by typing the address
    page.locator("a.md-logo").first.click()
    page.wait_for_url(lambda url: not url.endswith(PAGE))
    page.go_back()
    page.wait_for_url(lambda url: url.endswith(PAGE))
    assert ticked(page) == expected
    page.goto(server + "index.html")
    page.goto(server + PAGE)
    assert ticked(page) == expected

    # The English page of the same checklist keeps its own ticks
    page.goto(server + "en/" + PAGE)
    assert ticked(page, "form[data-checklist='smart-goal'][data-lang='en']") == [False] * len(items)
    expect(page.locator(f"{FORM} .pb-progress")).to_have_text(f"0 / {len(items)} done")


def test_keyboard_ticks_and_clear_empties(page, server):
    page.goto(server + PAGE)
    box = page.locator(f"{FORM} .pb-checklist__items input").nth(1)
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.fill(f"{FORM} input[name='name']", "Wang Fang")
    assert '"smart-goal-measurable":true' in stored(page, KEY) and "Wang Fang" in stored(page, KEY)

    page.locator(f"{FORM} button[data-action='clear']").click()
    assert not any(ticked(page))
    assert page.input_value(f"{FORM} input[name='name']") == ""
    assert stored(page, KEY) is None
    page.reload()
    assert not any(ticked(page))
    expect(page.locator(f"{FORM} .pb-progress")).to_have_text("已完成 0 / 6")


def test_write_in_lines_and_sheet_fields_are_kept(page, server, book):
    sheets = book.of_kind("sheet")
    assert sheets, "no sheet in playbook_data/sheets/; expected at least one (the daily five numbers, …)"
    homes = home_pages(str(ROOT / "docs"))
    sheet = next(s for s in sheets if ("sheet", s.id, "zh") in homes)
    form = f"form[data-sheet='{sheet.id}']"
    page.goto(server + homes[("sheet", sheet.id, "zh")])
    fields = page.locator(f"{form} input[type=text], {form} input[type=number], {form} textarea").all()
    radios = page.locator(f"{form} input[type=radio]").all()
    entries = {f.get_attribute("id"): ("42" if f.get_attribute("type") == "number" else f"entry {i}")
               for i, f in enumerate(fields)}
    for field_id, value in entries.items():
        page.fill(f"[id='{field_id}']", value)
    if radios:
        radios[-1].check()

    page.reload()
    for field_id, value in entries.items():
        assert page.input_value(f"[id='{field_id}']") == value
    assert not radios or page.locator(f"{form} input[type=radio]").last.is_checked()

    page.locator(f"{form} button[data-action='clear']").click()
    assert all(page.input_value(f"[id='{field_id}']") == "" for field_id in entries)
    assert stored(page, f"pb:sheet:{sheet.id}:zh") is None


def test_booklet_shows_the_same_ticks(page, server):
    page.goto(server + PAGE)
    page.locator(f"{FORM} .pb-checklist__items input").first.check()
    page.goto(server + "booklets/new-salesperson.html")
    assert ticked(page)[0] and not any(ticked(page)[1:])


def test_nothing_is_sent_anywhere(page, server):
    page.goto(server + PAGE)
    page.wait_for_load_state("networkidle")
    before = len(page.requests)
    for box in page.locator(f"{FORM} .pb-checklist__items input").all()[:3]:
        box.check()
    page.fill(f"{FORM} input[name='date']", "2025-06-30")
    page.locator(f"{FORM} button[data-action='clear']").click()
    page.wait_for_timeout(300)
    assert page.requests[before:] == []
    assert all(url.startswith(server) for url in page.requests)


def test_blank_print_and_print_with_my_ticks(page, server, tmp_path):
    page.goto(server + PAGE)
    page.locator(f"{FORM} .pb-checklist__items input").first.check()
    page.fill(f"{FORM} input[name='name']", "Wang Fang")
    heading = page.evaluate("document.querySelector('article h2').childNodes[0].textContent")

    blank = pdf_pages(print_page(page, tmp_path / "blank.pdf"))
    assert "Wang Fang" not in "".join(blank) and squash(heading) in squash("".join(blank))
    assert page.input_value(f"{FORM} input[name='name']") == "Wang Fang"  # restored after printing
    assert page.locator(f"{FORM} .pb-checklist__items input").first.is_checked()

    # The button sets the print mode and calls print(): here print() is a no-op and page.pdf prints
    page.evaluate("window.print = () => {}")
    page.locator(f"{FORM} button[data-action='print-mine']").click()
    mine = squash("".join(pdf_pages(print_page(page, tmp_path / "mine.pdf"))))
    assert "WangFang" in mine
    assert squash(heading) not in mine  # only the checklist, not the rest of the page
