"""Material's tags: a module page's tags from its data, and the tags page's listings by role, stage and area.

Material writes tag names into the page, the tags page's listings and search results as HTML, unescaped (its
templates do not autoescape), so each name is escaped here, where data text becomes a tag.
"""

import html
import json
import re
from pathlib import Path

from playbook.core import safe_markdown
from playbook.core.loading import loaded
from playbook.core.page import PageContext

# The tags page's listings, in order: the UI string of the heading, and the labels of the facet
FACETS = (("tags-by-role", "roles"), ("tags-by-stage", "stages"), ("tags-by-area", "areas"))


def plain(label: str) -> str:
    """A tag or heading from data without the characters of markup: material's table of contents writes
    headings (and so tag listings) back unescaped, so escaping alone would not hold there."""
    return re.sub(r"[<>&\"'`]", "", label)


def tag_name(label: str) -> str:
    return html.escape(plain(label), quote=True)


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
    env.page.meta["tags"] = [tag_name(label[page.lang]) for label in labels]


def tag_index(book, lang: str) -> str:
    """Markdown for the tags page: a heading per facet and material's listing of that facet's tags."""
    parts = []
    for heading, facet in FACETS:
        names = [tag_name(label.title[lang]) for label in getattr(book, facet).values()]
        parts.append(f"## {safe_markdown.text(plain(book.strings[heading][lang]))}\n\n"
                     f"<!-- material/tags {{ include: {json.dumps(names, ensure_ascii=False)} }} -->\n")
    return "\n".join(parts)
