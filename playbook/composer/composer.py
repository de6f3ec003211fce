"""The course composer (docs/courses/composer.md): `{{ composer() }}` embeds, as JSON data, what a trainer may
pick (modules, talk tracks, complaint scripts' cards, checklists, sheets, self-check quizzes) and what the
browser's course check (docs/assets/javascripts/composer-check.js) needs to agree with playbook/courses/checks.py."""

from playbook.core.addresses import relative
from playbook.core.homes import home_pages
from playbook.core.page import PageContext
from playbook.core.render import render
from playbook.courses.schema import KINDS as BLOCK_KINDS

# The page's words, playbook_data/strings.yml keys without their 'composer-' prefix (playbook/core/ui_strings.py)
WORDS = ("all", "minutes", "add", "added", "shown", "day", "start", "end", "no-blocks", "add-break", "kind", "up",
         "down", "remove", "problems", "ok", "untitled", "time", "block-title", "total", "course-total", "handouts",
         "none", "card", "yaml-comment", "saved")
ERRORS = ("field-id", "field-owner", "field-review-by", "field-title", "field-summary", "field-kind", "field-zh",
          "field-en", "field-audience", "field-start", "field-end", "field-minutes", "field-duration", "field-sessions",
          "field-blocks", "field-sources", "field-covers", "break-uses", "no-title", "roleplay-card", "quiz-questions",
          "unknown-module", "unknown-card", "unknown-handout", "unknown-quiz", "no-question", "card-longer",
          "duration-sum", "day-end", "end-before-start", "unknown-owner", "unknown-role", "unknown-topic", "id-used")
KEYS = WORDS + tuple(f"err-{key}" for key in ERRORS)
# Keys the template names by parts, ui('composer-title-' ~ language): checked with the others
FORM_KEYS = ("quiz-title", "title-zh", "title-en", "summary-zh", "summary-en", "filter-role", "filter-stage",
             "filter-tag")
PICKABLE = ("module", "talktrack", "script", "checklist", "sheet", "quiz")


def composer(macros) -> str:
    page = PageContext.of(macros.env)
    book = macros.book
    words = {key: book.strings[f"composer-{key}"][page.lang] for key in KEYS}
    kinds = {key: book.strings[f"composer-pick-{key}"][page.lang] for key in PICKABLE}
    scripts = relative(macros.env.page.url, "assets/javascripts")
    return render("composer.html", book=book, lang=page.lang, scripts=scripts,
                  data={"catalogue": catalogue(book, macros.env.conf["docs_dir"]), "check": check_data(book),
                        "words": words, "pickKinds": kinds, "dayTitle": _both(book.strings["composer-day"]),
                        "filters": filters(book, page.lang),
                        "blockKinds": {k: book.strings[f"course-kind-{k}"][page.lang] for k in BLOCK_KINDS}})


def _both(text) -> dict:
    return {"zh": text.zh, "en": text.en}


def check_data(book) -> dict:
    """What the browser's check knows of the rest of the playbook: ids with where they are, cards' minutes,
    how many questions each quiz has, the roles and topics."""
    ids = book.ids
    return {"where": {item_id: located.where for item_id, located in book.items.items()},
            "modules": sorted(ids("module")),
            "cards": {card: book.get("roleplay", card).minutes for card in sorted(ids("roleplay"))},
            "printables": sorted(ids("checklist") + ids("sheet")),
            "quizzes": {q: len(book.get("quiz", q).questions) for q in sorted(ids("quiz"))},
            "roles": list(book.roles), "topics": sorted(book.topics)}


def filters(book, lang: str) -> dict:
    """The choices of the three filters: role, sales stage and area (the tags of the tags page)."""
    def named(table):
        return [[key, value.title[lang]] for key, value in table.items()]
    return {"role": named(book.roles), "stage": named(book.stages), "tag": named(book.areas)}


def catalogue(book, docs_dir: str) -> list[dict]:
    """Every item a trainer may pick, with the block it becomes and the role, stage and area it is tagged with
    (its own tags, else those of the module whose page shows it)."""
    by_page = {m.page[: -len(".md")] + ".html": m for m in book.of_kind("module")}
    homes = home_pages(docs_dir)

    def home_module(kind, item_id):
        return by_page.get(homes.get((kind, item_id, "zh")))

    entries = []
    for module in book.of_kind("module"):
        entries.append(_entry("module", module, module, module.minutes, {"kind": "talk", "modules": [module.id]}))
    for track in book.of_kind("talktrack"):
        block = {"kind": "role-play", "modules": [track.module], "roleplay": track.roleplay.id}
        entries.append(_entry("talktrack", track, track, track.roleplay.minutes, block))
    for script in book.of_kind("script"):
        module = home_module("script", script.id)
        block = {"kind": "role-play", "modules": [module.id] if module else [], "roleplay": script.roleplay.id}
        entries.append(_entry("script", script, module, script.roleplay.minutes, block))
    for kind in ("checklist", "sheet"):
        for item in book.of_kind(kind):
            module = home_module(kind, item.id)
            entries.append(_entry(kind, item, module, 15, {"kind": "exercise", "handouts": [item.id]},
                                  roles=item.roles))
    named = book.strings["composer-quiz-title"]
    for quiz in book.of_kind("quiz"):
        module = book.items[quiz.module].item
        title = {lang: named[lang].replace("{title}", module.title[lang]) for lang in ("zh", "en")}
        entries.append(_entry("quiz", quiz, module, 10, {"kind": "quiz", "questions": [quiz.id]}, title=title))
    return entries


def _entry(pick: str, item, tagged, minutes: int, block: dict, roles=None, title=None) -> dict:
    tags = getattr(tagged, "tags", None)
    return {"pick": pick, "id": item.id, "title": title or _both(item.title), "minutes": minutes,
            "roles": list(roles or (tags.roles if tags else [])), "stage": tags.stage if tags else None,
            "tag": tags.area if tags else None, "sources": list(item.sources), "covers": list(item.covers),
            "block": block}
