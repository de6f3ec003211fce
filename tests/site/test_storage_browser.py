"""In the real browser, at phone size: a stored entry the page did not write (another type, JSON cut short, an
older version's shape) is set aside under <key>:set-aside, the widget starts clean, and it works and stores
again. Every widget that uses storage: checklists and sheets (checklists.js), the course quiz and the modules' self-checks (quiz.js)."""

import json

import pytest

pytestmark = pytest.mark.browser

NOT_WRITTEN_BY_THE_PAGE = ["[true, true]", '"ticked"', "42", "null", '{"items": [tr', '{"a": 1}', '{"a": false}',
                           '{"a": {"checked": true}}', "{not json"]
# page, key, the control to use, the stored entry after using it
WIDGETS = {
    "checklist": ("planning/smart-goals.html", "pb:checklist:smart-goal:zh",
                  "form[data-checklist='smart-goal'] .pb-checklist__items input >> nth=0"),
    "sheet": ("en/development/customer-analysis.html", "pb:sheet:6w1h1s-worksheet:en",
              "form[data-sheet='6w1h1s-worksheet'] textarea >> nth=0"),
    "course quiz": ("en/courses/complaint-workshop-quiz.html", "pb:course-quiz:complaint-workshop:en",
                    "details[data-question] >> nth=0"),
    "self-check": ("en/planning/smart-goals.html", "pb:quiz:smart-goals-quiz:en", "details[data-question] >> nth=0"),
}
QUIZZES = ("course quiz", "self-check")
FILLED = "field => field.type === 'checkbox' ? field.checked : field.value !== ''"
ORIGIN_ONLY = "tags.json"  # a file of the site, no page: where the tests write an entry before the page loads


def open_with(phone, server: str, url: str, key: str, text: str):
    """`url` opened with `text` stored under `key`, written from a small file of the site's origin first (loading
    the page itself for that cost a whole page load, its search index built, in each of 36 tests)."""
    phone.goto(server + ORIGIN_ONLY)
    phone.evaluate("([key, text]) => localStorage.setItem(key, text)", [key, text])
    phone.goto(server + url)


def use(phone, widget: str, control: str):
    if widget == "checklist":
        phone.locator(control).check()
    elif widget == "sheet":
        phone.locator(control).fill("Zhang San")
    else:
        phone.locator(control).locator("summary").click()
        phone.locator(control).get_by_role("button", name="I had it").click()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.parametrize("widget", WIDGETS)
@pytest.mark.parametrize("text", NOT_WRITTEN_BY_THE_PAGE)
def test_a_foreign_entry_is_set_aside_and_the_widget_starts_clean(phone, server, widget, text):
    url, key, control = WIDGETS[widget]
    open_with(phone, server, url, key, text)
    entries = phone.evaluate("key => [localStorage.getItem(key), localStorage.getItem(key + ':set-aside')]", key)
    assert entries == [None, text]
    if widget in QUIZZES:
        assert phone.locator(".pb-quiz__score").inner_text().startswith("0 of ")
    else:
        assert phone.locator(control).evaluate(FILLED) is False
    use(phone, widget, control)
    stored = json.loads(phone.evaluate("key => localStorage.getItem(key)", key))
    assert list(stored.values()) == [{"checklist": True, "sheet": "Zhang San"}.get(widget, "right")]
    assert phone.errors == []


@pytest.mark.parametrize("widget", WIDGETS)
def test_an_entry_the_page_wrote_is_kept(phone, server, widget):
    url, key, control = WIDGETS[widget]
    phone.goto(server + url)
    use(phone, widget, control)
    written = phone.evaluate("key => localStorage.getItem(key)", key)
    phone.reload()
    assert phone.evaluate("key => [localStorage.getItem(key), localStorage.getItem(key + ':set-aside')]",
                          key) == [written, None]
    if widget in QUIZZES:
        assert phone.locator(".pb-quiz__score").inner_text().startswith("1 of ")
    else:
        assert phone.locator(control).evaluate(FILLED) is True
    assert phone.errors == []
