"""A module page's macros, in lesson order (The Carpentries): time, questions, objectives first; key points,
sources last; between them its frameworks, self-checks and exercises."""

from playbook.core import safe_markdown
from playbook.core.page import PageContext


def module_intro(macros) -> str:
    page, module = _module(macros)
    return macros.render("module_intro.html", page, module=module)


def module_summary(macros) -> str:
    page, module = _module(macros)
    sources = sorted({s for item in [module, *macros.cited()] for s in item.sources})
    return macros.render("module_summary.html", page, module=module, sources=sources, seeds=macros.book.seeds)


def area_modules(macros, area: str) -> str:
    """A Markdown list linking to every module of `area` (Markdown, so links are checked)."""
    page, book = PageContext.of(macros.env), macros.book
    if area not in book.areas:
        raise page.error(f"unknown area '{area}'; expected one of: {', '.join(book.areas)}")
    modules = [m for m in book.of_kind("module") if m.tags.area == area]
    minutes = safe_markdown.inline(macros.ui(page, "minutes"))
    return "\n".join(f"- {safe_markdown.link(m.title[page.lang], page.link_to(m.page))} · {m.minutes} {minutes}"
                     for m in sorted(modules, key=lambda m: m.page))


def framework(macros, item_id: str) -> str:
    page, item = macros.item("framework", item_id)
    return macros.render("framework.html", page, framework=item)


def quiz(macros, item_id: str) -> str:
    page, item = macros.item("quiz", item_id)
    return macros.render("quiz.html", page, quiz=item)


def exercise(macros, item_id: str) -> str:
    page, item = macros.item("exercise", item_id)
    return macros.render("exercise.html", page, exercise=item)


def _module(macros):
    page = PageContext.of(macros.env)
    module_id = page.meta.get("module")
    if not module_id:
        raise page.error("the page has no 'module:' in its front matter; expected the module id")
    try:
        return page, macros.book.get("module", module_id)
    except KeyError as error:
        raise page.error(error.args[0]) from None


MACROS = {"module_intro": module_intro, "module_summary": module_summary, "area_modules": area_modules,
          "framework": framework, "quiz": quiz, "exercise": exercise}
