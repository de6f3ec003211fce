"""A course worked out for its pages: clock times, the modules, handouts, cards and questions each block uses.

Pure data work, no MkDocs: `plan(book, course, link, homes, lang)` where `link(url)` turns a site-relative URL
into a link from the page being built, and `homes` tells which page renders each checklist and sheet.
"""

from dataclasses import dataclass, field

from playbook.core.addresses import DEFAULT_LANGUAGE, at_item, page_url, source

VIEWS = ("learner", "instructor", "handouts", "quiz", "present", "signin")
COURSE_DIR = "courses"


def view_src(course_id: str, view: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The docs-relative source path of a course view: courses/<id>.md, courses/<id>-quiz.en.md, …"""
    suffix = "" if view == "learner" else f"-{view}"
    return source(f"{COURSE_DIR}/{course_id}{suffix}.md", lang)


def clock(minutes: int) -> str:
    """09:30 for 570 minutes after midnight; past midnight the clock starts again."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def to_minutes(time: str) -> int:
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)


@dataclass
class Row:
    """One block of the agenda with its clock times and what it uses, resolved."""

    block: object
    start: str
    end: str
    modules: list = field(default_factory=list)  # (module, link)
    handouts: list = field(default_factory=list)  # (kind, item, link)
    card: object = None
    questions: list = field(default_factory=list)  # (key, question)


@dataclass
class Day:
    """The sessions held on one day, with the clock times the day starts and ends."""

    number: int
    sessions: list  # (session, [Row])
    start: str
    end: str


@dataclass
class Plan:
    course: object
    sessions: list  # (session, [Row])
    days: list  # [Day]
    modules: list  # (module, link), in order of first use
    prerequisites: list  # (module, link)
    handouts: list  # (kind, item): checklists and sheets, then role-play cards, each once
    quiz: list  # (key, quiz, question): the course quiz


def plan(book, course, link, homes: dict, lang: str) -> Plan:
    """Everything the course pages show, worked out once."""
    sessions, spans = [], []
    for session in course.sessions:
        now, rows = to_minutes(session.start or course.start), []
        spans.append([now])
        for block in session.blocks:
            rows.append(_row(book, block, now, link, homes, lang))
            now += block.minutes
        spans[-1].append(now)
        sessions.append((session, rows))
    modules = [_module(book, m, link, lang) for m in course.module_ids()]
    prerequisites = [_module(book, m, link, lang) for m in course.prerequisites]
    return Plan(course, sessions, days(sessions, spans), modules, prerequisites, _handouts(sessions),
                course_quiz(book, course))


def days(sessions: list, spans: list) -> list[Day]:
    """The sessions grouped by day: a session starting no later than the one before it ended (a clock that
    goes back, as when every day starts at the course's start time) opens a new day."""
    found = []
    for index, ((session, rows), (start, end)) in enumerate(zip(sessions, spans)):
        if index == 0 or start <= spans[index - 1][1]:
            found.append(Day(len(found) + 1, [], clock(start), clock(end)))
        found[-1].sessions.append((session, rows))
        found[-1].end = clock(end)
    return found


def _row(book, block, start: int, link, homes: dict, lang: str) -> Row:
    row = Row(block, clock(start), clock(start + block.minutes))
    row.modules = [_module(book, m, link, lang) for m in block.modules]
    for handout in block.handouts:
        kind = "checklist" if book.kind_of(handout) == "checklist" else "sheet"
        home = homes.get((kind, handout, lang))
        row.handouts.append((kind, book.get(kind, handout), link(at_item(home, kind, handout)) if home else None))
    row.card = book.get("roleplay", block.roleplay) if block.roleplay else None
    row.questions = [q for ref in block.questions for q in questions_of(book, ref)]
    return row


def _module(book, module_id: str, link, lang: str) -> tuple:
    module = book.get("module", module_id)
    page = source(module.page, lang)
    return module, link(page_url(page))


def _handouts(sessions: list) -> list:
    found = {}
    for _, rows in sessions:
        for row in rows:
            found.update(((kind, item.id), (kind, item)) for kind, item, _ in row.handouts)
    cards = {("roleplay", r.card.id): ("roleplay", r.card) for _, rows in sessions for r in rows if r.card}
    return list(found.values()) + list(cards.values())


def questions_of(book, ref: str) -> list:
    """(key, question) for 'quiz-id' (all its questions) or 'quiz-id/2' (the second)."""
    quiz_id, _, number = ref.partition("/")
    quiz = book.get("quiz", quiz_id)
    numbers = [int(number)] if number else range(1, len(quiz.questions) + 1)
    return [(f"{quiz_id}/{n}", quiz.questions[n - 1]) for n in numbers]


def course_quiz(book, course) -> list:
    """(key, quiz, question): every self-check question of the modules used, then those the blocks add."""
    by_module = {}
    for quiz in book.of_kind("quiz"):
        by_module.setdefault(quiz.module, []).append(quiz)
    refs = [quiz.id for m in course.module_ids() for quiz in by_module.get(m, [])]
    refs += [ref for _, block in course.located_blocks() for ref in block.questions]
    found = {}
    for ref in refs:
        for key, question in questions_of(book, ref):
            found.setdefault(key, (key, book.get("quiz", key.split("/")[0]), question))
    return list(found.values())


def duration_text(minutes: int, lang: str) -> str:
    """'4 小时 30 分钟' / '4 h 30 min'."""
    hours, rest = divmod(minutes, 60)
    units = ("小时", "分钟") if lang == "zh" else ("h", "min")
    parts = ([f"{hours} {units[0]}"] if hours else []) + ([f"{rest} {units[1]}"] if rest else [])
    return " ".join(parts)
