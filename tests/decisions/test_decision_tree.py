""""What do I do now?": on a phone a salesperson answers one question at a time and lands on a script, a
remedy or an escalation; Back and Start again work; printed (Ctrl+P), the whole tree is a numbered flowchart
on one page."""

import subprocess

import pytest

from calculators.data import read_model
from playbook.decisions.schema import DecisionTree

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAGES = {"zh": "complaints/handling.html", "en": "en/complaints/handling.html"}


def tree_data() -> DecisionTree:
    return read_model(ROOT / "playbook_data/decisions/complaint-flow.yml", DecisionTree)


def open_tree(browser, server, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + PAGES[lang])
    return context, page, page.locator("[data-decision-tree]")


def current(tree):
    return tree.locator(".pb-tree__node--current")


@pytest.mark.parametrize("lang", PAGES)
def test_a_faulty_product_out_of_repair_leads_to_an_exchange(browser, server, lang):
    context, page, tree = open_tree(browser, server, lang)
    data = tree_data()
    answers = {n.id: {a.next: a.label[lang] for a in n.answers} for n in data.nodes}
    assert tree.locator(".pb-tree__node:visible").count() == 1, "one question at a time"
    for node, nxt in (("mood", "repeat"), ("repeat", "cause"), ("cause", "fixable"), ("fixable", "exchangeable"),
                      ("exchangeable", "exchange")):
        assert current(tree).get_attribute("data-node") == node
        current(tree).get_by_role("link", name=answers[node][nxt], exact=True).click()
    end = current(tree)
    exchange = next(n for n in data.nodes if n.id == "exchange")
    assert exchange.text[lang] in end.inner_text()
    assert tree.locator(".pb-tree__path li").count() == 5
    tree.locator("[data-tree-back]").click()
    assert current(tree).get_attribute("data-node") == "exchangeable"
    tree.locator("[data-tree-restart]").click()
    assert current(tree).get_attribute("data-node") == "mood"
    assert tree.locator(".pb-tree__path").is_hidden()
    context.close()


def test_every_see_how_link_opens_a_page(browser, server):
    context, page, tree = open_tree(browser, server, "zh")
    hrefs = {a.get_attribute("href") for a in tree.locator(".pb-tree__node a:not(.pb-tree__answer)").all()}
    assert hrefs
    for href in hrefs:
        response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
        assert response.ok, href
    context.close()


def test_printed_the_tree_is_a_one_page_flowchart(browser, server, tmp_path):
    context, page, tree = open_tree(browser, server, "zh")
    pdf = tmp_path / "handling.pdf"
    page.pdf(path=str(pdf), format="A4")
    context.close()
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.replace(" ", "").split("\f")
    first, last = "第1步", f"第{len(tree_data().nodes)}步"
    holding = [k for k, text in enumerate(pages) if first in text]
    assert holding, "the tree's first step is printed"
    assert last in pages[holding[0]], "the whole tree is on the page where it starts"
    assert "→第2步" in pages[holding[0]], "each answer shows the step it leads to"
