"""Ticks survive edits of the data, on a phone (390×844): a checklist keeps each tick under its entry's id, so
a page rebuilt with its entries reordered, one added and one removed still shows what was ticked; a removed
entry's tick is dropped without an error, and ticks stored by position (the older format) are carried over."""

import json
import re

import pytest

from playbook.core.loading import playbook_for

from tests.conftest import ROOT, expect

pytestmark = pytest.mark.browser

PAGE = "planning/smart-goals.html"
FORM = "form[data-checklist='smart-goal']"
KEY = "pb:checklist:smart-goal:zh"
NEW = ('<li><input type="checkbox" id="smart-goal-shared" name="smart-goal-shared">'
       '<label for="smart-goal-shared">目标已告诉团队</label></li>')


@pytest.fixture
def phone(browser):
    # The service worker would answer from its cache, past the route that serves the rebuilt page
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  service_workers="block")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture(scope="module")
def entries():
    return playbook_for(ROOT).get("checklist", "smart-goal").items


def rebuilt(html: str) -> str:
    """The page as a later build would make it: entries reversed, 'one-owner' removed, a new one inserted."""
    start = html.index('<ul class="pb-checklist__items">', html.index('data-checklist="smart-goal"'))
    end = html.index("</ul>", start)
    rows = re.findall(r"<li><input type=\"checkbox\" id=\"smart-goal-.*?</li>", html[start:end], re.S)
    kept = [row for row in reversed(rows) if 'id="smart-goal-one-owner"' not in row]
    body = '<ul class="pb-checklist__items">\n' + "\n".join(kept[:2] + [NEW] + kept[2:]) + "\n"
    return html[:start] + body + html[end:]


def ticked(page) -> dict:
    boxes = page.locator(f"{FORM} .pb-checklist__items input")
    return {box.get_attribute("name"): box.is_checked() for box in boxes.all()}


def stored(page) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key) || '{}'", KEY))


def test_ticks_follow_their_entries_through_a_rebuilt_page(phone, server, entries):
    phone.goto(server + PAGE)
    by_id = {entry.id: entry for entry in entries}
    for entry_id in ("measurable", "time-bound", "one-owner"):
        phone.get_by_label(by_id[entry_id].text.zh, exact=True).tap()
    expect(phone.locator(f"{FORM} .pb-progress")).to_have_text(f"已完成 3 / {len(entries)}")

    # The next visit gets the page of a later build
    phone.route("**/" + PAGE, lambda route: route.fulfill(response=route.fetch(), body=rebuilt(route.fetch().text())))
    phone.reload()
    names = list(ticked(phone))
    # The rebuilt page is the one served: reversed, the new entry third, 'one-owner' gone
    assert names == [f"smart-goal-{e.id}" for e in reversed(entries) if e.id != "one-owner"][:2] + \
        ["smart-goal-shared"] + [f"smart-goal-{e.id}" for e in reversed(entries) if e.id != "one-owner"][2:]
    assert {name for name, on in ticked(phone).items() if on} == {"smart-goal-measurable", "smart-goal-time-bound"}
    expect(phone.locator(f"{FORM} .pb-progress")).to_have_text(f"已完成 2 / {len(entries)}")
    # The removed entry's tick is gone from the store, without an error
    assert {name for name in stored(phone) if name.startswith("smart-goal")} == {"smart-goal-measurable",
                                                                                  "smart-goal-time-bound"}
    assert phone.errors == []

    # Ticking on the rebuilt page stores by id too
    phone.get_by_label("目标已告诉团队", exact=True).tap()
    assert stored(phone)["smart-goal-shared"] is True


def test_ticks_stored_by_position_are_carried_over(phone, server, entries):
    phone.goto(server + PAGE)
    older = {"smart-goal-2": True, "smart-goal-5": True, "smart-goal-40": True, "name": "王芳"}
    phone.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(older)])
    phone.reload()
    ticks = ticked(phone)
    assert [name for name, on in ticks.items() if on] == [f"smart-goal-{entries[1].id}", f"smart-goal-{entries[4].id}"]
    assert phone.input_value(f"{FORM} input[name='name']") == "王芳"
    # Stored again by id; the tick of a position the checklist no longer has is dropped
    assert stored(phone) == {"name": "王芳", f"smart-goal-{entries[1].id}": True, f"smart-goal-{entries[4].id}": True}
    assert phone.evaluate("key => localStorage.getItem(key + ':set-aside')", KEY) is None
    assert phone.errors == []
