"""In the real browser: each reader's way from the home page to what they came for, on a phone (390×844), by
tapping links as they would; and the top tabs and the phone drawer holding every section of the nav."""

import re

import pytest
import yaml

from tests.conftest import ROOT, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


class _Loader(yaml.SafeLoader):
    """mkdocs.yml carries !ENV and !!python tags; only its nav is read here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def top_sections() -> dict[str, list[str]]:
    """Each top-level nav label in Chinese and English, from mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")["nav_translations"]
    labels = [next(iter(entry)) for entry in config["nav"]]
    return {"zh": labels, "en": [english[label] for label in labels]}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)  # a missing link fails in 15 s, not after Playwright's 30 s
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    yield page
    assert errors == []
    context.close()


def tap(page, name: str):
    """Tap the link a reader sees by its text (exactly one), and wait for the page it opens."""
    link = page.get_by_role("link", name=name, exact=True)
    expect(link).to_have_count(1)
    before = page.url
    link.tap()
    page.wait_for_url(lambda url: url != before)


def expect_heading(page, text: str):
    expect(page.locator("article h1")).to_have_text(re.compile(rf"^{re.escape(text)}¶?$"))


def test_new_salesperson_reaches_first_week_and_what_to_say(book, phone, server):
    phone.goto(server + "index.html")
    tap(phone, "你的第一周")
    expect_heading(phone, "新人第一周")
    expect(phone.locator("form.pb-path .pb-path__step")).to_have_count(
        sum(len(day.steps) for day in book.get("path", "first-week").days))

    phone.go_back()
    tap(phone, "客户发火了：投诉应对话术")
    assert phone.url.endswith("complaints/scripts.html")
    expect_heading(phone, book.get("module", "complaint-scripts").title.zh)
    expect(phone.locator(".pb-script")).to_have_count(len(book.ids("script")))
    expect(phone.locator(".pb-script").first).to_be_visible()

    phone.go_back()
    tap(phone, "客户提出异议")
    expect(phone.get_by_role("heading", name="异议：先问为什么，再回答")).to_be_in_viewport()

    phone.go_back()
    tap(phone, "每个销售时刻说什么：话术库")
    assert phone.url.endswith("development/talk-tracks.html")


def test_trainer_reaches_a_course_instructor_page_under_its_course(book, phone, server):
    course = book.get("course", "complaint-workshop")
    phone.goto(server + "en/index.html")
    tap(phone, "Run a course: all courses")  # tap 1
    assert phone.url.endswith("en/courses/index.html")
    instructor = phone.locator("article li", has_text=course.title.en).get_by_role("link", name="Instructor view")
    instructor.tap()  # tap 2
    phone.wait_for_url("**/complaint-workshop-instructor.html")
    assert phone.url.endswith("en/courses/complaint-workshop-instructor.html")
    expect_heading(phone, f"{course.title.en}: instructor view")
    # In the nav: the drawer opens on the course, its instructor view marked as the current page
    shown = open_drawer(phone)
    assert course.title.en in shown and f"{course.title.en}: instructor view" in shown
    active = phone.locator("nav.md-nav--primary .md-nav__link--active").locator("visible=true")
    expect(active).to_have_text(f"{course.title.en}: instructor view")


