"""The SMART goal checker: Python (calculators/smart_goal.py) and the page (smart-goal.js) give the same
answer on every case of tests/vectors/checkers/smart-goal.json, and a person typing a goal on the SMART
page at phone size sees each element turn present or missing, in the page's language."""

import json
import subprocess
from pathlib import Path

import pytest

from calculators.data import read_model
from calculators.smart_goal import GoalChecker, check

from tests.conftest import ROOT

VECTORS = json.loads((ROOT / "tests/vectors/checkers/smart-goal.json").read_text(encoding="utf-8"))
RULES_FILE = ROOT / "playbook_data/checkers/smart-goal-checker.yml"
SCRIPT = ROOT / "docs/assets/javascripts/smart-goal.js"
CASES = [pytest.param(case, id=case["name"]) for case in VECTORS["cases"]]


def checker() -> GoalChecker:
    return read_model(RULES_FILE, GoalChecker)


def expected(case) -> dict:
    keys = [c.key for c in checker().criteria]
    met = case["output"]["met"]
    return {"met": met, "missing": [k for k in keys if k not in met]}


@pytest.mark.parametrize("case", CASES)
def test_python_checker(case):
    assert check(case["input"]["goal"], checker()) == expected(case)


RUNNER = r"""
const fs = require("fs"), vm = require("vm");
const [script, rules, goals] = JSON.parse(fs.readFileSync(0, "utf8"));
vm.runInThisContext(fs.readFileSync(script, "utf8"), { filename: script });
process.stdout.write(JSON.stringify(goals.map(g => globalThis.PlaybookSmart.check(g, rules))));
"""


def test_browser_checker_in_node_gives_the_same_lists():
    rules = [{"key": c.key, "patterns": list(c.patterns)} for c in checker().criteria]
    goals = [case.values[0]["input"]["goal"] for case in CASES]
    run = subprocess.run(["node", "-e", RUNNER], input=json.dumps([str(SCRIPT), rules, goals]),
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [expected(case.values[0]) for case in CASES]


def test_a_goal_that_is_not_text_is_refused():
    from calculators.errors import InputError
    with pytest.raises(InputError, match="goal is not text"):
        check(12, checker())


PAGES = {"zh": ("planning/smart-goals.html", "下个月拜访 60 次客户", "已具备", "还缺", "具备 3 / 6 项"),
         "en": ("en/planning/smart-goals.html", "Visit 60 customers next month", "Present", "Missing",
                "3 of 6 present")}


@pytest.mark.browser
@pytest.mark.parametrize("lang", PAGES)
def test_typing_a_goal_on_the_smart_page(browser, server, lang):
    address, goal, present, missing, count = PAGES[lang]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + address)
    box = page.locator("[data-smart-checker]")
    box.get_by_role("textbox").fill(goal)
    states = {li.get_attribute("data-key"): li.locator(".pb-smart__state").inner_text()
              for li in box.locator(".pb-smart__criterion").all()}
    assert states["measurable"] == present and states["specific"] == present
    assert states["result"] == missing, "a visit is an activity, not a result"
    assert box.locator(".pb-smart__criterion--missing .pb-smart__rewrite").first.is_visible()
    assert box.locator(".pb-smart__count").inner_text() == count
    box.get_by_role("textbox").fill("")
    assert not box.locator(".pb-smart__count").is_visible()
    context.close()
