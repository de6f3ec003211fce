"""The search indexes the build writes (playbook/search/events.py): one language each, lunr set for that language,
the glossary's terms as words, as entries of their own and as aliases for the query rewrite."""

import json
import re
from types import SimpleNamespace

import pytest

from playbook.search import events as search
from playbook.search import first_page
from playbook.core.loading import playbook_for
from playbook.core.schema.common import Text
from playbook.core.schema.content import Aliases

from tests.conftest import ROOT

HAN = re.compile(r"[\u4e00-\u9fff]")


def index(site, lang: str) -> dict:
    folder = site / "search" if lang == "zh" else site / lang / "search"
    return json.loads((folder / "search_index.json").read_text(encoding="utf-8"))


def tokens(index: dict, location: str) -> list[str]:
    doc = next(d for d in index["docs"] if d["location"] == location)
    return re.split(index["config"]["separator"], re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))


def test_each_index_holds_its_own_language_only(site):
    zh, en = index(site, "zh")["docs"], index(site, "en")["docs"]
    assert len(zh) == len(en)  # the same pages, sections and terms in each
    assert not [d["title"] for d in en if HAN.search(d["title"])]
    assert not [t for d in en for t in d.get("tags", []) if HAN.search(t)]
    assert not [t for d in zh for t in d.get("tags", []) if not HAN.search(t)]
    english_titles = {d["title"] for d in en if re.search(r"[a-z]{2}", d["title"])}
    assert not english_titles & {d["title"] for d in zh}
    assert not [d for d in zh + en if d["location"].startswith("en/")]


def test_lunr_is_set_for_each_language(site):
    zh, en = index(site, "zh")["config"], index(site, "en")["config"]
    assert (zh["lang"], en["lang"]) == (["zh"], ["en"])
    assert {"stemmer", "stopWordFilter"} <= set(en["pipeline"])
    assert "stopWordFilter" in zh["pipeline"]  # lunr's Chinese stop words (的, 和 …) stay out of the index
    assert re.fullmatch(zh["separator"], "\u3007")  # search_worker.js ends Chinese query runs with it
    assert zh["fields"]["title"]["boost"] > zh["fields"]["tags"]["boost"] > zh["fields"]["text"]["boost"]


def test_english_words_lose_their_possessive(site):
    # "customer's" stayed the token customer', rare enough for "customers" to rank its two titles first
    en = index(site, "en")
    words = [w for w in re.split(en["config"]["separator"], "the customer's pains, the customers' orders") if w]
    assert words == ["the", "customer", "pains", "the", "customers'", "orders"]  # lunr's trimmer takes the last '
    texts = [re.sub(r"<[^>]+>", " ", d["title"] + " " + d["text"]) for d in en["docs"]]
    assert sum(text.count("'s ") for text in texts) > 100  # the index's text keeps them, as the page shows them
    assert not [w for text in texts for w in re.split(en["config"]["separator"], text) if re.search(r"\w['’]s$", w)]


def test_tags_are_on_each_page_once(site):
    docs = index(site, "zh")["docs"]
    assert [d for d in docs if d["location"] == "planning/smart-goals.html"][0]["tags"]
    assert not [d["location"] for d in docs if "#" in d["location"] and "tags" in d]


def test_glossary_terms_are_entries_in_one_language(site):
    for lang, title, text in (("zh", "异议", "反对意见"), ("en", "Objection", "pushback")):
        docs = index(site, lang)["docs"]
        term = next(d for d in docs if d["location"] == "glossary.html#term-term.objection")
        assert term["title"].replace("\u200b", "") == title and text in term["text"]
        page = next(d for d in docs if d["location"] == "glossary.html")
        assert "3E" not in page["text"] and len(page["text"]) < 300  # the table's text is not in the entry
        sections = [d["location"] for d in docs if d["location"].startswith("glossary.html#")]
        assert sections and all(s.startswith("glossary.html#term-") for s in sections)  # no section per letter
    html = (site / "glossary.html").read_text(encoding="utf-8")
    assert 'id="term-term.objection"' in html  # where the result leads


def test_glossary_entries_are_escaped():
    term = SimpleNamespace(id="t.x", term={"en": "<b>Deal</b>"}, definition={"en": "a & b <script>"},
                           aliases=Aliases(en=["<i>x</i>"]))
    entry = search._term_entry(term, "en", "Also called")
    assert "<b>" not in entry["title"] and "<script>" not in entry["text"] and "<i>" not in entry["text"]
    assert "&lt;b&gt;Deal&lt;/b&gt;" in entry["title"] and "a &amp; b &lt;script&gt;" in entry["text"]


def test_the_playbook_terms_are_words_in_the_chinese_index(site):
    words = search.dictionary_words(playbook_for(ROOT))
    assert {"终身价值", "大客户", "五个数字", "净推荐值"} <= set(words)
    zh = index(site, "zh")
    assert "终身价值" in tokens(zh, "relationship/customer-value.html")
    assert "大客户" in tokens(zh, "relationship/key-accounts.html")
    assert "6W1H1S" in tokens(zh, "development/customer-analysis.html")


