"""Material's tags for a module page, in the page's language, from the module's data."""

from html import escape
from pathlib import Path

from .loading import loaded
from .page import PageContext


def set_tags(env):
    """Runs before the tags plugin reads page.meta (macros renders before it)."""
    page = PageContext.of(env)
    module_id = page.meta.get("module")
    book = loaded(Path(env.project_dir))
    if not module_id or module_id not in book.items:
        return
    tags = book.items[module_id].item.tags
    labels = [book.areas[tags.area].title, *(book.roles[r].title for r in tags.roles),
              book.stages[tags.stage].title]
    # Material writes tags into the page, the tags index and search results as HTML, unescaped
    env.page.meta["tags"] = [escape(label[page.lang]) for label in labels]
