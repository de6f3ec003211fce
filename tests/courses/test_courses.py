"""Courses: the schema, every validation message word for word, the clock times, the learner/instructor split,
and a fourth course added with one YAML file that builds into its pages."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from markupsafe import escape
from pydantic import ValidationError

from playbook.courses.plan import plan
from playbook.core.book import load
from playbook.core.problems import DataError
from playbook.courses.schema import Course

from tests.conftest import ROOT, file_ids, mkdocs_build

COURSES = file_ids("courses")
VIEWS = ("", "-instructor", "-handouts", "-quiz", "-present", "-signin")


def course_data(**changes) -> dict:
    """A small valid course as Python data, with `changes` applied."""
    data = {
        "id": "fourth-course", "title": {"zh": "第四门课", "en": "The fourth course"},
        "summary": {"zh": "用来测试。", "en": "For the tests."}, "audience": ["new-salesperson"],
        "prerequisites": ["smart-goals"], "start": "09:00", "duration": 90, "sources": ["practice"],
        "covers": ["plan.smart"],
        "sessions": [{"title": {"zh": "上午", "en": "Morning"}, "blocks": [
            {"minutes": 30, "kind": "exercise", "title": {"zh": "写目标", "en": "Write a goal"},
             "modules": ["smart-goals"], "handouts": ["smart-goal"],
             "task": {"zh": "把一个目标改写成 SMART 目标。", "en": "Rewrite one goal as a SMART goal."},
             "notes": {"zh": "讲师专用提示甲乙丙。", "en": "Trainer-only hint alpha beta."}},
            {"minutes": 15, "kind": "break"},
            {"minutes": 30, "kind": "role-play", "title": {"zh": "演练", "en": "Drill"},
             "roleplay": "roleplay.late-delivery"},
            {"minutes": 15, "kind": "quiz", "title": {"zh": "测验", "en": "Quiz"},
             "questions": ["smart-goals-quiz/2"]},
        ]}],
        "owner": "sales-supervisor", "review_by": "2027-06-30",  # last, so the line numbers above hold
    }
    data.update(changes)
    return data


def write_course(project: Path, name: str, data) -> Path:
    path = project / "playbook_data" / "courses" / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(project: Path, name: str) -> list[str]:
    """The problems reported for one course file (other files of a live copy may be mid-edit)."""
    with pytest.raises(DataError) as raised:
        load(project)
    return [str(p) for p in raised.value.problems if p.path == f"playbook_data/courses/{name}"]


# The schema
def test_a_small_course_is_valid_and_reads_an_unquoted_clock_time():
    course = Course.model_validate(course_data(start=13 * 60 + 30))  # YAML's reading of 13:30
    assert course.start == "13:30"
    assert course.module_ids() == ["smart-goals"]


@pytest.mark.parametrize("block, message", [
    ({"minutes": 10, "kind": "break", "modules": ["smart-goals"]},
     "a break uses modules; expected a break to use nothing"),
    ({"minutes": 10, "kind": "talk"}, "a talk block has no title; expected title: {zh: …, en: …}"),
    ({"minutes": 10, "kind": "role-play", "title": {"zh": "演", "en": "Play"}},
     "a role-play block names one card and no other block does; "
     "expected 'roleplay: <card id>' exactly on role-play blocks"),
    ({"minutes": 10, "kind": "talk", "title": {"zh": "讲", "en": "Talk"}, "questions": ["smart-goals-quiz"]},
     "a quiz block lists questions and no other block does; "
     "expected 'questions: [<quiz id>/<number>, …]' exactly on quiz blocks"),
])
def test_a_block_must_fit_its_kind(block, message):
    data = course_data(sessions=[{"title": {"zh": "上午", "en": "Morning"}, "blocks": [block]}])
    with pytest.raises(ValidationError) as raised:
        Course.model_validate(data)
    assert message in str(raised.value)


# Validation against the rest of the data, word for word
def test_every_cross_file_problem_is_reported_with_its_line(book, data_copy):
    data = data_copy / "playbook_data"
    cards = sorted(yaml.safe_load(p.read_text(encoding="utf-8"))["roleplay"]["id"]
                   for p in [*(data / "scripts").glob("*.yml"), *(data / "talktracks").glob("*.yml")])
    known = (f"one of: {', '.join(cards)}" if len(cards) <= 12
             else "the id of a card in playbook_data/scripts/ or playbook_data/talktracks/")
    bad = """id: wrong-name
