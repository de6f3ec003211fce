"""Scripts (what to say, step by step) and role-play cards with the observer's rubric."""

from jinja2 import pass_context

from playbook.scripts.rubric import rubric_widget
from playbook.scripts.schema import FEELING_STEPS, PROBLEM_STEPS


def script(macros, item_id: str) -> str:
    page, item = macros.item("script", item_id)
    return macros.render("script.html", page, script=item)


def roleplay(macros, item_id: str) -> str:
    page, item = macros.item("roleplay", item_id)
    macros.env.page.meta["calculators"] = True  # the observer rubric's scripts (overrides/main.html)
    return macros.render("roleplay.html", page, card=item)


@pass_context
def rubric(context, card) -> dict:
    """`{% set rubric = rubric(card) %}` in a template: a role-play card's observer rubric widget."""
    return rubric_widget(context["book"], card, context["lang"])


MACROS = {"script": script, "roleplay": roleplay}
TEMPLATE_GLOBALS = {"rubric": rubric}
UI_FAMILIES = {"script-": ("feelings", "problem"), "script-step-": FEELING_STEPS + PROBLEM_STEPS}
