"""Practice cards: decks built from the data in each language, the FSRS scheduler shipped byte for byte as
npm has it, and in the real browser at phone size a review that schedules a card, a "which would you say?"
card, and a store this page did not write set aside without breaking the page."""

import json
import re
from pathlib import Path

import pytest

from playbook.practice.cards import DECKS, cards

from tests.conftest import ROOT, expect

HAN = re.compile(r"[\u4e00-\u9fff]")
VENDOR = ROOT / "docs/assets/javascripts/vendor/ts-fsrs.umd.js"
FROM_NPM = ROOT / "node_modules/ts-fsrs/dist/index.umd.js"


def test_decks_hold_every_term_line_and_question_once(book):
    deck = cards(book, "en")
    assert len({c["id"] for c in deck}) == len(deck)
    assert sum(c["deck"] == "glossary" for c in deck) == len(book.of_kind("term"))
    assert sum(c["deck"] == "questions" for c in deck) == sum(len(q.questions) for q in book.of_kind("quiz"))
    spoken = [*book.of_kind("script"), *book.of_kind("talktrack")]
    assert sum(c["deck"] == "lines" for c in deck) == sum(len(s.avoid) for s in spoken)
    assert {c["deck"] for c in deck} == set(DECKS)


def test_each_language_gets_its_own_text(book):
    english = " ".join(json.dumps(c, ensure_ascii=False) for c in cards(book, "en") if c["deck"] != "glossary")
    assert not HAN.search(english)
    chinese = cards(book, "zh")
    assert all(HAN.search(c["back"] + c.get("front", "")) for c in chinese), "every card is Chinese"


def test_the_shipped_scheduler_is_the_npm_package_pinned_by_the_lock_file():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/ts-fsrs"]["version"] == "5.4.2"
    assert VENDOR.read_bytes() == FROM_NPM.read_bytes()


def open_cards(browser, server, lang="zh"):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + ("practice.html" if lang == "zh" else "en/practice.html"))
    page.wait_for_function("document.querySelector('[data-practice-cards]').dataset.bound === '1'")
    return context, page, page.locator("[data-practice-cards]")


def stored(page, key="pb-cards:zh"):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{key}'))")


@pytest.mark.browser
def test_a_reviewed_card_is_scheduled_and_the_next_one_comes_up(browser, server):
    context, page, box = open_cards(browser, server)
    assert box.locator(".pb-cards__today").inner_text() == "今天：待复习 0 张，新卡 10 张"
    first = box.locator(".pb-cards__front").inner_text()
    box.get_by_role("button", name="看答案").click()
    assert box.locator(".pb-cards__back").is_visible()
    box.get_by_role("button", name="记得").click()
    assert box.locator(".pb-cards__front").inner_text() != first
    schedule = stored(page)
    (card,) = schedule["cards"].values()
    assert card["due"] > page.evaluate("new Date().toISOString()"), "a card known well is due later"
    page.reload()
    page.wait_for_function("document.querySelector('[data-practice-cards]').dataset.bound === '1'")
    assert box.locator(".pb-cards__today").inner_text() == "今天：待复习 0 张，新卡 9 张"
    context.close()


@pytest.mark.browser
def test_which_would_you_say(browser, server):
    context, page, box = open_cards(browser, server, "en")
    # Every term card already learnt and due in a year: the first new card is a line to choose.
    page.evaluate("""() => {
      const deck = JSON.parse(document.querySelector('.pb-cards__data').textContent);
      const later = new Date(Date.now() + 365 * 864e5), cards = {};
      for (const c of deck.filter(c => c.deck === 'glossary')) cards[c.id] = {...FSRS.createEmptyCard(later), due: later};
      localStorage.setItem('pb-cards:en', JSON.stringify({version: 1, day: new Date().toISOString().slice(0, 10),
                                                           newToday: 0, cards}));
    }""")
    page.reload()
    page.wait_for_function("document.querySelector('[data-practice-cards]').dataset.bound === '1'")
    assert box.locator(".pb-cards__front").inner_text() == "Which would you say?"
    deck = json.loads(box.locator(".pb-cards__data").inner_text())
    line = next(c for c in deck if c["deck"] == "lines")
    box.get_by_role("button", name=line["options"][1]).click()
    assert box.locator(".pb-cards__back").inner_text().startswith("Better not to say that one:")
    box.get_by_role("button", name="Next").click()
    assert stored(page, "pb-cards:en")["cards"][line["id"]]["state"] >= 1
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("foreign", ['{"cards": [1, 2', '[1, 2, 3]', '{"version": 0, "cards": {}}', '"hello"'])
def test_a_store_this_page_did_not_write_is_set_aside(browser, server, foreign):
    context, page, box = open_cards(browser, server)
    page.evaluate("v => localStorage.setItem('pb-cards:zh', v)", foreign)
    page.reload()
    page.wait_for_function("document.querySelector('[data-practice-cards]').dataset.bound === '1'")
    assert box.locator(".pb-cards__today").inner_text() == "今天：待复习 0 张，新卡 10 张"
    assert page.evaluate("localStorage.getItem('pb-cards:zh:set-aside')") == foreign
    box.get_by_role("button", name="看答案").click()
    box.get_by_role("button", name="忘了").click()
    assert len(stored(page)["cards"]) == 1
    context.close()


