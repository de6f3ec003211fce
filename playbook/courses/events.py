"""Course pages for every file in playbook_data/courses/, generated: a trainer writes one YAML file, no Markdown.

Each course gets four pages in each language (playbook/courses/pages.py, callable without MkDocs), whose content only
calls the `course` macro:
courses/<id>.md (learner view), courses/<id>-instructor.md, courses/<id>-handouts.md and courses/<id>-quiz.md,
and the same with `.en.md`. All four sit in the nav under the course, in the section of mkdocs.yml's `nav` that
lists courses/index.md, so each has the sidebar and the active tab; the course's section is titled in the
language being built.

Why after static-i18n: static-i18n rebuilds the file list of each language in `on_files` (priority -100) from
files it re-reads in docs/, so a generated file given to it earlier loses its content (and its missing source
path breaks it). This hook therefore runs later and does static-i18n's work for its own files: the page of the
language being built, placed where static-i18n places pages (`en/…` for English), with its other-language
alternates for the language switcher and the sitemap, through playbook/core/static_i18n.py (static-i18n's internals are
used there only).
"""

import html
from pathlib import Path

from playbook.core.loading import this_build
from playbook.core.static_i18n import (
    add_page,
    current_language,
    generated_page,
    languages,
    translated,
)
from playbook.courses import pages as course_pages
from playbook.courses.plan import COURSE_DIR, VIEWS, view_src


def course_ids(config) -> list[str]:
    return course_pages.course_ids(Path(config.config_file_path).parent)


def nav_section(config) -> str | None:
    """The label of the nav section that lists courses/index.md (培训课程 in mkdocs.yml), as written there."""
    index = f"{COURSE_DIR}/index.md"
    for entry in config.nav or []:
        for label, pages in (entry.items() if isinstance(entry, dict) else ()):
            if isinstance(pages, list) and index in pages:
                return label
    return None


def on_config(config):
    """A section per course in the nav section that lists courses/index.md, holding its four views (config
    is reused per language: once). The section is keyed by the course id until `on_nav` gives it the course's
    title."""
    label = nav_section(config)
    for entry in config.nav or []:
        if isinstance(entry, dict) and label in entry:
            pages = entry[label]
            listed = [key for item in pages if isinstance(item, dict) for key in item]
            for course_id in course_ids(config):
                if course_id not in listed:
                    pages.append({course_id: [view_src(course_id, view) for view in VIEWS]})
    return config


def on_nav(nav, config, files):
    """Title each course's section with the course's title in the language being built."""
    lang = current_language(config)
    book = this_build(config)
    courses = {course.id: course for course in book.of_kind("course")}
    section = next((item for item in nav.items if item.title == translated(config, nav_section(config))), None)
    for child in section.children if section else ():
        if child.is_section and child.title in courses:
            # Material writes nav titles as they are: text from data is escaped here.
            child.title = html.escape(courses[child.title].title[lang], quote=True)
    return nav


def on_files(files, config):
    for course_id in course_ids(config):
        for view in VIEWS:
            content = course_pages.content(course_id, view)
            add_page(config, files, {lang: generated_page(config, view_src(course_id, view, lang), content, lang)
                                     for lang in languages(config)})
    return files
