"""The course pages as text, made without MkDocs: every view of every course in every language.

A trainer writes one file in playbook_data/courses/; its pages (one per view of playbook/courses/plan.py's VIEWS)
only call the `course` macro. playbook/courses/events.py
hands these to the build; a site builder that runs mkdocs-macros but not this MkDocs plugin (Zensical) can have them written
into docs/ first: `python -m playbook.courses.pages DIR`.
"""

import sys
from pathlib import Path

from playbook.core.addresses import LANGUAGES
from playbook.courses.plan import COURSE_DIR, VIEWS, view_src

# Out of the search index: trainer-only pages, and the quiz, whose questions are found on their module pages
UNSEARCHED = ("instructor", "handouts", "quiz", "present", "signin")


def course_ids(root: Path) -> list[str]:
    """The course ids: the names of the files in playbook_data/courses/ (the schema checks id = file name)."""
    return sorted(path.stem for path in (root / "playbook_data" / COURSE_DIR).glob("*.yml"))


def content(course_id: str, view: str) -> str:
    """The Markdown of one view: front matter keeping it out of search where it should be, then the macro call."""
    front = "---\nsearch:\n  exclude: true\n---\n\n" if view in UNSEARCHED else ""
    return f'{front}{{{{ course("{course_id}", "{view}") }}}}\n'


def course_pages(root: Path, languages=LANGUAGES) -> dict[str, str]:
    """docs-relative path → Markdown, for every view of every course in each language."""
    return {view_src(course_id, view, lang): content(course_id, view)
            for course_id in course_ids(root) for view in VIEWS for lang in languages}


if __name__ == "__main__":  # python -m playbook.courses.pages DIR: write them under DIR (a docs/ folder)
    for path, text in course_pages(Path.cwd()).items():
        target = Path(sys.argv[1]) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
