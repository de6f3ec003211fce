"""A new salesperson on a phone, from the home page: opens the first visit's module and reads what to note after a
first contact, each field's name followed by one colon of the page's language ("为什么：", "Why: "), never two
(the page adds it; a column title ending with one fails the schema, tests/modules/bad/column-title-colon/)."""

import pytest

pytestmark = pytest.mark.browser

HOME = {"zh": ("index.html", "第一次拜访和电话", "为什么", "："),
        "en": ("en/index.html", "Your first visit or call", "Why", ": ")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_list_field_name_ends_in_one_colon(browser, server, lang):
    home, link, first, colon = HOME[lang]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(server + home)
        page.locator("article a", has_text=link).first.click()
        fields = page.locator(".pb-field")
        fields.first.wait_for(state="attached")
        assert fields.count() >= 6
        shown = fields.evaluate_all(
            "all => all.map(e => e.textContent + JSON.parse(getComputedStyle(e, '::after').content))")
        assert shown[0] == first + colon
        assert not [text for text in shown if text.rstrip()[-2:-1] in (":", "：")], shown
    finally:
        context.close()
