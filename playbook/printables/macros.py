"""Checklists and sheets: forms to fill in on screen, printed with their online address and a QR code."""

import typing

from playbook.core.schema.content import Printable
from playbook.printables.printing import breakable, footer_context


def checklist(macros, item_id: str) -> str:
    return _printable(macros, "checklist", item_id)


def sheet(macros, item_id: str) -> str:
    return _printable(macros, "sheet", item_id)


def _printable(macros, kind: str, item_id: str) -> str:
    # A checklist or sheet recurs in booklets and course handouts with its home page's address in the
    # footer: the same HTML, so it is rendered once per language build.
    page, item = macros.item(kind, item_id)
    footer = footer_context(macros.env, macros.homes, kind, item_id)
    key = ("printable", kind, item_id, page.lang, footer["address"])
    return macros.remember(key, lambda: macros.render(f"{kind}.html", page, **{kind: item}, **footer))


MACROS = {"checklist": checklist, "sheet": sheet}
TEMPLATE_FILTERS = {"breakable": breakable}  # `{{ address | breakable }}` in printed_foot.html
UI_FAMILIES = {"write-in-": typing.get_args(typing.get_args(Printable.model_fields["write_in"].annotation)[0])}
