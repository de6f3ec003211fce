"""What changed in the last 90 days, from the history of the data."""

from playbook.core.page import PageContext
from playbook.core.addresses import relative
from playbook.upkeep.recent import WINDOW, recent


def whats_new(macros) -> str:
    page = PageContext.of(macros.env)
    day, rows = recent(macros.book, page.lang, macros.homes)
    rows = [(date, kind, item, relative(macros.env.page.url, url) if url else None) for date, kind, item, url in rows]
    return macros.render("whats_new.html", page, day=day.isoformat(), rows=rows, window=WINDOW)


MACROS = {"whats_new": whats_new}
