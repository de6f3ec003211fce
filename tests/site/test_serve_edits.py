"""`mkdocs serve` keeps what did not change between rebuilds (parsed YAML, rendered pages, jieba's cuts):
after each edit an author makes, every page that showed the old text shows the new one, in both languages,
and so does each language's search index that held it. Run on a throw-away copy of the project, the server left running
across four edits, as an author works; the pages are polled, never timed."""

import html

import pytest

from tests.conftest import copy_project
from tests.live_serve import LiveSite, replace_in, search_text

pytestmark = pytest.mark.build  # builds the site, in `mkdocs serve`

# An edit of each kind: the file, the old text and the new one in each language.
EDITS = {
    "checklist": ("playbook_data/checklists/first-meeting.yml",
                  {"zh": ("对方说话的时间多于我", "客户开口的时间比我长"),
                   "en": ("The customer talked more than I did", "The customer spoke for longer than I did")}),
    "module": ("playbook_data/modules/smart-goals.yml",
               {"zh": ("没有数字就无法检查", "不写数字就没法检查"),
                "en": ("Without a number you cannot check it", "With no number there is nothing to check")}),
    "course": ("playbook_data/courses/complaint-workshop.yml",
               {"zh": ("投诉处理工作坊", "投诉应对实战营"),
                "en": ("Complaint-handling workshop", "Complaint practice camp")}),
    "string": ("playbook_data/strings.yml",
               {"zh": ("本课概览", "这一课一览"), "en": ("Lesson overview", "This lesson at a glance")}),
}


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    project = tmp_path_factory.mktemp("serve-project")
    copy_project(project)
    site = LiveSite(project)
    yield site
    site.close()


def _language(path: str) -> str:
    return "en" if path.startswith("en/") else "zh"


def _showing(live: LiveSite, texts: dict) -> dict[str, str]:
    """path → language of each page that shows the text of its language."""
    return {path: _language(path) for path in live.pages()
            if html.escape(texts[_language(path)], quote=False) in live.get(path)}


@pytest.mark.parametrize("kind", ["checklist", "module", "course", "string"])
def test_a_data_edit_reaches_every_page_that_shows_it(live, kind):
    file, texts = EDITS[kind]
    pages = _showing(live, {lang: old for lang, (old, new) in texts.items()})
    assert {"zh", "en"} <= set(pages.values()), f"no page of one language shows the {kind}'s text: {pages}"
    # An index entry keeps the start of its section (playbook/search/events.py): the indexes that held it
    indexed = [lang for lang, (old, new) in texts.items() if old in search_text(live, lang)]
    data = live.project / file
    for lang, (old, new) in texts.items():
        replace_in(data, _yaml_value(data, old), _yaml_value(data, old).replace(old, new))

    def updated():
        return all(html.escape(texts[lang][1], quote=False) in live.get(path) for path, lang in pages.items()) \
            and all(texts[lang][1] in search_text(live, lang) for lang in indexed)

    live.wait(updated, 600, f"the edited {kind} on all {len(pages)} pages that showed it")


def _yaml_value(path, old: str) -> str:
    """The whole line of `path` that holds `old`, so the replacement touches one line only."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if old in line]
    assert lines, f"{old!r} is not in {path}"
    return lines[0]


def test_a_page_edit_shows_in_both_languages(live):
    texts = {"zh": "复盘时先看目标是否写清楚了。", "en": "When you review, first ask whether the goal was written clearly."}
    # In a section of its own: the search index keeps the first 1,500 characters of a section
    headings = {"zh": "复盘提示", "en": "A review tip"}
    for lang, suffix in (("zh", ".md"), ("en", ".en.md")):
        page = live.project / "docs" / "planning" / f"smart-goals{suffix}"
        page.write_text(page.read_text(encoding="utf-8") + f"\n## {headings[lang]}\n\n{texts[lang]}\n",
                        encoding="utf-8")
    paths = {"planning/smart-goals.html": "zh", "en/planning/smart-goals.html": "en"}

    def updated():
        return all(texts[lang] in live.get(path) for path, lang in paths.items()) \
            and all(texts[lang] in search_text(live, lang) for lang in texts)

    live.wait(updated, 600, "the edited module page in both languages")


def test_a_chinese_page_edit_marks_its_english_page(live):
    # The English page's badge follows the Chinese page's text (playbook/upkeep/freshness.py), not its own
    page = "en/development/contracts.html"
    assert "Translation may be out of date" not in live.get(page)
    chinese = live.project / "docs/development/contracts.md"
    chinese.write_text(chinese.read_text(encoding="utf-8") + "\n签约前再核对一遍付款条件。\n", encoding="utf-8")
    live.wait(lambda: "Translation may be out of date" in live.get(page), 600, "the badge on the English page")


def test_a_data_template_edit_reaches_every_page_that_uses_it(live):
    mark = 'data-pb-edit="template"'
    pages = [path for path in live.pages() if 'class="pb-checklist' in live.get(path)]
    assert {_language(path) for path in pages} == {"zh", "en"}, pages
    replace_in(live.project / "playbook/printables/templates/checklist.html", '<form class="pb-checklist"',
               f'<form {mark} class="pb-checklist"')
    live.wait(lambda: all(mark in live.get(path) for path in pages), 600, f"the template's edit on all {len(pages)} pages")


def test_a_title_edit_reaches_the_navigation_of_pages_that_did_not_change(live):
    # The navigation of every page lists the module by its heading: pages whose own text is unchanged change
    titles = {"zh": ("# SMART 目标\n", "# SMART 目标怎么写\n"), "en": ("# SMART goals\n", "# Writing SMART goals\n")}
    for lang, suffix in (("zh", ".md"), ("en", ".en.md")):
        replace_in(live.project / "docs/planning" / f"smart-goals{suffix}", *titles[lang])
    paths = {"planning/sales-plan.html": "SMART 目标怎么写", "en/planning/sales-plan.html": "Writing SMART goals",
             "index.html": "SMART 目标怎么写", "en/index.html": "Writing SMART goals"}
    live.wait(lambda: all(text in live.get(path) for path, text in paths.items()), 600,
              "the new module title in the navigation of other pages")


def test_a_theme_template_edit_reaches_every_page(live):
    mark = '<meta name="pb-edit" content="theme">'
    replace_in(live.project / "overrides/main.html", "{% block extrahead %}\n  {{ super() }}\n",
               "{% block extrahead %}\n  {{ super() }}\n  " + mark + "\n")
    pages = live.pages()
    assert {_language(path) for path in pages} == {"zh", "en"}, pages
    live.wait(lambda: all(mark in live.get(path) for path in pages), 600, f"the template's edit on all {len(pages)} pages")


def test_a_file_added_to_the_overrides_is_served(live):
    # The installed theme's files are listed once per server (playbook/site/theme_files.py); the project's are not
    (live.project / "overrides/pb-added.txt").write_text("added while serving", encoding="utf-8")
    live.wait(lambda: live.get("pb-added.txt") == "added while serving", 600, "the file added to overrides/")