title: {zh: 坏课程, en: Bad course}
summary: {zh: 测试。, en: A test.}
audience: [new-salesperson, juggler]
prerequisites: [no-such-module]
start: "09:00"
duration: 100
sources: [practice]
covers: [plan.smart]
sessions:
  - title: {zh: 上午, en: Morning}
    blocks:
      - minutes: 10
        kind: role-play
        title: {zh: 演练, en: Drill}
        roleplay: roleplay.late-delivery
      - minutes: 20
        kind: role-play
        title: {zh: 演练, en: Drill}
        roleplay: roleplay.nobody
      - minutes: 30
        kind: exercise
        title: {zh: 练习, en: Exercise}
        modules: [prospecting]
        topics: [no.topic]
        handouts: [no-sheet]
      - minutes: 15
        kind: quiz
        title: {zh: 测验, en: Quiz}
        questions: [smart-goals-quiz/9, nope-quiz/1]
owner: sales-supervisor
review_by: 2027-06-30
"""
    write_course(data_copy, "bad-course.yml", bad)
    where = "playbook_data/courses/bad-course.yml"
    assert problems_of(data_copy, "bad-course.yml") == [
        f"{where}:1: id 'wrong-name' differs from the file name 'bad-course.yml'; expected id: bad-course",
        f"{where}:4: unknown role 'juggler'; expected one of: {', '.join(book.roles)}",
        f"{where}:5: unknown module id 'no-such-module'; expected an id from playbook_data/modules/",
        f"{where}:7: the blocks add up to 75 minutes but duration is 100; "
        "expected the blocks to add up to the declared duration",
        f"{where}:16: role-play card 'roleplay.late-delivery' takes 15 minutes but the block has 10; "
        "expected a block of at least 15 minutes",
        f"{where}:20: unknown role-play card 'roleplay.nobody'; expected {known}",
        f"{where}:24: unknown module id 'prospecting'; expected an id from playbook_data/modules/",
        f"{where}:25: unknown topic id 'no.topic'; expected a topic id from playbook_data/topics.yml",
        f"{where}:26: unknown handout 'no-sheet'; expected a checklist id from playbook_data/checklists/ "
        "or a sheet id from playbook_data/sheets/",
        f"{where}:30: quiz 'smart-goals-quiz' has no question 9; expected a number from 1 to 3",
        f"{where}:30: unknown quiz id 'nope-quiz' in 'nope-quiz/1'; expected a quiz id from playbook_data/quizzes/",
    ]


def test_a_block_of_the_wrong_shape_is_reported_at_the_block(data_copy):
    data = course_data(id="shape")
    data["sessions"][0]["blocks"][1]["modules"] = ["smart-goals"]  # a break that uses a module
    write_course(data_copy, "shape.yml", data)
    assert problems_of(data_copy, "shape.yml") == [
        "playbook_data/courses/shape.yml:38: sessions[0].blocks[1]: a break uses modules; "
        "expected a break to use nothing"]


@pytest.mark.build
def test_the_build_names_a_missing_module(project_copy, tmp_path):
    data = course_data(id="missing")
    data["sessions"][0]["blocks"][0]["modules"] = ["prospecting"]
    write_course(project_copy, "missing.yml", data)
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert ("playbook_data/courses/missing.yml:29: unknown module id 'prospecting'; "
            "expected an id from playbook_data/modules/") in result.stderr


# Clock times
def test_clock_times_follow_the_start_of_each_session(book):
    data = course_data(duration=180)
    data["sessions"].append({"title": {"zh": "下午", "en": "Afternoon"}, "start": "13:45",
                             "blocks": [{"minutes": 90, "kind": "talk", "title": {"zh": "讲", "en": "Talk"}}]})
    worked = plan(book, Course.model_validate(data), lambda url: url, {}, "zh")
    times = [[(row.start, row.end) for row in rows] for _, rows in worked.sessions]
    assert times == [[("09:00", "09:30"), ("09:30", "09:45"), ("09:45", "10:15"), ("10:15", "10:30")],
                     [("13:45", "15:15")]]


@pytest.fixture
def course(book, course_id):
    return book.get("course", course_id)


@pytest.mark.parametrize("course_id", COURSES)
def test_the_agenda_of_each_real_course_adds_up(site, course):
    html = (site / "courses" / f"{course.id}.html").read_text(encoding="utf-8")
    times = re.findall(r'<td class="pb-agenda__time">(\d\d:\d\d)–(\d\d:\d\d)</td>', html)
    blocks = [b for s in course.sessions for b in s.blocks]
    assert len(times) == len(blocks)
    assert times[0][0] == (course.sessions[0].start or course.start)
    minutes = [(int(e[:2]) * 60 + int(e[3:])) - (int(s[:2]) * 60 + int(s[3:])) for s, e in times]
    assert minutes == [b.minutes for b in blocks]
    assert sum(minutes) == course.duration


# What learners see and what only the trainer sees
def trainer_only_texts(book, course, lang: str) -> list[str]:
    texts = []
    for session in course.sessions:
        for block in session.blocks:
            texts += [block.notes[lang]] if block.notes else []
            if block.roleplay:
                card = book.get("roleplay", block.roleplay)
                texts += [card.customer_brief[lang], card.salesperson_brief[lang]]
            for ref in block.questions:
                quiz_id, _, number = ref.partition("/")
                questions = book.get("quiz", quiz_id).questions
                texts += [q.answer[lang] for q in ([questions[int(number) - 1]] if number else questions)]
    return [str(escape(text)) for text in texts]


@pytest.mark.parametrize("course_id", COURSES)
def test_the_learner_view_has_no_trainer_text_and_the_instructor_view_has_it_all(book, site, course):
    for lang, folder in (("zh", site), ("en", site / "en")):
        learner = (folder / "courses" / f"{course.id}.html").read_text(encoding="utf-8")
        instructor = (folder / "courses" / f"{course.id}-instructor.html").read_text(encoding="utf-8")
        texts = trainer_only_texts(book, course, lang)
        assert texts and all(text in instructor for text in texts)
        assert not [text for text in texts if text in learner]
        assert book.strings["course-notes"][lang] not in learner


def test_the_three_courses_exist_with_their_shape(book):
    by_id = {c.id: c for c in book.of_kind("course")}
    assert len(by_id["new-salesperson-week"].sessions) == 5
    assert by_id["key-account-day"].duration >= 6 * 60
    workshop = by_id["complaint-workshop"]
    assert workshop.duration <= 4 * 60
    assert sum(1 for _, b in workshop.located_blocks() if b.kind == "role-play") >= 3


def test_the_guide_shows_the_real_workshop_file(site):
    html = (site / "courses" / "guide.html").read_text(encoding="utf-8")
    text = unescape(re.sub(r"<[^>]+>", "", html))  # the code block is highlighted token by token
    real = (ROOT / "playbook_data" / "courses" / "complaint-workshop.yml").read_text(encoding="utf-8")
    assert "duration: 240" in text and "roleplay.repeat-escalation" in text
    assert real.splitlines()[-1].strip() in text and "--8<--" not in text


# A fourth course: one YAML file, nothing else
@pytest.mark.build
def test_a_fourth_course_file_builds_into_its_pages(project_copy, tmp_path):
    write_course(project_copy, "fourth-course.yml", course_data())
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    for folder, title in ((site, "第四门课"), (site / "en", "The fourth course")):
        for view in VIEWS:
            assert title in (folder / "courses" / f"fourth-course{view}.html").read_text(encoding="utf-8")
    learner = (site / "courses" / "fourth-course.html").read_text(encoding="utf-8")
    assert "09:00–09:30" in learner and "09:45–10:15" in learner
    assert "讲师专用提示甲乙丙" not in learner
    assert "讲师专用提示甲乙丙" in (site / "courses" / "fourth-course-instructor.html").read_text(encoding="utf-8")
    assert 'href="fourth-course.html"' in (site / "courses" / "index.html").read_text(encoding="utf-8")
    handouts = (site / "en" / "courses" / "fourth-course-handouts.html").read_text(encoding="utf-8")
    assert 'data-checklist="smart-goal"' in handouts and 'data-roleplay="roleplay.late-delivery"' in handouts
    quiz = (site / "en" / "courses" / "fourth-course-quiz.html").read_text(encoding="utf-8")
    assert quiz.count('<details class="question" data-question="smart-goals-quiz/') == 3
