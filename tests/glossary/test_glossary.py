"""The glossary as a reader uses it on a phone: sorted for the page's language, a letter index, a filter box
that narrows as you type (Chinese, English, pinyin, its initials), a link to each term; opened from file://."""

import re

import pytest

from playbook.glossary.glossary import groups, normal

PHONE = {"width": 390, "height": 844}
TERM = re.compile(r'<div class="pb-term" id="term-([^"]+)"')


@pytest.fixture(scope="module")
def terms(book):
    return book.of_kind("term")


def page_order(site, path: str) -> list[str]:
    return TERM.findall((site / path).read_text(encoding="utf-8"))


def test_the_chinese_page_is_in_pinyin_order_the_english_one_alphabetical(site, terms):
    by_id = {t.id: t for t in terms}
    zh, en = page_order(site, "glossary.html"), page_order(site, "en/glossary.html")
    assert sorted(zh) == sorted(en) == sorted(by_id)
    english = [by_id[i].term.en.casefold() for i in en]
    lettered = [w for w in english if w[0].isalpha()]
    assert lettered == sorted(lettered) and english[:len(lettered)] == lettered  # digits and signs last
    from pypinyin import lazy_pinyin  # its phrase dictionary loads on import: only this build test needs it

    pinyin = [[s.lower() for s in lazy_pinyin(by_id[i].term.zh)] for i in zh]
    initials = [p[0][0] for p in pinyin]
    lettered = [p for p, first in zip(pinyin, initials) if first.isalpha()]
    assert lettered == sorted(lettered) and pinyin[:len(lettered)] == lettered


def test_terms_sort_by_how_the_phrase_is_read(terms):
    # 重复 is chóngfù: under C, although 重 alone reads zhòng; 行销 is xíngxiāo
    letters = {e.term: letter for letter, entries in groups(terms, "zh") for e in entries}
    assert letters["重复购买率"] == "C" and letters["行销日记"] == "X" and letters["SMART 目标"] == "S"
    assert letters["3E 卡"] == "#" and list(letters.values())[-1] == "#"


def test_each_term_shows_both_languages_its_definition_and_source_with_a_stable_anchor(site):
    html = (site / "glossary.html").read_text(encoding="utf-8")
    entry = re.search(r'<div class="pb-term" id="term-term.smart-goal".*?</div>', html, re.S).group(0)
    assert '<dfn>SMART 目标</dfn>' in entry and '<span class="pb-term__other" lang="en">SMART goal</span>' in entry
    assert "同时具体、可衡量" in entry and "来源: 002" in entry and 'href="#term-term.smart-goal"' in entry
    assert 'lang="zh">SMART 目标</span>' in (site / "en/glossary.html").read_text(encoding="utf-8")


def test_the_filter_matches_what_people_type(terms):
    # The same normalisation as glossary.js: case, spaces and punctuation do not matter
    entry = next(e for _, entries in groups(terms, "zh") for e in entries if e.term == "销售目标")
    forms = entry.match.split("\n")
    for typed in ("销售目标", "Sales target", "xiaoshoumubiao", "XSMB", "销售 目标"):
        assert any(normal(typed) in form for form in forms), typed


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def shown(page) -> list[str]:
    return page.locator(".pb-term:visible dfn").all_inner_texts()


@pytest.mark.browser
def test_typing_narrows_the_chinese_glossary_opened_from_a_file(phone, site, terms):
    page = phone
    page.goto((site / "glossary.html").as_uri())
    box = page.get_by_role("searchbox", name="筛选术语")
    assert box.is_visible() and len(shown(page)) == len(terms)
    box.press_sequentially("客户")
    matched = page.locator(".pb-term:visible").evaluate_all("els => els.map(e => e.dataset.match)")
    assert 0 < len(matched) < len(terms) and all("客户" in m for m in matched)  # in a name or an alias
    box.fill("")
    box.press_sequentially("xsmb")  # the initials of 销售目标
    assert "销售目标" in shown(page) and len(shown(page)) < 5
    box.fill("smart")
    assert shown(page) == ["SMART 目标"]
    assert page.locator(".pb-glossary__count").inner_text() == "显示 1 条，共 201 条".replace("201", str(len(terms)))
    assert page.locator(".pb-glossary__letters a:visible").all_inner_texts() == ["S"]
    box.fill("zzzq")
    assert shown(page) == [] and page.locator(".pb-glossary__count").inner_text() == "没有符合的术语。"
    box.fill("")
    assert len(shown(page)) == len(terms)


@pytest.mark.browser
def test_the_english_glossary_filters_in_english_and_in_chinese(phone, server, terms):
    page = phone
    page.goto(server + "en/glossary.html")
    box = page.get_by_role("searchbox", name="Filter the terms")
    box.press_sequentially("forecast")
    found = shown(page)
    assert len(found) >= 3 and all("forecast" in t.lower() for t in found)
    box.fill("投诉")
    assert shown(page) and all(t in {x.term.en for x in terms if "投诉" in x.term.zh} for t in shown(page))


@pytest.mark.browser
def test_a_term_link_and_a_letter_open_below_the_sticky_bar(phone, server):
    page = phone
    page.goto(server + "glossary.html#term-term.smart-goal")
    bar = page.locator(".pb-glossary__bar").bounding_box()
    term = page.locator("#term-term\\.smart-goal").bounding_box()
    assert bar["y"] + bar["height"] <= term["y"] < PHONE["height"]
    page.locator(".pb-glossary__letters a", has_text="C").click()
    heading = page.locator("#glossary-c").bounding_box()
    assert page.url.endswith("#glossary-c") and bar["y"] + bar["height"] <= heading["y"] < PHONE["height"]
    for link in page.locator(".pb-glossary__letters a").all():
        box = link.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
