"""The glossary page: every term, grouped and sorted in the page's language."""

from playbook.core.page import PageContext
from playbook.glossary.glossary import groups


def glossary(macros) -> str:
    page = PageContext.of(macros.env)
    terms = macros.book.of_kind("term")
    macros.cited().extend(terms)
    return macros.render("glossary.html", page, groups=groups(terms, page.lang))


MACROS = {"glossary": glossary}
