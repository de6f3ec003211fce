"""What a course file must agree with elsewhere: roles, topics, cards, handouts, questions, its timings.

The checks are a table of named rules (RULES): each takes the playbook, the course and its file's path and
yields (path in the file, message) for every problem it finds. A new check is one function and one line."""

from pathlib import PurePosixPath

from playbook.core.problems import Problem
from playbook.core.schema import kind_of
from playbook.courses.plan import clock, to_minutes
from playbook.courses.schema import Course

DAY = 24 * 60


def course_problems(book, source, model) -> list[Problem]:
    """Every problem of one course file that only the rest of the data can reveal (none for other files)."""
    if not isinstance(model, Course):
        return []
    return [Problem(source.path, source.line_of(path), message)
            for _, rule in RULES for path, message in rule(book, model, source.path)]


def id_is_the_file_name(book, course: Course, file: str):
    # The page addresses come from the file name (playbook/courses/events.py), so the id must match it
    stem = PurePosixPath(file).stem
    if course.id != stem:
        yield ("id",), f"id '{course.id}' differs from the file name '{stem}.yml'; expected id: {stem}"


def blocks_add_up_to_the_duration(book, course: Course, file: str):
    total = sum(block.minutes for _, block in course.located_blocks())
    if total != course.duration:
        yield ("duration",), (f"the blocks add up to {total} minutes but duration is {course.duration}; "
                              "expected the blocks to add up to the declared duration")


def sessions_end_in_time(book, course: Course, file: str):
    # A session may say when it must be over (`end`); none runs past midnight, where the clock starts again
    for s, session in enumerate(course.sessions):
        start = to_minutes(session.start or course.start)
        end = to_minutes(session.end) if session.end else DAY
        if end <= start:
            yield ("sessions", s, "end"), (f"the session ends at {session.end}, before it starts at {clock(start)}; "
                                           "expected an end after the start")
            continue
        for b, block in enumerate(session.blocks):
            start += block.minutes
            if start > end:
                limit = session.end or "24:00, past midnight"
                yield (("sessions", s, "blocks", b, "minutes"),
                       f"the block ends at {_hours(start)}, after the session's end {limit}; "
                       f"expected the session's blocks to end by {session.end or '24:00'}")


def _hours(minutes: int) -> str:
    # 25:30 for a time past midnight: the clock of course_plan would wrap it to 01:30
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def audience_roles_exist(book, course: Course, file: str):
    if "roles.yml" not in book.files:  # a broken roles.yml is reported once
        return
    for index, role in enumerate(course.audience):
        if role not in book.roles:
            yield ("audience", index), f"unknown role '{role}'; expected one of: {', '.join(book.roles)}"


def block_topics_exist(book, course: Course, file: str):
    if "topics.yml" not in book.files:
        return
    for path, block in course.located_blocks():
        for index, topic in enumerate(block.topics):
            if topic not in book.topics:
                yield (path + ("topics", index),
                       f"unknown topic id '{topic}'; expected a topic id from playbook_data/topics.yml")


def handouts_exist(book, course: Course, file: str):
    for path, block in course.located_blocks():
        for index, handout in enumerate(block.handouts):
            if _kind(book, handout) not in ("checklist", "sheet") and handout not in book.invalid_ids:
                yield (path + ("handouts", index),
                       f"unknown handout '{handout}'; expected a checklist id from playbook_data/checklists/ "
                       "or a sheet id from playbook_data/sheets/")


def questions_exist(book, course: Course, file: str):
    for path, block in course.located_blocks():
        for index, ref in enumerate(block.questions):
            message = _question_problem(book, ref)
            if message:
                yield path + ("questions", index), message


def role_play_cards_exist_and_fit(book, course: Course, file: str):
    for path, block in course.located_blocks():
        message = _card_problem(book, block) if block.roleplay else None
        if message:
            yield path + ("roleplay",), message


def _card_problem(book, block) -> str | None:
    card_id = block.roleplay
    if _kind(book, card_id) != "roleplay":
        if card_id in book.invalid_ids:
            return None
        known = sorted(book.ids("roleplay"))
        folders = "the id of a card in playbook_data/scripts/ or playbook_data/talktracks/"
        expected = f"one of: {', '.join(known)}" if 0 < len(known) <= 12 else folders
        return f"unknown role-play card '{card_id}'; expected {expected}"
    card = book.items[card_id].item
    if card.minutes > block.minutes:
        return (f"role-play card '{card_id}' takes {card.minutes} minutes but the block has {block.minutes}; "
                f"expected a block of at least {card.minutes} minutes")
    return None


def _question_problem(book, ref: str) -> str | None:
    quiz_id, _, number = ref.partition("/")
    if _kind(book, quiz_id) != "quiz":
        if quiz_id in book.invalid_ids:
            return None
        return f"unknown quiz id '{quiz_id}' in '{ref}'; expected a quiz id from playbook_data/quizzes/"
    count = len(book.items[quiz_id].item.questions)
    if number and int(number) > count:
        return f"quiz '{quiz_id}' has no question {number}; expected a number from 1 to {count}"
    return None


def _kind(book, item_id: str) -> str | None:
    located = book.items.get(item_id)
    return kind_of().get(type(located.item)) if located else None


RULES = (
    ("id-is-the-file-name", id_is_the_file_name),
    ("blocks-add-up-to-the-duration", blocks_add_up_to_the_duration),
    ("sessions-end-in-time", sessions_end_in_time),
    ("audience-roles-exist", audience_roles_exist),
    ("block-topics-exist", block_topics_exist),
    ("handouts-exist", handouts_exist),
    ("questions-exist", questions_exist),
    ("role-play-cards-exist-and-fit", role_play_cards_exist_and_fit),
)


CHECKS = (course_problems,)
