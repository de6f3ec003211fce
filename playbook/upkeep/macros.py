"""What changed in the last 90 days, from the history of the data."""

from jinja2 import pass_context

from playbook.core.addresses import relative
from playbook.core.page import PageContext
from playbook.upkeep.recent import WINDOW, recent, status


def whats_new(macros) -> str:
    page = PageContext.of(macros.env)
    day, rows = recent(macros.book, page.lang, macros.homes)
    rows = [(date, kind, item, relative(macros.env.page.url, url) if url else None) for date, kind, item, url in rows]
    return macros.render("whats_new.html", page, day=day.isoformat(), rows=rows, window=WINDOW)


@pass_context
def upkeep(context, item) -> dict:
    """`{% set kept = upkeep(item) %}` in a template: owner, review date, due, stale English."""
    return status(context["book"], item, context["lang"])


MACROS = {"whats_new": whats_new}
TEMPLATE_GLOBALS = {"upkeep": upkeep}
