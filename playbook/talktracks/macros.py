"""The talk tracks' macros: one track on its module's page, and the index of all of them by sales stage."""

from playbook.core.addresses import relative
from playbook.core.page import PageContext


def talktrack(macros, track_id: str) -> str:
    """The whole track with its role-play card; only on the page of the module it names."""
    page, track = macros.item("talktrack", track_id)
    module = macros.book.get("module", track.module)
    if page.meta.get("module") != track.module:
        raise page.error(f"talk track '{track_id}' belongs to module '{track.module}'; expected it on "
                          f"that module's page, docs/{module.page}")
    macros.cited().append(track.roleplay)
    macros.env.page.meta["calculators"] = True  # the rubric's scripts (overrides/main.html)
    uses = [_link(macros, page, kind, item_id) for kind in ("framework", "sheet")
            for item_id in getattr(track, kind + "s")]
    return macros.render("talktrack.html", page, track=track, uses=uses)


def talktrack_index(macros) -> str:
    """Every talk track by the stage of the sale, each linked to its place on its module's page."""
    page = PageContext.of(macros.env)
    tracks = macros.book.of_kind("talktrack")
    groups = []
    for stage_id, stage in macros.book.stages.items():
        rows = [(t, macros.book.get("module", t.module), _href(macros, page, "talktrack", t.id))
                for t in tracks if t.tags.stage == stage_id]
        if rows:
            groups.append((stage, rows))
    return macros.render("talktrack_index.html", page, groups=groups)


def _link(macros, page, kind: str, item_id: str) -> tuple:
    item = macros.book.get(kind, item_id)
    return item.title[page.lang], _href(macros, page, kind, item_id)


def _href(macros, page, kind: str, item_id: str) -> str:
    """The link from this page to the item on its home page; the build fails when no page renders it."""
    home = macros.homes.get((kind, item_id, page.lang))
    if home is None:
        raise page.error(f"no page renders {kind} '{item_id}' in this language; expected a page calling "
                         f"{{{{ {kind}(\"{item_id}\") }}}}")
    here = macros.env.page.url
    return (relative(here, home) if home != here else "") + "#" + item_id


MACROS = {"talktrack": talktrack, "talktrack_index": talktrack_index}
