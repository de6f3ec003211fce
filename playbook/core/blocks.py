"""The macros pages call: each renders one piece of playbook_data/ in the page's language."""

import functools

from calculators import workbooks

from playbook.booklets import booklets
from playbook.calculators import examples as calculator_examples
from playbook.calculators import widgets as calculator_widgets
from playbook.composer import composer
from playbook.courses import macros as courses
from playbook.paths import paths
from playbook.practice import cards as practice
from playbook.progress import progress
from playbook.core import safe_markdown
from playbook.tags import tags
from playbook.talktracks import talktracks
from playbook.upkeep import recent as upkeep
from playbook.glossary.glossary import groups as glossary_groups
from playbook.core.page import PageContext
from playbook.printables.printing import footer_context, home_pages, page_url, relative
from playbook.core.render import render


class Macros:
    """Bound to one mkdocs-macros env; `NAMES` are what `define_env` registers."""

    NAMES = ("module_intro", "module_summary", "area_modules",
             "framework", "checklist", "sheet", "script", "roleplay", "quiz", "exercise", "glossary",
             "booklet", "booklet_index", "calculator", "worked_example", "workbook", "smart_checker",
             "decision_tree", "practice_cards", "progress", "course", "course_index", "composer", "talktrack",
             "talktrack_index", "path", "tag_index", "whats_new")

    def __init__(self, env, book):
        self.env, self.book = env, book
        self._printed = {}  # (kind, id, language, address) → HTML: see _printable

    @functools.cached_property
    def homes(self) -> dict:
        """(kind, id, language) → the page that renders the item; read once per language build."""
        return home_pages(self.env.conf["docs_dir"])

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
        minutes = safe_markdown.inline(self._ui(page, "minutes"))
        return "\n".join(f"- {safe_markdown.link(m.title[page.lang], page.link_to(m.page))} · {m.minutes} {minutes}"
                         for m in sorted(modules, key=lambda m: m.page))

    # Data blocks, by id.
    def framework(self, item_id: str) -> str:
        page, item = self._item("framework", item_id)
        return self._render("framework.html", page, framework=item)

    def checklist(self, item_id: str) -> str:
        return self._printable("checklist", item_id)

    def sheet(self, item_id: str) -> str:
        return self._printable("sheet", item_id)

    def script(self, item_id: str) -> str:
        page, item = self._item("script", item_id)
        return self._render("script.html", page, script=item)

    def roleplay(self, item_id: str) -> str:
        page, item = self._item("roleplay", item_id)
        self.env.page.meta["calculators"] = True  # the observer rubric's scripts (overrides/main.html)
        return self._render("roleplay.html", page, card=item)

    # Talk tracks (playbook/talktracks/talktracks.py): one on its module's page, and the index of all of them.
    def talktrack(self, item_id: str) -> str:
        return talktracks.talktrack(self, item_id)

    def talktrack_index(self) -> str:
        return talktracks.talktrack_index(self)

    def quiz(self, item_id: str) -> str:
        page, item = self._item("quiz", item_id)
        return self._render("quiz.html", page, quiz=item)

    def exercise(self, item_id: str) -> str:
        page, item = self._item("exercise", item_id)
        return self._render("exercise.html", page, exercise=item)

    def glossary(self) -> str:
        page = PageContext.of(self.env)
        terms = self.book.of_kind("term")
        for term in terms:
            self._cited().append(term)
        return self._render("glossary.html", page, groups=glossary_groups(terms, page.lang))

    # Booklets by role (playbook/booklets/booklets.py): docs/booklets/<role>.md and its index.
    def booklet(self, role_id: str) -> str:
        return booklets.booklet(self, role_id)

    def booklet_index(self) -> str:
        return booklets.booklet_index(self)

    # Calculators in the browser (playbook/calculators/widgets.py): a widget by id, or the file scoring tool.
    def calculator(self, widget_id: str) -> str:
        return calculator_widgets.calculator(self, widget_id)

    # A worked example computed by calculators/ at build time (playbook/calculators/examples.py).
    def worked_example(self, file: str, example_id: str) -> str:
        return calculator_examples.worked_example(self, file, example_id)

    # A calculator's Excel workbook (calculators/workbooks/, written into the site by playbook/calculators/events.py).
    def workbook(self, name: str) -> str:
        page = PageContext.of(self.env)
        if name not in workbooks.names():
            raise page.error(f"unknown workbook '{name}'; expected one of: {', '.join(workbooks.names())}")
        href = relative(self.env.page.url, f"{workbooks.FOLDER}/{workbooks.file_name(name, page.lang)}")
        return self._render("workbook.html", page, href=href)

    # The live SMART goal checker (calculators/smart_goal.py; docs/assets/javascripts/smart-goal.js).
    def smart_checker(self, item_id: str) -> str:
        page, checker = self._item("checker", item_id)
        rules = [{"key": c.key, "patterns": list(c.patterns)} for c in checker.criteria]
        return self._render("smart_checker.html", page, checker=checker, rules=rules)

    # "What do I do now?": a decision tree, clickable on screen and a one-page flowchart in print.
    def decision_tree(self, item_id: str) -> str:
        page, tree = self._item("decision", item_id)
        links = {n.id: relative(self.env.page.url, page_url(n.page if page.lang == "zh" else
                                                              n.page[:-3] + f".{page.lang}.md"))
                 for n in tree.nodes if n.page}
        return self._render("decision_tree.html", page, tree=tree, links=links)

    # Practice cards with spaced repetition (playbook/practice/cards.py; assets/javascripts/practice.js).
    def practice_cards(self) -> str:
        page = PageContext.of(self.env)
        deck = practice.cards(self.book, page.lang)
        counts = {name: sum(1 for c in deck if c["deck"] == name) for name in practice.DECKS}
        scripts = relative(self.env.page.url, "assets/javascripts")
        return self._render("practice_cards.html", page, cards=deck, counts=counts, scripts=scripts)

    # "My progress": what this browser recorded, and the completion slip (playbook/progress/progress.py).
    def progress(self) -> str:
        page = PageContext.of(self.env)
        scripts = relative(self.env.page.url, "assets/javascripts")
        return self._render("progress.html", page, outline=progress.outline(self.book, page.lang), scripts=scripts,
                            root=relative(self.env.page.url, ("" if page.lang == "zh" else f"{page.lang}/")
                                          + "index.html")[: -len("index.html")] or "./")

    # Courses (playbook/courses/macros.py): pages generated by playbook/courses/events.py, and docs/courses/index.md.
    def course(self, course_id: str, view: str = "learner") -> str:
        return courses.course(self, course_id, view)

    def course_index(self) -> str:
        return courses.course_index(self)

    # The course composer (playbook/composer/composer.py; assets/javascripts/composer.js): docs/courses/composer.md.
    def composer(self) -> str:
        return composer.composer(self)

    # Reading paths (playbook/paths/paths.py): a new salesperson's first week, ticked day by day.
    def path(self, path_id: str) -> str:
        return paths.path(self, path_id)

    # The tags page (playbook/tags/tags.py): material's listings by role, by sales stage and by area.
    def tag_index(self) -> str:
        return tags.tag_index(self.book, PageContext.of(self.env).lang)

    # What changed in the last 90 days, from the history of the data (playbook/upkeep/recent.py).
    def whats_new(self) -> str:
        page = PageContext.of(self.env)
        day, rows = upkeep.recent(self.book, page.lang, self.homes)
        rows = [(date, kind, item, relative(self.env.page.url, url) if url else None) for date, kind, item, url in rows]
        return self._render("whats_new.html", page, day=day.isoformat(), rows=rows, window=upkeep.WINDOW)

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

    def _printable(self, kind: str, item_id: str) -> str:
        # A checklist or sheet recurs in booklets and course handouts with its home page's address in the
        # footer: the same HTML, so it is rendered once per language build.
        page, item = self._item(kind, item_id)
        footer = footer_context(self.env, self.homes, kind, item_id)
        key = (kind, item_id, page.lang, footer["address"])
        if key not in self._printed:
            self._printed[key] = self._render(f"{kind}.html", page, **{kind: item}, **footer)
        return self._printed[key]

    def _render(self, template: str, page: PageContext, **context) -> str:
        return render(template, book=self.book, lang=page.lang, **context)