def test_team_lead_reaches_the_pre_visit_checklist_and_file_scoring(book, phone, server):
    phone.goto(server + "index.html")
    tap(phone, "拜访前准备清单")
    assert phone.url.endswith("development/first-contact.html#pre-visit-title")
    form = phone.locator("form#pre-visit")
    expect(form.locator(".pb-checklist__title")).to_be_in_viewport()
    expect(form.locator(".pb-checklist__items input")).to_have_count(len(book.get("checklist", "pre-visit").items))

    phone.go_back()
    tap(phone, "给客户名单打分")
    assert phone.url.endswith("calculators/score-file.html")
    expect(phone.locator("input[type=file]")).to_have_count(1)

    phone.go_back()
    tap(phone, "按角色打印的小册子")
    expect(phone.locator("article").get_by_role("link", name="新销售人员小册子")).to_be_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_tab_is_visible_at_1280_px(browser, server, lang):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(server + ("index.html" if lang == "zh" else "en/index.html"))
    tabs = page.locator(".md-tabs__item")
    expect(tabs).to_have_text(top_sections()[lang])
    fits = page.evaluate("""() => {
        const list = document.querySelector('.md-tabs__list');
        return {scroll: list.scrollWidth, client: list.clientWidth,
                right: Math.max(...[...list.children].map(tab => tab.getBoundingClientRect().right))};
    }""")
    assert fits["scroll"] <= fits["client"], fits
    assert fits["right"] <= LAPTOP["width"], fits
    for tab in tabs.all():
        expect(tab).to_be_in_viewport(ratio=1)
    context.close()


# What a reader sees in the drawer: links and labels on screen and not covered by another panel of it
SEEN = """nav => [...nav.querySelectorAll(".md-nav__link, .md-nav__title")].filter(el => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
    return r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight
        && hit !== null && (el.contains(hit) || hit.contains(el));
}).map(el => { const r = el.getBoundingClientRect();
               return [el.textContent.trim(), r.left + Math.min(r.width / 2, 20), r.top + r.height / 2]; })"""


def open_drawer(page) -> list[str]:
    page.locator("label.md-header__button[for='__drawer']").tap()
    page.wait_for_timeout(400)  # the drawer slides in
    return seen(page)


def seen(page) -> list[str]:
    return [text for text, _x, _y in page.locator("nav.md-nav--primary").evaluate(SEEN)]


def tap_in_drawer(page, text: str) -> list[str]:
    """Tap the entry of the drawer the reader sees with this text; what the drawer shows next."""
    x, y = next((x, y) for label, x, y in page.locator("nav.md-nav--primary").evaluate(SEEN) if label == text)
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(400)  # the next panel slides in
    return seen(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_phone_drawer_shows_every_section(phone, server, lang):
    sections = top_sections()[lang]
    phone.goto(server + ("index.html" if lang == "zh" else "en/index.html"))
    expect(phone.locator(".md-tabs")).to_be_hidden()
    assert set(sections) <= set(open_drawer(phone))
    # A section opens to its own sections: "Customers" holds the four areas of working with customers
    areas = ("客户开发", "客户服务", "投诉处理", "客户关系与价值") if lang == "zh" else (
        "Customer development", "Customer service", "Complaints", "Relationship and value")
    assert set(areas) <= set(tap_in_drawer(phone, "客户" if lang == "zh" else "Customers"))


def test_the_phone_drawer_leads_back_to_every_section_from_a_deep_page(phone, server):
    sections = top_sections()["en"]
    phone.goto(server + "en/complaints/scripts.html")
    shown = open_drawer(phone)
    assert "Complaints" in shown and "Complaint scripts: six scenarios" in shown
    shown = tap_in_drawer(phone, "Complaints")  # ← back to "Customers"
    assert "Customer service" in shown
    shown = tap_in_drawer(phone, "Customers")  # ← back to the top
    assert set(sections) <= set(shown)


@pytest.mark.parametrize("start, target, lang", [("", "en/", "en"), ("en/", "", "zh")])
def test_switching_language_keeps_the_reader_at_the_same_talk_track(phone, server, start, target, lang):
    # a salesperson deep in a talk track switches language: the same track, not the top of the page
    page, place = "development/proposal-negotiation.html", "#talk.objection-price"
    phone.goto(server + start + page + place)
    phone.locator(".md-header__option .md-select button").tap()
    phone.locator(f"a.md-select__link[hreflang={lang}]").tap()
    phone.wait_for_url(server + target + page + place)
    expect(phone.locator("[id='talk.objection-price']")).to_be_in_viewport()
