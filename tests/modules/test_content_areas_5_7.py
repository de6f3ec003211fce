"""Areas 5-7 (service, complaints, relationship): every topic covered in both languages, figures as the seeds
give them, and complaint scripts rendered escaped with both step groups."""

import re
from html import unescape

import pytest
from markupsafe import escape

from playbook.upkeep.coverage import pages_in_both_languages
from tests.conftest import ROOT

AREAS = ("service", "complaints", "relationship")

# The seeds' figures, typed from the originals: 002 (complaints), 004 L4 (CRM), 004 L4 §2 (lifetime value),
# 004 L5 §2 (the restaurant). The data must carry them unchanged.
COMPLAINT_FIGURES = ["96%", "54%-70%", "95%", "5 people", "3 people", "11 people", "13%"]
CRM_FIGURES = ["doubles", "6 times", "2/3", "93%", "+51%", "+20%", "−21%", "one third shorter", "+2%"]
CLV_EXAMPLES = [
    ("20 years", "USD 480,000"), ("30 years", "USD 332,000"), ("30 years", "USD 25,000"),
    ("50 years", "USD 11,000"), ("30 years", "USD 72,000"),
]
RESTAURANT = [
    ("Waiting for the food more than 10 minutes, but not more than 20", "A free drink"),
    ("Waiting for the food more than 20 minutes", "The meal is free"),
    ("Seated for 5 minutes and no server has come to the table", "A free bowl of soup"),
]


def column(book, framework_id: str, key: str, lang: str = "en") -> list[str]:
    return [entry.fields[key][lang] for entry in book.get("framework", framework_id).entries]


def digits(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,/]\d+)*", text)


def test_every_topic_of_areas_5_to_7_has_a_page_in_both_languages(book):
    both = pages_in_both_languages(book, ROOT)
    topics = [t.id for area in AREAS for t in book.areas[area].topics]
    assert len(topics) == 22
    assert [t for t in topics if not both[t]] == []


def test_complaint_figures_are_the_seed_numbers_in_both_languages(book):
    assert column(book, "cmp-figures", "figure") == COMPLAINT_FIGURES
    zh = column(book, "cmp-figures", "figure", "zh")
    assert [digits(z) for z in zh] == [digits(e) for e in COMPLAINT_FIGURES]
    assert book.get("framework", "cmp-figures").sources == ["002"]


def test_crm_figures_are_the_seed_numbers(book):
    assert column(book, "crm-figures", "figure") == CRM_FIGURES
    assert book.get("framework", "crm-figures").sources == ["004 L4"]


def test_lifetime_value_examples_are_the_seed_numbers(book):
    rows = list(zip(column(book, "crm-clv-examples", "years"), column(book, "crm-clv-examples", "value")))
    assert rows == CLV_EXAMPLES
    names = [e.name.en for e in book.get("framework", "crm-clv-examples").entries]
    assert names == ["SAS Scandinavian Airlines", "Cadillac", "Marlboro", "Coca-Cola", "AT&T"]


def test_restaurant_compensation_rules_are_exactly_the_seed(book):
    framework = book.get("framework", "svc-restaurant-compensation")
    assert [(e.name.en, e.fields["remedy"].en) for e in framework.entries] == RESTAURANT
    assert framework.sources == ["004 L5 §2"]


def section(html: str, element_id: str) -> str:
    """The HTML of the script section with `element_id`."""
    start = html.index(f'<section class="pb-script" id="{element_id}"')
    return html[start: html.index("</section>", start)]


@pytest.mark.parametrize("lang, page", [("zh", "complaints/scripts.html"), ("en", "en/complaints/scripts.html")])
def test_script_page_shows_both_step_groups_escaped(site, book, lang, page):
    html = (site / page).read_text(encoding="utf-8")
    scripts = book.of_kind("script")
    assert len(scripts) >= 6
    for script in scripts:
        block = section(html, script.id)
        steps = re.findall(r'<li data-step="([a-z-]+)">', block)
        assert steps == ["sympathise", "ask", "confirm", "want", "options", "agree", "follow-up"]
        assert "pb-script__group--feelings" in block and "pb-script__group--problem" in block
        for line in [*script.say, *(a.line for a in script.avoid)]:
            text = line[lang]
            assert str(escape(text)) in block
            if escape(text) != text:  # a quote or apostrophe: the raw form must not reach the page
                assert text not in block and unescape(str(escape(text))) == text
