"""The macros pages call: each renders one piece of playbook_data/ in the page's language."""

from . import booklets
from .page import PageContext
from .printing import footer_context
from .render import render


class Macros:
    """Bound to one mkdocs-macros env; `NAMES` are what `define_env` registers."""

    NAMES = ("module_intro", "module_summary", "area_modules", "framework", "checklist", "sheet", "quiz",
             "glossary", "script", "roleplay", "booklet", "booklet_index")

    def __init__(self, env, book):
        self.env, self.book = env, book

    # Lesson structure (The Carpentries): time, questions, objectives first; key points, sources last.
    def module_intro(self) -> str:
        page, module = self._module()
        return self._render("module_intro.html", page, module=module)

    def module_summary(self) -> str:
        page, module = self._module()
        sources = sorted({s for item in [module, *self._cited()] for s in item.sources})
        return self._render("module_summary.html", page, module=module, sources=sources,
                            seeds=self.book.seeds)

    def area_modules(self, area: str) -> str:
        """A Markdown list linking to every module of `area` (Markdown, so links are checked)."""
        page = PageContext.of(self.env)
        if area not in self.book.areas:
            raise page.error(f"unknown area '{area}'; expected one of: {', '.join(self.book.areas)}")
        modules = [m for m in self.book.of_kind("module") if m.tags.area == area]
        return "\n".join(
            f"- [{m.title[page.lang]}]({page.link_to(m.page)}) · {m.minutes} {self._ui(page, 'minutes')}"
            for m in sorted(modules, key=lambda m: m.page)
        )

    # Data blocks, by id.
    def framework(self, item_id: str) -> str:
        page, item = self._item("framework", item_id)
        return self._render("framework.html", page, framework=item)

    def checklist(self, item_id: str) -> str:
        page, item = self._item("checklist", item_id)
        return self._render("checklist.html", page, checklist=item,
                            **footer_context(self.env, "checklist", item_id))

    def sheet(self, item_id: str) -> str:
        page, item = self._item("sheet", item_id)
        return self._render("sheet.html", page, sheet=item, **footer_context(self.env, "sheet", item_id))

    # Booklets by role (macros/booklets.py): docs/booklets/<role>.md and its index.
    def booklet(self, role_id: str) -> str:
        return booklets.booklet(self, role_id)

    def booklet_index(self) -> str:
        return booklets.booklet_index(self)

    def script(self, item_id: str) -> str:
        page, item = self._item("script", item_id)
        return self._render("script.html", page, script=item)

    def roleplay(self, item_id: str) -> str:
        page, item = self._item("roleplay", item_id)
        return self._render("roleplay.html", page, card=item)

    def quiz(self, item_id: str) -> str:
        page, item = self._item("quiz", item_id)
        return self._render("quiz.html", page, quiz=item)

    def glossary(self) -> str:
        page = PageContext.of(self.env)
        terms = self.book.of_kind("term")
        for term in terms:
            self._cited().append(term)
        return self._render("glossary.html", page, terms=sorted(terms, key=lambda t: t.term.en.lower()))

    # Helpers.
    def _module(self):
        page = PageContext.of(self.env)
        module_id = page.meta.get("module")
        if not module_id:
            raise page.error("the page has no 'module:' in its front matter; expected the module id")
        try:
            return page, self.book.get("module", module_id)
        except KeyError as error:
            raise page.error(error.args[0]) from None

    def _item(self, kind: str, item_id: str):
        page = PageContext.of(self.env)
        try:
            item = self.book.get(kind, item_id)
        except KeyError as error:
            raise page.error(error.args[0]) from None
        self._cited().append(item)
        return page, item

    def _cited(self) -> list:
        # Items rendered on the page being built; its summary lists their sources.
        return self.env.page.__dict__.setdefault("playbook_cited", [])

    def _ui(self, page: PageContext, key: str) -> str:
        return self.book.strings[key][page.lang]

    def _render(self, template: str, page: PageContext, **context) -> str:
        return render(template, book=self.book, lang=page.lang, **context)
