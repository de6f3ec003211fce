"""Booklets by role: a cover, a table of contents, then every checklist and sheet of the role on a page of
its own. Pages call `{{ booklet("trainer") }}` (docs/booklets/<role>.md) and `{{ booklet_index() }}`."""

from markupsafe import Markup

from playbook.core import addresses
from playbook.core.addresses import relative
from playbook.core.page import PageContext
from playbook.core.render import render
from playbook.core.safe_markdown import filled, inline, link
from playbook.printables.pdf import pdf_path
from playbook.printables.printing import online

KINDS = ("checklist", "sheet")
BOOKLET_DIR = "booklets"


def entries(book, role_id: str, homes: dict, lang: str) -> list[tuple[str, object]]:
    """(kind, item) of every checklist and sheet naming `role_id`, in the order of the site's areas."""
    areas = list(book.areas)

    def order(entry):
        # Area of the page that renders the item first, then that page, then the id
        kind, item = entry
        home = homes.get((kind, item.id, lang), "")
        folder = home.removeprefix(addresses.folder(lang)).split("/")[0]
        return (areas.index(folder) if folder in areas else len(areas), home, item.id)

    found = [(kind, item) for kind in KINDS for item in book.of_kind(kind) if role_id in item.roles]
    return sorted(found, key=order)


def booklet(macros, role_id: str) -> str:
    """The booklet page of one role: a Markdown title, then the cover, contents and items as HTML."""
    env, book = macros.env, macros.book
    page = PageContext.of(env)
    if role_id not in book.roles:
        raise page.error(f"unknown role '{role_id}'; expected one of: {', '.join(book.roles)}")
    items = entries(book, role_id, macros.homes, page.lang)
    # Each item rendered by its own macro, so it prints and keeps state exactly as on its home page
    blocks = [(kind, item, Markup(macros.call(kind, item.id))) for kind, item in items]
    title = filled(_ui(book, "booklet-title", page.lang), role=book.roles[role_id].title[page.lang])
    body = render("booklet.html", book=book, lang=page.lang, role_id=role_id, blocks=blocks,
                  site_name=env.conf["site_name"], **online(env.conf.get("site_url") or "", env.page.url),
                  pdf=relative(env.page.url, pdf_path(role_id, page.lang)))
    return f"# {title}\n\n{body}"


def booklet_index(macros) -> str:
    """A Markdown list linking every role's booklet page, with what it holds (links checked by mkdocs)."""
    env, book = macros.env, macros.book
    page = PageContext.of(env)
    homes = macros.homes
    lines = []
    for role_id, role in book.roles.items():
        title = _ui(book, "booklet-title", page.lang).replace("{role}", role.title[page.lang])
        kinds = [kind for kind, _ in entries(book, role_id, homes, page.lang)]
        counts = ", ".join(f"{inline(_ui(book, f'booklet-kind-{kind}', page.lang))} {kinds.count(kind)}"
                           for kind in KINDS)
        lines.append(f"- {link(title, page.link_to(f'{BOOKLET_DIR}/{role_id}.md'))} · {counts}")
    return "\n".join(lines)


def _ui(book, key: str, lang: str) -> str:
    return book.strings[key][lang]
