"""Which seed topic is covered where: `python -m playbook coverage`."""

from pathlib import Path

from playbook.core.addresses import LANGUAGES, source
from playbook.core.book import Playbook
from playbook.core.schema import kind_of
from playbook.core.schema.content import Module

# What gives a topic depth beyond the source's own lists: a worked example or exercise, a checklist or
# sheet to fill in, a script or talk track with its role-play, a role-play rubric, a decision tree, a
# scorecard, calculator or checker covering the topic.
DEPTH_KINDS = ("exercise", "checklist", "sheet", "script", "roleplay", "talktrack", "rubric", "decision",
               "scorecard", "calculator", "checker")


def coverage(book: Playbook) -> dict[str, list[str]]:
    """topic id → the places covering it (`module page` or `file:line` of an item)."""
    places = {topic: [] for topic in book.topics}
    for item_id, located in book.items.items():
        item = located.item
        where = f"docs/{item.page}" if isinstance(item, Module) else located.where
        for topic in item.covers:
            places[topic].append(where)
    return places


def depth(book: Playbook) -> dict[str, list[str]]:
    """topic id → the ids of its items of a DEPTH_KINDS kind (worked examples, exercises, sheets, tools)."""
    found = {topic: [] for topic in book.topics}
    for item_id, located in book.items.items():
        if kind_of()[type(located.item)] in DEPTH_KINDS:
            for topic in located.item.covers:
                found[topic].append(item_id)
    return found


def pages_in_both_languages(book: Playbook, root: Path) -> dict[str, bool]:
    """topic id → whether a module page covers it in Chinese and in English."""
    both = {topic: False for topic in book.topics}
    for module in book.of_kind("module"):
        docs = root / "docs"
        if all((docs / source(module.page, lang)).is_file() for lang in LANGUAGES):
            both.update((topic, True) for topic in module.covers)
    return both


def report(book: Playbook) -> str:
    places = coverage(book)
    lines = []
    for area in book.areas.values():
        lines.append(f"{area.id}  {area.title.zh} / {area.title.en}")
        for topic in area.topics:
            found = ", ".join(sorted(set(places[topic.id]))) or "-- not covered --"
            lines.append(f"  {topic.id:<24} {found}")
    deep = depth(book)
    thin = sorted(topic for topic, items in deep.items() if not items)
    lines.append(f"without an example, exercise, sheet or tool: {', '.join(thin) or '-- none --'}")
    lines.append(f"with an example, exercise, sheet or tool of its own: {len(places) - len(thin)}/{len(places)}")
    covered = sum(1 for p in places.values() if p)
    lines.append(f"covered {covered}/{len(places)}")
    return "\n".join(lines)
