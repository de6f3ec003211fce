"""The real site: a strict build gives both language trees, per-language search and Chinese tokens."""

import json
import re

from tests.conftest import ROOT


def search_index(site, lang: str) -> dict:
    folder = site / "search" if lang == "zh" else site / lang / "search"
    return json.loads((folder / "search_index.json").read_text(encoding="utf-8"))


def test_both_language_trees_are_built(site):
    for page in ("index.html", "planning/smart-goals.html", "glossary.html"):
        assert (site / page).is_file() and (site / "en" / page).is_file()
    assert '<html lang="zh"' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_each_language_has_its_own_search_index(site):
    zh, en = search_index(site, "zh")["docs"], search_index(site, "en")["docs"]
    han = re.compile(r"[\u4e00-\u9fff]")
    assert zh and en
    assert all(not d["location"].startswith("en/") for d in zh)
    assert not any(han.search(d["title"]) for d in en if d["location"] == "planning/smart-goals.html")
    assert {"planning/smart-goals.html", "index.html"} <= {d["location"] for d in en}


def test_english_pages_read_the_english_index(site):
    html = (site / "en" / "planning" / "smart-goals.html").read_text(encoding="utf-8")
    assert '"base": "../../en/"' in html


def test_chinese_words_are_tokens_in_the_index(site):
    index = search_index(site, "zh")
    separator = re.compile(index["config"]["separator"])
    smart = next(d for d in index["docs"] if d["location"] == "planning/smart-goals.html")
    assert "目标" in separator.split(smart["text"])


def test_navigation_is_chinese_on_the_chinese_site(site):
    zh = (site / "planning" / "smart-goals.html").read_text(encoding="utf-8")
    en = (site / "en" / "planning" / "smart-goals.html").read_text(encoding="utf-8")
    assert "目标·预测·计划" in zh and "Goals, forecasts and plans" not in zh
    assert "Goals, forecasts and plans" in en


def test_module_tags_are_in_the_page_language(site):
    zh = (site / "planning" / "smart-goals.html").read_text(encoding="utf-8")
    en = (site / "en" / "planning" / "smart-goals.html").read_text(encoding="utf-8")
    assert "新销售人员" in zh and "New salesperson" in en


def test_no_page_refers_to_a_web_font_service_or_cdn(site):
    pattern = re.compile(r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs")
    for page in site.rglob("*.html"):
        assert not pattern.search(page.read_text(encoding="utf-8")), page


def test_smart_module_shows_its_parts_and_sources(site):
    html = (site / "planning" / "smart-goals.html").read_text(encoding="utf-8")
    assert html.count('<details class="question" data-question=') >= 3
    assert 'type="checkbox"' in html and "SMART 五项标准" in html
    assert "<code>002</code>" in html
    assert (ROOT / "docs" / "planning" / "smart-goals.en.md").is_file()


def test_translations_are_announced_in_the_sitemap_not_the_head(site):
    # Material fetches a sitemap.xml beside every head alternate: the tags would cost a 404 per page.
    for page in ("index.html", "planning/smart-goals.html", "en/calculators/clv.html"):
        assert "hreflang" not in (site / page).read_text(encoding="utf-8").split("</head>")[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert ('<xhtml:link rel="alternate" hreflang="en" href="http://127.0.0.1:8000/en/planning/smart-goals.html"/>'
            in sitemap)
    switcher = (site / "planning" / "smart-goals.html").read_text(encoding="utf-8")
    assert '<a href="../en/planning/smart-goals.html" hreflang="en"' in switcher


def test_calculator_scripts_load_only_on_pages_with_a_calculator(site):
    core = re.compile(r'<script src="[./]*assets/javascripts/calculators/core\.js" defer>')
    pages = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    with_widget = {path for path, html in pages.items() if 'class="pb-calc' in html}
    with_scripts = {path for path, html in pages.items() if core.search(html)}
    assert {"calculators/clv.html", "en/calculators/score-file.html"} <= with_widget
    assert with_scripts == with_widget


def test_search_finds_each_text_on_its_own_page_not_in_collections(site):
    # Booklets and course quizzes repeat items whose own pages are indexed; trainer pages are not for learners.
    for lang in ("zh", "en"):
        pages = {d["location"].split("#")[0] for d in search_index(site, lang)["docs"]}
        assert {"booklets/index.html", "courses/new-salesperson-week.html", "planning/smart-goals.html"} <= pages
        collections = {p for p in pages if re.search(r"booklets/(?!index)|-(quiz|handouts|instructor)\.html", p)}
        assert collections == set()
