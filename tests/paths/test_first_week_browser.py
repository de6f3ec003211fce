"""In the real browser, on a phone: the first week's ticks stay in this browser through a reload, per language,
and a stored value the page did not write is set aside (the page starts clean and still works)."""

import pytest

from tests.conftest import expect

pytestmark = pytest.mark.browser

FORM = "form[data-path='first-week']"
BOXES = f"{FORM} .pb-path__steps input[type=checkbox]"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    yield page
    assert errors == []
    context.close()


@pytest.fixture
def path_steps(book) -> list:
    return [step for day in book.get("path", "first-week").days for step in day.steps]


def tap_step(page, step):
    page.locator(f"{FORM} label", has_text=step.text.zh).tap()


def ticked(page) -> list[bool]:
    return [box.is_checked() for box in page.locator(BOXES).all()]


def test_ticks_survive_a_reload_and_each_language_keeps_its_own(path_steps, phone, server):
    phone.goto(server + "first-week.html")
    assert ticked(phone) == [False] * len(path_steps)
    # Tap the first two steps of day 1 by their text, as a reader does
    for step in path_steps[:2]:
        tap_step(phone, step)
    progress = phone.locator(f"{FORM} .pb-progress")
    expect(progress).to_have_text(f"已完成 2 / {len(path_steps)}")
    expected = [True, True] + [False] * (len(path_steps) - 2)

    phone.reload()
    assert ticked(phone) == expected
    expect(progress).to_have_text(f"已完成 2 / {len(path_steps)}")
    stored = phone.evaluate("() => JSON.parse(localStorage.getItem('pb:path:first-week:zh'))")
    assert stored == {"first-week-1-1": True, "first-week-1-2": True}

    phone.goto(server + "en/first-week.html")
    assert ticked(phone) == [False] * len(path_steps)
    expect(progress).to_have_text(f"0 / {len(path_steps)} done")


@pytest.mark.parametrize("foreign", ['["first-week-1-1"]', '{"first-week-1-1": 1}', '"ticked"', "{not json"])
def test_a_value_the_page_did_not_write_is_set_aside(path_steps, phone, server, foreign):
    phone.goto(server + "first-week.html")
    phone.evaluate("value => localStorage.setItem('pb:path:first-week:zh', value)", foreign)
    phone.reload()
    assert ticked(phone) == [False] * len(path_steps)
    expect(phone.locator(f"{FORM} .pb-progress")).to_have_text(f"已完成 0 / {len(path_steps)}")
    # Kept under <key>:set-aside for whoever wants it back; the page's own value starts afresh
    assert phone.evaluate("() => localStorage.getItem('pb:path:first-week:zh:set-aside')") == foreign
    tap_step(phone, path_steps[0])
    assert phone.evaluate("() => localStorage.getItem('pb:path:first-week:zh')") == '{"first-week-1-1":true}'


def test_each_step_links_to_what_it_names(path_steps, phone, server):
    phone.goto(server + "en/first-week.html")
    steps = phone.locator(f"{FORM} .pb-path__step")
    expect(steps).to_have_count(len(path_steps))
    for index, step in enumerate(path_steps):
        kinds = [kind for kind in ("module", "script", "checklist", "sheet", "quiz") if getattr(step, kind)]
        links = steps.nth(index).locator(".pb-path__links a")
        expect(links).to_have_count(len(kinds))
        assert [link.get_attribute("data-kind") for link in links.all()] == kinds
    # Following a checklist link lands on the checklist itself
    steps.nth(path_steps.index(next(s for s in path_steps if s.checklist == "pre-visit"))).get_by_role(
        "link", name="Checklist: Before the visit").tap()
    phone.wait_for_url("**/en/development/first-contact.html#pre-visit-title")
    expect(phone.locator("form#pre-visit .pb-checklist__title")).to_be_in_viewport()
