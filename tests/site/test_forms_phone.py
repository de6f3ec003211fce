"""Every form on a phone (390×844): text in fields at 16 px or more (iOS zooms in below that), each control a
44×44 px tap target (WCAG 2.5.5; a box or a dot counts with its label), dates as date fields, numbers with a
numeric keyboard. Measured in the real browser on a checklist, a sheet, calculators and course pages."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
FORMS = "form.pb-checklist, form.pb-sheet, .pb-calc, .pb-quiz, .pb-roleplay"
PAGES = {
    "checklist": "planning/smart-goals.html",
    "sheet": "management/salesperson.html",
    "sheet with a scale": "measurement/satisfaction-survey.html",
    "calculator": "calculators/pipeline.html",
    "calculator with a box": "calculators/clv.html",
    "file scoring": "calculators/score-file.html",
    "course quiz": "courses/complaint-workshop-quiz.html",
    "course instructor page": "courses/complaint-workshop-instructor.html",
    "course handouts": "courses/key-account-day-handouts.html",
}
# Every visible control of every form on the page, with the box a finger can hit: a box, a dot or a file
# field with its label (the label's box must hold the control, so a tap on either works), anything else itself.
MEASURE = """forms => {
  const seen = [];
  const box = el => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  document.querySelectorAll(forms).forEach(form => form.querySelectorAll(
      'input, select, textarea, button, a.md-button, summary').forEach(el => {
    if (!visible(el) || el.type === 'hidden') return;
    const name = (el.name || el.id || el.textContent || el.tagName).trim().slice(0, 40);
    let target = box(el), inside = true;
    if (el.type === 'checkbox' || el.type === 'radio' || el.type === 'file') {
      const label = el.labels && el.labels[0];
      const own = box(el);
      target = label ? box(label) : own;
      inside = !!label && own.x >= target.x - 1 && own.y >= target.y - 1 &&
        own.x + own.w <= target.x + target.w + 1 && own.y + own.h <= target.y + target.h + 1;
    }
    const text = /^(text|number|date|search|email|tel|url)$/.test(el.type) || /^(SELECT|TEXTAREA)$/.test(el.tagName);
    seen.push({name, kind: el.type || el.tagName, target, inside,
               font: text ? parseFloat(getComputedStyle(el).fontSize) : null,
               inputmode: el.getAttribute('inputmode')});
  }));
  return seen;
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def controls(page, server, path: str) -> list[dict]:
    page.goto(server + path)
    for summary in page.locator(".pb-quiz details > summary").all()[:2]:
        summary.click()  # open two questions: their marking buttons show
    found = page.evaluate(MEASURE, FORMS)
    assert found, f"no form control on {path}"
    return found


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_control_is_big_enough_to_tap_and_read(phone, server, path):
    problems = []
    for c in controls(phone, server, path):
        if c["target"]["w"] < 44 or c["target"]["h"] < 44:
            problems.append(f"{c['kind']} {c['name']!r}: {c['target']['w']:.0f}×{c['target']['h']:.0f} px")
        if not c["inside"]:
            problems.append(f"{c['kind']} {c['name']!r}: not inside its label")
        if c["font"] is not None and c["font"] < 16:
            problems.append(f"{c['kind']} {c['name']!r}: text {c['font']} px")
    assert not problems, "\n".join(problems)


def test_a_tap_just_beside_a_box_ticks_it(phone, server):
    phone.goto(server + PAGES["checklist"])
    box = phone.locator(".pb-checklist__items input[type=checkbox]").first
    box.evaluate("el => el.scrollIntoView({block: 'center'})")
    drawn = box.bounding_box()
    phone.mouse.click(drawn["x"] - 6, drawn["y"] + drawn["height"] + 6)  # a finger's width off, below left
    assert box.is_checked()


def test_dates_are_date_fields_and_numbers_bring_a_number_keyboard(phone, server):
    phone.goto(server + PAGES["checklist"])
    assert phone.locator(".pb-write-in input[name=date]").first.get_attribute("type") == "date"
    phone.goto(server + PAGES["file scoring"])
    assert phone.locator("input[name=analysis_date]").get_attribute("type") == "date"
    numeric = {("sheet", "input[type=number]"), ("calculator", "input[name=amount]"),
               ("calculator with a box", "input[name=average_amount]")}
    for page, selector in numeric:
        phone.goto(server + PAGES[page])
        fields = phone.locator(selector)
        assert fields.count() > 0, (page, selector)
        assert {f.get_attribute("inputmode") for f in fields.all()} <= {"decimal", "numeric"}, (page, selector)


def test_a_date_field_is_kept_like_any_other_entry(phone, server):
    phone.goto(server + PAGES["checklist"])
    phone.locator(".pb-write-in input[name=date]").first.fill("2026-11-30")
    phone.reload()
    assert phone.locator(".pb-write-in input[name=date]").first.input_value() == "2026-11-30"
