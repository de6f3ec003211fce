"""Depth beyond the source's lists (issue 21): worked examples and exercises for the thin topics, the
coverage count of topics with an example, exercise, sheet or tool, the end-to-end customer case whose
figures come from calculators/, and the salesperson's self-assessment and time sheet on a phone."""

import re

import pytest
from pydantic import ValidationError

from calculators import run
from playbook.upkeep.coverage import depth, report
from playbook.modules.schema import Exercise

from tests.conftest import expect

THIN = ("found.evolution found.value-chain found.new-economy mkt.status mkt.positioning mkt.strategy plan.targets "
        "plan.goals-types dev.needs dev.channels dev.opportunity svc.tenets svc.good-vs-excellent svc.promises "
        "svc.economy cmp.feedback crm.def crm.stats crm.loyalty chn.relations team.training team.incentives "
        "team.salesperson mgr.duties best.practice").split()
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    """A page in a fresh browser context the size of a phone."""
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_each_thin_topic_has_an_exercise_or_worked_example_of_its_own(book):
    exercises = {topic for item in book.of_kind("exercise") for topic in item.covers}
    assert len(THIN) == 25 and set(THIN) <= exercises


def test_coverage_counts_topics_with_an_example_exercise_sheet_or_tool(book):
    lines = report(book).splitlines()
    counted = sum(1 for items in depth(book).values() if items)
    assert lines[-2] == f"with an example, exercise, sheet or tool of its own: {counted}/75"
    assert counted >= 65
    thin = lines[-3].split(": ", 1)[1].split(", ")
    assert not set(THIN) & set(thin) and len(thin) == 75 - counted


def test_a_worked_example_must_show_its_working():
    text = {"zh": "甲", "en": "A"}
    fields = dict(id="ex-x", title=text, situation=text, task=text, answer=text, sources=["practice"],
                  covers=["plan.smart"])
    Exercise(kind="exercise", **fields)
    with pytest.raises(ValidationError, match="expected at least two steps"):
        Exercise(kind="example", steps=[text], **fields)


@pytest.mark.parametrize("lang, path, figure", [("zh", "development/customer-case.html", "620,000"),
                                                 ("en", "en/development/customer-case.html", "620,000")])
def test_the_case_shows_the_calculators_results_and_links_every_stage(site, lang, path, figure):
    clv = run("clv", {"form": "seed", "purchases_per_period": 6, "average_amount": 80000, "periods": 5,
                      "margin": 0.25, "retention_cost": 6000, "referral_value": 50000})["clv"]
    assert f"{clv:,.0f}" == figure
    html = (site / path).read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html[html.index("<article"):html.rindex("</article>")])
    assert figure in text
    lead = run("scorecard", {"scorecard": "lead", "values": {"budget": 3, "authority": 3, "need": 5,
                                                             "timing": 4, "fit": 5}})
    assert f"{lead['score']:g}" in text
    for module in ("finding-customers", "customer-analysis", "first-contact", "communication-discovery",
                   "proposal-negotiation", "contracts", "complaints/handling", "customer-value", "key-accounts"):
        assert re.search(rf'href="[./]*(development/|relationship/)?{module}\.html"', html), module
    if lang == "en":
        assert not re.search(r"[\u4e00-\u9fff]", text)


@pytest.mark.browser
def test_self_assessment_scores_and_tiers_on_a_phone(phone, server, site):
    page = phone
    page.goto(server + "en/management/salesperson.html")
    widget = page.locator(".pb-calc[data-widget='scorecard-self-assessment']")
    inputs = widget.locator("input")
    assert inputs.count() == 26  # ten traits, ten rules, six steps
    for index in range(inputs.count()):
        inputs.nth(index).fill("5")
    expect(widget.locator(".pb-calc__result dd").nth(1)).to_have_text("Strong")
    expect(widget.locator(".pb-calc__result dd").first).to_contain_text("100")
    for index in range(inputs.count()):
        inputs.nth(index).fill("2")
    expect(widget.locator(".pb-calc__result dd").nth(1)).to_have_text("Needs focus")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
def test_the_time_sheet_keeps_what_was_typed_on_a_phone(phone, server, site):
    page = phone
    page.goto(server + "management/salesperson.html")
    sheet = page.locator("#weekly-time-plan")
    field = sheet.locator("input, textarea").first
    field.fill("12")
    field.dispatch_event("change")
    page.reload()
    expect(page.locator("#weekly-time-plan").locator("input, textarea").first).to_have_value("12")


@pytest.mark.browser
def test_the_case_page_prints_without_navigation(phone, server, site):
    page = phone
    page.goto(server + "en/development/customer-case.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    expect(page.locator("article")).to_contain_text("620,000")
