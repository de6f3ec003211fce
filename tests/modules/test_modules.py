"""Every module follows the lesson pattern: a page in both languages naming its module, the overview and the
summary, structured parts rendered from data (no hand-typed Markdown table), at least three self-check
questions, and every block it calls present in the built page."""

import html
import re

import pytest

from tests.conftest import ROOT, file_ids

BLOCK_CALL = re.compile(r"\{\{\s*(framework|checklist|sheet|quiz|script|roleplay)\(\s*\"([^\"]+)\"\s*\)\s*\}\}")
PIPE_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)

MODULES = file_ids("modules")
PAGES = [(m, lang) for m in MODULES for lang in ("zh", "en")]
PAGE_IDS = [f"{m}-{lang}" for m, lang in PAGES]


def area_topics(book, areas) -> list[str]:
    """The topic ids of `areas`, in seed-map order."""
    return [topic.id for area in areas for topic in book.areas[area].topics]


def modules_covering(book, topics) -> list:
    return [m for m in book.of_kind("module") if set(topics) & set(m.covers)]


def source(module, lang: str) -> str:
    name = module.page if lang == "zh" else module.page.replace(".md", ".en.md")
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


def built(site, module, lang: str) -> str:
    name = module.page.replace(".md", ".html")
    return (site / name if lang == "zh" else site / "en" / name).read_text(encoding="utf-8")


@pytest.fixture
def module(book, module_id):
    return book.get("module", module_id)


@pytest.mark.parametrize("module_id,lang", PAGES, ids=PAGE_IDS)
def test_page_names_its_module_and_opens_and_closes_the_lesson(module, lang):
    text = source(module, lang)
    assert f"module: {module.id}" in text
    assert "{{ module_intro() }}" in text and "{{ module_summary() }}" in text


@pytest.mark.parametrize("module_id,lang", PAGES, ids=PAGE_IDS)
def test_page_types_no_markdown_table(module, lang):
    rows = PIPE_TABLE_ROW.findall(source(module, lang))
    assert rows == [], f"{module.page} ({lang}) types a Markdown table; render a framework instead: {rows}"


@pytest.mark.parametrize("module_id", MODULES)
def test_module_has_three_self_check_questions_on_its_page(book, module):
    called = {item_id for kind, item_id in BLOCK_CALL.findall(source(module, "zh")) if kind == "quiz"}
    count = sum(len(q.questions) for q in book.of_kind("quiz") if q.module == module.id and q.id in called)
    assert count >= 3, f"module {module.id} shows {count} self-check questions; expected at least 3"


@pytest.mark.parametrize("module_id,lang", PAGES, ids=PAGE_IDS)
def test_built_page_shows_every_block_it_calls(site, module, lang):
    page = built(site, module, lang)
    assert f'data-module="{module.id}"' in page
    assert html.escape(module.title[lang], quote=False) in page
    for kind, item_id in BLOCK_CALL.findall(source(module, lang)):
        assert f'id="{item_id}"' in page, f"{module.page} ({lang}): {kind} '{item_id}' is not in the page"
