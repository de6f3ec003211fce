"""The course pages are made without a build: `python -m playbook.courses.pages DIR` writes what playbook/courses/events.py
hands to MkDocs, so a site builder without MkDocs plugins (Zensical) can have them in docs/ beforehand."""

import subprocess
import sys

from playbook.courses.pages import course_pages
from playbook.courses.plan import VIEWS

from tests.conftest import ROOT


def test_every_view_of_every_course_in_both_languages(book):
    pages = course_pages(ROOT)
    assert len(pages) == len(book.ids("course")) * len(VIEWS) * 2
    assert pages["courses/complaint-workshop.en.md"] == '{{ course("complaint-workshop", "learner") }}\n'
    assert pages["courses/complaint-workshop-instructor.md"] == (
        '---\nsearch:\n  exclude: true\n---\n\n{{ course("complaint-workshop", "instructor") }}\n')


def test_the_command_writes_them_into_a_folder(tmp_path):
    subprocess.run([sys.executable, "-m", "playbook.courses.pages", str(tmp_path)], cwd=ROOT, check=True)
    written = {p.relative_to(tmp_path).as_posix(): p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.md")}
    assert written == course_pages(ROOT)
