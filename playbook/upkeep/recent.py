"""What readers see of the upkeep: an item's owner, review date and badges; a page's last change; what's new."""

import datetime

from markupsafe import Markup, escape

from playbook.core.addresses import LANGUAGES, page_url, source
from playbook.courses.plan import view_src
from playbook.core.reads import volatile
from playbook.upkeep.freshness import kept, zh_hash
from playbook.upkeep.history import changed, last_changed
from playbook.upkeep.review import is_due, owner_name, today

WINDOW = 90  # days the "what's new" page looks back


def status(book, item, lang: str) -> dict:
    """`upkeep(item)` in a template: owner, review date, whether it is due and whether its English may lag."""
    return {"owner": owner_name(item, lang, book.roles), "review_by": item.review_by.isoformat(),
            "due": is_due(item, today()), "stale": lang != "zh" and zh_hash(item, book.root) != item.en_from}


def item_files(book, item) -> list[str]:
    """The files an item's content comes from: its data file, and a module's pages."""
    files = [book.items[item.id].source.path]
    if hasattr(item, "page"):
        files += [f"docs/{source(item.page, lang)}" for lang in LANGUAGES]
    return files


def read_history(book):
    """Once per build (`define_env`): the dates of the files at the current commit, which pages look up."""
    book.__dict__["dates"] = changed(book.root)


def set_page_date(env, book):
    """After a page's macros ran: material's `revision_date` from its Markdown and the data it rendered."""
    page = env.page
    files = [f"docs/{page.file.src_uri}"]
    cited = page.__dict__.get("playbook_cited", [])
    module = (page.meta or {}).get("module")
    for item in [*cited, *([book.items[module].item] if module in book.items else [])]:
        if item.id in book.items:
            files.append(book.items[item.id].source.path)
    day = last_changed(book.dates, files)
    if day:
        label = book.strings["last-updated"][getattr(page.file, "locale", None) or "zh"]
        page.meta["revision_date"] = Markup(f"{escape(label)} {day.isoformat()}")


def recent(book, lang: str, homes: dict) -> tuple[datetime.date, list]:
    """(the day, [(date, kind, item, page URL)]) of the items changed in the WINDOW days up to the day."""
    volatile()  # the dates come from git, which the page's reads do not cover
    day, found = today(), []
    for located in kept(book):
        item = located.item
        changed = last_changed(book.dates, item_files(book, item))
        if changed and day - datetime.timedelta(days=WINDOW) < changed <= day:
            kind = book.kind_of(item.id)
            found.append((changed, kind, item, _home(item, kind, lang, homes)))
    found.sort(key=lambda row: (-row[0].toordinal(), row[1], row[2].title[lang]))
    return day, found


def _home(item, kind: str, lang: str, homes: dict) -> str | None:
    if kind == "module":
        return page_url(source(item.page, lang))
    if kind == "course":
        return page_url(view_src(item.id, "learner", lang))
    return homes.get((kind, item.id, lang))
