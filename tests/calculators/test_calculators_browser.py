"""In the real browser: every calculator widget computes as you type, says what is wrong next to the field
in the page's language (never NaN) and keeps working after navigating away and back
(tests/calculators/test_score_file_browser.py: the file tool)."""

import pytest

from playbook.calculators.widgets import widget_ids
from tests.conftest import expect

from .site_pages import page_of

pytestmark = pytest.mark.browser


def open_widget(page, server, site, widget_id: str, lang: str = "zh"):
    page.goto(server + page_of(site, f'data-widget="{widget_id}"', lang))
    return page.locator(f".pb-calc[data-widget='{widget_id}']")


def message(widget, field: str):
    return widget.locator(f".pb-calc__field[data-field='{field}'] .pb-calc__error")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("widget_id", [w for w in widget_ids() if w != "score-file"])
def test_every_widget_starts_with_a_result(page, server, site, widget_id, lang):
    widget = open_widget(page, server, site, widget_id, lang)
    expect(widget.locator(".pb-calc__result dd").first).to_be_visible()
    text = widget.inner_text()
    assert "NaN" not in text and "Infinity" not in text
    assert widget.locator(".pb-calc__working").inner_text().strip()
    assert not [e for e in widget.locator(".pb-calc__error").all() if e.is_visible()]


def test_clv_updates_as_you_type_with_the_numbers_in_the_formula(page, server, site):
    widget = open_widget(page, server, site, "clv-seed")
    working = widget.locator(".pb-calc__working")
    expect(working).to_have_text("CLV = 6 × 8,000 × 5 × 0.25 − 1,500 × 5 + 10,000 = 62,500")
    widget.locator("input[name='periods']").fill("10")
    expect(working).to_have_text("CLV = 6 × 8,000 × 10 × 0.25 − 1,500 × 10 + 10,000 = 115,000")
    expect(widget.locator(".pb-calc__result dd").first).to_have_text("115,000")


def test_retention_form_and_its_options(page, server, site):
    widget = open_widget(page, server, site, "clv-retention", "en")
    first = widget.locator(".pb-calc__result dd").first
    expect(first).to_have_text("26,666.67")  # 10,000 × 0.8 / (1 + 0.1 − 0.8)
    widget.locator("input[name='first_margin_now']").check()
    expect(first).to_have_text("36,666.67")  # 10,000 × 1.1 / 0.3
    widget.locator("input[name='retention']").fill("1")
    widget.locator("input[name='discount']").fill("0")
    expect(message(widget, "retention")).to_contain_text("endless")
    widget.locator("input[name='periods']").fill("5")
    expect(first).to_have_text("50,000")  # q = 1: five margins
    expect(message(widget, "retention")).to_be_hidden()


BAD = [  # field, typed, Chinese message, English message
    ("purchases_per_period", "", "请填写一个数字", "Enter a number"),
    ("average_amount", "八千", "不是数字", "is not a number"),
    ("periods", "-2", "不能是负数", "cannot be negative"),
    ("margin", "1.5", "比例不能大于 1", "cannot be above 1"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("field,typed,zh,en", BAD)
def test_bad_value_shows_a_message_next_to_the_field(page, server, site, lang, field, typed, zh, en):
    widget = open_widget(page, server, site, "clv-seed", lang)
    widget.locator(f"input[name='{field}']").fill(typed)
    expect(message(widget, field)).to_be_visible()
    expect(message(widget, field)).to_contain_text(zh if lang == "zh" else en)
    assert widget.locator(f"input[name='{field}']").get_attribute("aria-invalid") == "true"
    text = widget.inner_text()
    assert "NaN" not in text and "Infinity" not in text and not widget.locator(".pb-calc__result dd").count()


def test_field_text_is_never_markup(page, server, site):
    widget = open_widget(page, server, site, "clv-seed")
    widget.locator("input[name='average_amount']").fill("<img src=x onerror=alert(1)>")
    expect(message(widget, "average_amount")).to_contain_text("<img src=x")
    assert widget.locator(".pb-calc__error img").count() == 0


def test_scorecard_tier_follows_the_ratings(page, server, site):
    widget = open_widget(page, server, site, "scorecard-lead", "en")
    for name in ("budget", "authority", "need", "timing", "fit"):
        widget.locator(f"input[name='{name}']").fill("1")
    expect(widget.locator(".pb-calc__result dd").nth(1)).to_have_text("Cold")
    widget.locator("input[name='need']").fill("6")
    expect(message(widget, "need")).to_contain_text("from 1 to 5")


def test_nps_from_pasted_answers(page, server, site):
    widget = open_widget(page, server, site, "nps")
    widget.locator("textarea[name='answers']").fill("10\n9\n8\n3\n10")
    expect(widget.locator(".pb-calc__working")).to_have_text("NPS = (3 − 1) ÷ 5 × 100 = 40")
    widget.locator("textarea[name='answers']").fill("10, 11")
    expect(message(widget, "answers")).to_contain_text("第 2 项")


def test_pipeline_rows_can_be_added_and_removed(page, server, site):
    widget = open_widget(page, server, site, "pipeline", "en")
    rows = widget.locator(".pb-calc__deals tbody tr")
    for _ in range(rows.count()):
        rows.first.locator("[data-action='remove']").click()
    widget.locator("[data-action='add']").click()
    rows.first.locator("input[name='amount']").fill("1000")
    rows.first.locator("select[name='stage']").select_option("proposal")
    expect(widget.locator(".pb-calc__result dd").first).to_have_text("500")
    rows.first.locator("input[name='amount']").fill("-1")
    expect(rows.first.locator(".pb-calc__error")).to_contain_text("Item 1: This cannot be negative.")


def test_complaint_cost_uses_the_seed_figures_until_changed(page, server, site):
    widget = open_widget(page, server, site, "complaint-cost", "en")
    first = widget.locator(".pb-calc__result dd").first
    expect(first).to_have_text("250")  # 10 complaints ÷ (1 − 0.96)
    widget.locator(".pb-calc__advanced summary").click()
    widget.locator("input[name='silent_share']").fill("0.9")
    expect(first).to_have_text("100")


def test_widget_works_after_navigating_away_and_back(page, server, site):
    widget = open_widget(page, server, site, "clv-seed")
    widget.locator("input[name='periods']").fill("1")
    page.goto(server + "index.html")
    page.go_back()
    widget = page.locator(".pb-calc[data-widget='clv-seed']")
    widget.locator("input[name='periods']").fill("2")
    expect(widget.locator(".pb-calc__working")).to_contain_text("= 31,000")
