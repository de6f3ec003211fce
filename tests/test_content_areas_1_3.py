"""Content of areas 1-3 (foundations, market, planning): every topic is taught on a module page in both
languages, and every module page of these areas builds with the data blocks it calls."""

import html
import re

import pytest

from macros import coverage, playbook
from tests.conftest import ROOT

AREAS = ("foundations", "market", "planning")
BLOCK_CALL = re.compile(r"\{\{\s*(framework|checklist|quiz)\(\s*\"([^\"]+)\"\s*\)\s*\}\}")
PIPE_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)
# The printable sheets issue 4 asks for: a salesperson fills them in, so they must be on a page.
REQUIRED_CHECKLISTS = ("competitor-analysis-sheet", "target-market-evaluation", "monthly-sales-plan",
                       "bottom-up-forecast-worksheet")

BOOK = playbook.load(ROOT)
MODULES = [m for m in BOOK.of_kind("module") if m.tags.area in AREAS]
PAGES = [(m, lang) for m in MODULES for lang in ("zh", "en")]


def _source(module, lang: str) -> str:
    # The Markdown file of a module page in one language.
    name = module.page if lang == "zh" else module.page.replace(".md", ".en.md")
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


def _built(site, module, lang: str) -> str:
    # The built HTML of a module page; the English site lives under en/.
    name = module.page.replace(".md", ".html")
    path = site / name if lang == "zh" else site / "en" / name
    assert path.is_file(), f"{path} was not built for module {module.id}"
    return path.read_text(encoding="utf-8")


def test_every_topic_of_areas_1_to_3_has_a_module_page_in_both_languages():
    topics = [t.id for area in AREAS for t in BOOK.areas[area].topics]
    both = coverage.pages_in_both_languages(BOOK, ROOT)
    missing = [t for t in topics if not both[t]]
    assert topics, "no topics found for areas 1-3 in playbook_data/topics.yml"
    assert missing == [], f"topics of areas 1-3 without a module page in zh and en: {missing}"


@pytest.mark.parametrize("module,lang", PAGES, ids=[f"{m.id}-{lang}" for m, lang in PAGES])
def test_module_page_renders_its_blocks(site, module, lang):
    source, built = _source(module, lang), _built(site, module, lang)
    calls = BLOCK_CALL.findall(source)
    assert any(kind == "framework" for kind, _ in calls), f"{module.page} ({lang}) renders no framework"
    assert f'data-module="{module.id}"' in built, f"{module.page} ({lang}) lacks its lesson overview"
    assert html.escape(module.title[lang], quote=False) in built, f"{module.page} ({lang}) lacks its title"
    for kind, item_id in calls:
        assert f'id="{item_id}"' in built, f"{module.page} ({lang}): {kind} '{item_id}' is not in the page"


@pytest.mark.parametrize("module,lang", PAGES, ids=[f"{m.id}-{lang}" for m, lang in PAGES])
def test_module_page_types_no_markdown_table(module, lang):
    rows = PIPE_TABLE_ROW.findall(_source(module, lang))
    assert rows == [], f"{module.page} ({lang}) types a Markdown table; render a framework instead: {rows}"


@pytest.mark.parametrize("module", MODULES, ids=[m.id for m in MODULES])
def test_each_chapter_has_three_self_check_questions_on_its_page(module):
    quizzes = [q for q in BOOK.of_kind("quiz") if q.module == module.id]
    called = {item_id for kind, item_id in BLOCK_CALL.findall(_source(module, "zh")) if kind == "quiz"}
    count = sum(len(q.questions) for q in quizzes if q.id in called)
    assert count >= 3, f"module {module.id} shows {count} self-check questions; expected at least 3"


def test_required_sheets_are_on_pages_of_areas_1_to_3():
    rendered = {item_id for m in MODULES for lang in ("zh", "en")
                for kind, item_id in BLOCK_CALL.findall(_source(m, lang)) if kind == "checklist"}
    missing = [c for c in REQUIRED_CHECKLISTS if c not in rendered]
    assert missing == [], f"checklists not rendered on any page of areas 1-3: {missing}"