def test_words_come_from_glossary_terms_and_aliases_not_long_phrases():
    terms = [SimpleNamespace(term=Text(zh="净推荐值（NPS）", en="NPS"), aliases=Aliases(zh=["推荐指数", "客户满意度得分高"])),
             SimpleNamespace(term=Text(zh="客户终身价值", en="CLV"), aliases=Aliases())]
    assert search.dictionary_words(SimpleNamespace(of_kind=lambda kind: terms)) == ["净推荐值", "推荐指数"]


def test_aliases_point_to_their_terms(site):
    zh, en = index(site, "zh")["config"]["aliases"], index(site, "en")["config"]["aliases"]
    assert ["反对意见", "异议"] in zh and ["拒绝理由", "异议"] in zh
    assert ["销售线索", "线索"] in zh  # a Chinese term also searches its aliases
    assert ["pushback", "objection"] in en and ["objection", "pushback"] not in en


def test_pages_run_the_playbook_worker(site):
    worker = (site / search.WORKER).read_text(encoding="utf-8")
    assert worker.startswith(search.QUERY_REWRITE.read_text(encoding="utf-8"))
    assert "sourceMappingURL" not in worker and "lunr" in worker
    for page, path in (("index.html", "assets/"), ("en/planning/smart-goals.html", "../../assets/")):
        assert f'"search": "{path}javascripts/workers/search.playbook.js"' in (site / page).read_text(encoding="utf-8")


def test_screen_controls_and_print_notes_stay_out_of_the_index(site, book):
    """A quiz's self-marking buttons, a checklist's buttons and note, a printed page's address note are
    not text to find (data-search-exclude); the questions and the checklists themselves are."""
    for lang, self_check in (("zh", "自测"), ("en", "Self-check")):
        docs = index(site, lang)["docs"]
        text = "".join(d["text"] for d in docs).replace("\u200b", "")
        for key in ("quiz-right", "quiz-reset", "kept-in-browser", "print-no-address"):
            assert book.strings[key][lang] not in text, (lang, key)
        quizzes = [d for d in docs if d["title"] == self_check]
        assert len(quizzes) > 30 and all("?" in d["text"] or "？" in d["text"] for d in quizzes)


def test_each_text_is_within_the_limit_or_one_block(site):
    """The worker builds less: a longer text is cut after its last whole block within TEXT_LIMIT."""
    for lang in ("zh", "en"):
        for doc in index(site, lang)["docs"]:
            first = search._BLOCK_END.search(doc["text"])
            assert len(doc["text"]) <= search.TEXT_LIMIT or (first and first.end() == len(doc["text"])), doc


def test_the_shipped_bundle_draws_four_results_first_on_a_phone_or_laptop(site):
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert bundle.count(f".slice(0,{first_page._SIZE}))") == 1 and bundle.count(f".slice({first_page._SIZE}))") == 1
    assert "slice(0,10)" not in bundle and "sourceMappingURL" not in bundle


def test_the_first_page_is_changed_once_or_a_warning_says_why(tmp_path, caplog):
    scripts = tmp_path / "assets/javascripts"
    scripts.mkdir(parents=True)
    bundle = scripts / "bundle.0123abcd.min.js"
    bundle.write_text("L($(...l.slice(0,10)),$(...l.slice(10)).pipe(ot(4)));\n//# sourceMappingURL=b.map\n")
    first_page.on_post_build(tmp_path)
    changed = bundle.read_text()
    assert changed == f"L($(...l.slice(0,{first_page._SIZE})),$(...l.slice({first_page._SIZE})).pipe(ot(4)));\n"
    first_page.on_post_build(tmp_path)  # mkdocs serve's next build may keep the changed file
    assert bundle.read_text() == changed and not caplog.records

    bundle.write_text("L($(...l.slice(0,12)),$(...l.slice(12)))")  # another material
    first_page.on_post_build(tmp_path)
    assert bundle.read_text() == "L($(...l.slice(0,12)),$(...l.slice(12)))"
    assert [r.levelname for r in caplog.records] == ["WARNING"] and "first_page.py" in caplog.text


def test_material_segments_each_text_once_as_it_would_each_time():
    from material.plugins.search.plugin import SearchIndex

    from playbook.core import caching

    text = "<p>客户终身价值高的客户，先联系。Plain words 2026</p>"
    caching.switch(False)
    try:
        fresh = SearchIndex()._segment_chinese(text)  # material's own
    finally:
        caching.switch(True)
    assert SearchIndex._segment_chinese is search._segment_chinese
    assert "\u200b" in fresh and SearchIndex()._segment_chinese(text) == fresh
    assert SearchIndex()._segment_chinese(text) is SearchIndex()._segment_chinese(text)  # kept


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_words_of_neighbouring_cells_stay_apart(site, lang):
    # material keeps no text between two cells, after a <br> or a form label: "feelings<br>Why" was feelingsWhy
    texts = " ".join(d["title"] + " " + d["text"] for d in index(site, lang)["docs"])
    assert set(re.findall(r"\b[a-z]+[A-Z][a-z]+\b", texts)) == set()
