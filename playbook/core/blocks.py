"""What a macro knows while a page is built: the mkdocs-macros env, the loaded playbook, where each item lives.

Each feature's `macros.py` holds its macros as functions of this context and the call's arguments
(`MACROS`); `playbook/macros.py` binds them to one context per language build and registers them."""

import functools

from playbook.core import reads
from playbook.core.homes import home_pages
from playbook.core.page import PageContext
from playbook.core.render import render


class Macros:
    """Bound to one mkdocs-macros env and the playbook it loaded; `registered` holds the bound macros."""

    def __init__(self, env, book):
        self.env, self.book = env, book
        self.registered = {}  # macro name → the macro bound to this context
        self._memo = {}  # key → (a block rendered for the rest of the language build, what it read)

    @functools.cached_property
    def homes(self) -> dict:
        """(kind, id, language) → the page that renders the item; read once per language build."""
        return home_pages(self.env.conf["docs_dir"])

    def call(self, name: str, *args) -> str:
        """Another macro, as a page would call it: a booklet or course shows the blocks of other features."""
        return self.registered[name](*args)

    def item(self, kind: str, item_id: str):
        """The page and the item of `kind` it names; an unknown id fails the page with the known ids."""
        page = PageContext.of(self.env)
        try:
            item = self.book.get(kind, item_id)
        except KeyError as error:
            raise page.error(error.args[0]) from None
        self.cited().append(item)
        return page, item

    def remember(self, key, make):
        """`make()`, rendered once per language build for `key`; a page reusing it reads what it read."""
        if key in self._memo:
            reads.replay(self._memo[key][1])
        else:
            with reads.recording() as read:
                value = make()
            self._memo[key] = (value, read)
        return self._memo[key][0]

    def cited(self) -> list:
        """Items rendered on the page being built; its summary lists their sources, its date follows them."""
        return self.env.page.__dict__.setdefault("playbook_cited", [])

    def ui(self, page: PageContext, key: str) -> str:
        return self.book.strings[key][page.lang]

    def render(self, template: str, page: PageContext, **context) -> str:
        return render(template, book=self.book, lang=page.lang, **context)
