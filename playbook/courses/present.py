"""The slides of a course's present mode: one per block, in agenda order, each knowing what comes next.

Pure data work on a worked-out plan (playbook/courses/plan.py); playbook/courses/templates/course_present.html shows them
with reveal.js and docs/assets/javascripts/present.js runs the countdown and the clock.
"""

from dataclasses import dataclass

# A slide's type is set smaller when its text would not fit at full size (courses.css sets the sizes): each
# size with the lines of text a slide holds at it and the Latin letters that fill a line (a Chinese
# character takes two). tests/courses/test_course_room.py checks every slide in the browser.
SIZES = (("", 10, 66), ("dense", 13, 82), ("very-dense", 17, 103), ("tiny", 22, 130))


@dataclass
class Slide:
    row: object  # the Row of the block
    day: int
    session: object
    points: list  # key points of the modules taught (talks only)
    handouts: list  # titles (Text) of what to hand out: checklists, sheets, the role-play card
    next: object  # the next Slide's row, or None at the end
    next_day: int | None  # the day of the next block when it is on another day
    density: str  # a size of SIZES: "" (full), "dense", "very-dense" or "tiny"


def slides(plan, lang: str, strings: dict) -> list[Slide]:
    """Every block of the course as a slide; `strings` are the UI strings, whose length counts too."""
    found = []
    for day in plan.days:
        for session, rows in day.sessions:
            for row in rows:
                found.append(Slide(row, day.number, session, _points(row), _handouts(row), None, None, ""))
    for slide, following in zip(found, found[1:]):
        slide.next = following.row
        slide.next_day = following.day if following.day != slide.day else None
    for slide in found:
        slide.density = _density(slide, lang, strings)
    return found


def _points(row) -> list:
    if row.block.kind != "talk":
        return []
    unique = {(point.zh, point.en): point for module, _ in row.modules for point in module.key_points}
    return list(unique.values())


def _handouts(row) -> list:
    return [item.title for _, item, _ in row.handouts] + ([row.card.title] if row.card else [])


def _density(slide, lang: str, strings: dict) -> str:
    block, card = slide.row.block, slide.row.card
    texts = slide.points + slide.handouts + ([block.task] if block.task else [])
    labels = bool(slide.points) + bool(block.task) + bool(slide.handouts)
    if card:
        texts += [strings["present-roles"], *card.observer_checklist]
        labels += 2
    lengths = [len(text[lang]) * (2 if lang == "zh" else 1) for text in texts]
    for name, lines, letters in SIZES:
        if labels + sum(-(-length // letters) for length in lengths) <= lines:
            return name
    return SIZES[-1][0]
