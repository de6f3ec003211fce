"""Course pages for every file in playbook_data/courses/, generated: a trainer writes one YAML file, no Markdown.

Each course gets four pages in each language, whose content only calls the `course` macro:
courses/<id>.md (learner view), courses/<id>-instructor.md, courses/<id>-handouts.md and courses/<id>-quiz.md,
and the same with `.en.md`. All four sit in the nav under the course, in the section "培训课程", so each has
the sidebar and the active tab; the course's section is titled in the language being built.

Why after static-i18n: static-i18n rebuilds the file list of each language in `on_files` (priority -100) from
files it re-reads in docs/, so a generated file given to it earlier loses its content (and its missing source
path breaks it). This hook therefore runs later and does static-i18n's work for its own files: the page of the
language being built, placed where static-i18n places pages (`en/…` for English), with its other-language
alternates for the language switcher and the sitemap.
"""

import html
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs_static_i18n.suffix import create_i18n_file

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, where macros/ lives
from macros.course_plan import COURSE_DIR, VIEWS, view_src  # noqa: E402
from macros.loading import playbook_for  # noqa: E402

NAV_SECTION = "培训课程"
# Out of the search index: trainer-only pages, and the quiz, whose questions are found on their module pages
UNSEARCHED = ("instructor", "handouts", "quiz", "present", "signin")


def course_ids(config) -> list[str]:
    """The course ids: the names of the files in playbook_data/courses/ (the schema checks id = file name)."""
    folder = Path(config.config_file_path).parent / "playbook_data" / COURSE_DIR
    return sorted(path.stem for path in folder.glob("*.yml"))


def on_config(config):
    """A section per course in the nav section "培训课程", holding its four views (config is reused per
    language: once). The section is keyed by the course id until `on_nav` gives it the course's title."""
    for entry in config.nav or []:
        if isinstance(entry, dict) and isinstance(entry.get(NAV_SECTION), list):
            pages = entry[NAV_SECTION]
            listed = [key for item in pages if isinstance(item, dict) for key in item]
            for course_id in course_ids(config):
                if course_id not in listed:
                    pages.append({course_id: [view_src(course_id, view) for view in VIEWS]})
    return config


@event_priority(-150)  # after static-i18n (-100) has translated the nav
def on_nav(nav, config, files):
    """Title each course's section with the course's title in the language being built."""
    lang = config.plugins["i18n"].current_language
    book = playbook_for(Path(config.config_file_path).parent)
    courses = {course.id: course for course in book.of_kind("course")}
    section = next((item for item in nav.items if item.title == _translated(config, NAV_SECTION)), None)
    for child in section.children if section else ():
        if child.is_section and child.title in courses:
            # Material writes nav titles as they are: text from data is escaped here.
            child.title = html.escape(courses[child.title].title[lang], quote=True)
    return nav


def _translated(config, title: str) -> str:
    i18n = config.plugins["i18n"]
    return (i18n.current_language_config.nav_translations or {}).get(title, title)


@event_priority(-150)  # after static-i18n (-100) has chosen the files of the language being built
def on_files(files, config):
    i18n = config.plugins["i18n"]
    languages = [language.locale for language in i18n.config.languages]
    for course_id in course_ids(config):
        for view in VIEWS:
            versions = {lang: _page(config, i18n, course_id, view, lang) for lang in languages}
            page = versions[i18n.current_language]
            page.alternates = versions
            files.append(page)
            i18n.i18n_files_per_language[i18n.current_language].append(page)
    return files


def _page(config, i18n, course_id: str, view: str, lang: str) -> File:
    generated = File.generated(config, view_src(course_id, view, lang), content=_content(course_id, view))
    page = create_i18n_file(generated, lang, i18n.default_language, i18n.all_languages, config)
    page.content_string = generated.content_string  # create_i18n_file points the copy at docs/: keep the text
    page.generated_by = generated.generated_by
    return page


def _content(course_id: str, view: str) -> str:
    front = "---\nsearch:\n  exclude: true\n---\n\n" if view in UNSEARCHED else ""
    return f'{front}{{{{ course("{course_id}", "{view}") }}}}\n'
