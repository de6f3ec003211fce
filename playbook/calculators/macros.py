"""The calculators in the site: a widget in the browser, a worked example computed at build time
(calculators/), a calculator's Excel workbook, and the live SMART goal checker."""

from calculators import workbooks
from playbook.calculators.examples import worked_example
from playbook.calculators.widgets import calculator
from playbook.core.addresses import relative
from playbook.core.page import PageContext


def workbook(macros, name: str) -> str:
    """A link to the workbook playbook/calculators/events.py writes into the site."""
    page = PageContext.of(macros.env)
    if name not in workbooks.names():
        raise page.error(f"unknown workbook '{name}'; expected one of: {', '.join(workbooks.names())}")
    href = relative(macros.env.page.url, f"{workbooks.FOLDER}/{workbooks.file_name(name, page.lang)}")
    return macros.render("workbook.html", page, href=href)


def smart_checker(macros, item_id: str) -> str:
    """calculators/smart_goal.py's rules, run live by docs/assets/javascripts/smart-goal.js."""
    page, checker = macros.item("checker", item_id)
    rules = [{"key": c.key, "patterns": list(c.patterns)} for c in checker.criteria]
    return macros.render("smart_checker.html", page, checker=checker, rules=rules)


MACROS = {"calculator": calculator, "worked_example": worked_example, "workbook": workbook,
          "smart_checker": smart_checker}