def learn(box, count: int):
    """Take `count` cards as a reader does: turn a card and rate it Easy, or pick a line and go on."""
    for _ in range(count):
        if box.get_by_role("button", name="Show the answer").is_visible():
            box.get_by_role("button", name="Show the answer").click()
            box.get_by_role("button", name="Easy").click()
        else:  # a line to choose
            box.locator("[data-option]").first.click()
            box.get_by_role("button", name="Next").click()


def day_of_cards(browser, server, time: str):
    """The English practice page on a phone in Beijing, its clock set to `time`."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.clock.install(time=time)
    page.goto(server + "en/practice.html")
    page.wait_for_function("document.querySelector('[data-practice-cards]').dataset.bound === '1'")
    return context, page, page.locator("[data-practice-cards]"), page.locator(".pb-cards__today")


def next_day(page, time: str):
    page.clock.set_system_time(time)
    page.reload()
    page.wait_for_function("document.querySelector('[data-practice-cards]').dataset.bound === '1'")


@pytest.mark.browser
def test_a_new_day_of_cards_starts_at_the_readers_midnight(browser, server):
    """A salesperson in Beijing takes the day's 10 new cards at 22:00 and opens the page again at 07:30 the next
    morning: a new day, 10 new cards (the day was UTC's, which in Beijing begins at 08:00)."""
    context, page, box, today = day_of_cards(browser, server, "2026-12-01T22:00:00+08:00")
    learn(box, 10)
    assert today.inner_text() == "Today: 0 to review, 0 new"
    next_day(page, "2026-12-02T07:30:00+08:00")
    assert today.inner_text() == "Today: 0 to review, 10 new"
    context.close()


@pytest.mark.browser
def test_the_second_day_also_stops_at_ten_new_cards(browser, server):
    """The day's count of new cards started again on the second day: rating a card saved the first day's count
    plus one, and every card of the deck kept coming as new."""
    context, page, box, today = day_of_cards(browser, server, "2026-12-01T12:00:00+08:00")
    learn(box, 10)
    next_day(page, "2026-12-02T12:00:00+08:00")
    learn(box, 10)
    assert today.inner_text() == "Today: 0 to review, 0 new"
    assert {k: stored(page, "pb-cards:en")[k] for k in ("day", "newToday")} == {"day": "2026-12-02", "newToday": 10}
    assert len(stored(page, "pb-cards:en")["cards"]) == 20
    context.close()


@pytest.mark.browser
def test_a_card_forgotten_comes_back_the_same_day_without_a_reload(browser, server):
    """A salesperson forgets the day's last new card: the page says all done, and shows that card again when it is
    due a minute later (it stayed hidden until a reload)."""
    context, page, box, today = day_of_cards(browser, server, "2026-12-01T12:00:00+08:00")
    learn(box, 9)
    last = box.locator(".pb-cards__front").inner_text()
    box.get_by_role("button", name="Show the answer").click()
    box.get_by_role("button", name="Again").click()
    assert box.locator(".pb-cards__done").is_visible() and today.inner_text() == "Today: 0 to review, 0 new"
    page.clock.run_for(61_000)
    expect(box.locator(".pb-cards__card")).to_be_visible()
    assert box.locator(".pb-cards__front").inner_text() == last
    assert today.inner_text() == "Today: 1 to review, 0 new"
    context.close()
