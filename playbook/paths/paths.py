"""A reading path, such as a new salesperson's first week: days of steps to tick, each linking to the module,
script, checklist, sheet or self-check it uses. A page calls `{{ path("first-week") }}`."""

from playbook.core.addresses import at_item, page_url, relative, source
from playbook.core.page import PageContext
from playbook.core.render import render
from playbook.paths.schema import LINKS


def path(macros, path_id: str) -> str:
    page, item = macros.item("path", path_id)
    days = [(day, [(step, _links(macros, page, step)) for step in day.steps]) for day in item.days]
    total = sum(len(day.steps) for day in item.days)
    return render("path.html", book=macros.book, lang=page.lang, path=item, days=days, total=total)


def _links(macros, page: PageContext, step) -> list[tuple[str, str, str]]:
    """(kind, label, href) for each item the step names, in the order of LINKS."""
    return [(kind, _label(macros.book, kind, getattr(step, kind), page.lang),
             relative(macros.env.page.url, _address(macros, page, kind, getattr(step, kind))))
            for kind in LINKS if getattr(step, kind)]


def _label(book, kind: str, item_id: str, lang: str) -> str:
    item = book.get(kind, item_id)
    if kind == "quiz":  # a quiz has no title of its own: it is its module's self-check
        return book.get("module", item.module).title[lang]
    return item.title[lang]


def _address(macros, page: PageContext, kind: str, item_id: str) -> str:
    """The site-relative URL of the item: its module's page, or the page that renders it, at its anchor (`at_item`)."""
    if kind == "module":
        src = macros.book.get("module", item_id).page
        return page_url(source(src, page.lang))
    home = macros.homes.get((kind, item_id, page.lang))
    if home is None:
        raise page.error(f"no page renders {kind} '{item_id}'; expected a page calling {kind}(\"{item_id}\")")
    return at_item(home, kind, item_id)
