"""Search in the page's language: one index per language, with lunr's settings for that language.

Material's search plugin builds the index (jieba cuts the Chinese), static-i18n merges both languages into
`search/search_index.json`, and material's worker reads lunr's settings from that file's `config`. After the
last build this hook writes, for each language, an index that holds only its pages (Chinese at `search/`,
English at `en/search/`, which `overrides/main.html` points English pages at), with:
- `config` for that language: English with lunr's stemmer and stop words, Chinese with lunr's zh support;
  field boosts so a title match outranks a mention; the glossary's aliases for the worker;
- the page's tags on its first entry only, so a tag finds the page once, not each of its sections;
- less for the worker to build (measured: its time grows with the text, as material's tokenizer runs over
  every Chinese run): each entry's text up to TEXT_LIMIT characters, cut after a whole paragraph or list
  item; no entry whose text repeats an earlier one; no entries of the tags page, whose lists repeat the
  titles of pages that carry their tags themselves;
- the glossary as one entry per term (term, then definition and aliases, in that language), escaped,
  instead of its sections per letter;
- each talk track's section boosted (TALK_TRACK_BOOST): what to say at a moment, before a mention in passing.
The offline build's `search_index.js` (the index as a script, for file://) is written the same way.

Before the build, jieba learns the glossary's terms and aliases as words (`on_config`), so 终身价值 or
大客户 is one word in the index and is highlighted whole. Material's `jieba_dict_user` wants a file that
exists before any hook runs; the words come from the validated data, so they are added here.

Why a hook: no plugin splits static-i18n's index by language (its own option only drops duplicates), and
material's per-language search settings are one set per site. The query side (stemming the query, fixing
material's Chinese query segmentation, aliases) is `playbook/search/search_worker.js`, put in front of material's
worker here as `assets/javascripts/workers/search.playbook.js`; how many results the page draws at first is
`playbook/search/first_page.py`.
"""

import functools
import html
import json
import logging
import re
from pathlib import Path

import jieba
from material.plugins.search.plugin import SearchIndex

from playbook.core.addresses import page_url
from playbook.core.caching import caching
from playbook.core.loading import this_build
from playbook.search import first_page

LANGUAGES = ("en",)  # every language but the default, which keeps the site root
GLOSSARY_PAGE = "glossary.html"  # the page that renders {{ glossary() }}
WORKER = "assets/javascripts/workers/search.playbook.js"
QUERY_REWRITE = Path(__file__).with_name("search_worker.js")
_MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")

# lunr per language: material's worker reads `lang`, `separator`, `pipeline` and `fields` from the index.
# 〇 (U+3007) ends each Chinese query run in search_worker.js and must stay a separator. lunr's Chinese stop
# words (的, 和, 是 …: a fifth of the words) stay out of the index: the worker builds it in half the time.
LUNR = {
    "zh": {"lang": ["zh"], "pipeline": ["stemmer", "stopWordFilter"]},
    "en": {"lang": ["en"], "pipeline": ["stemmer", "stopWordFilter", "trimmer"]},
}
# English also cuts a possessive 's off its word: lunr's trimmer and stemmer keep "customer's" as `customer'`, a
# token of two titles, so rare that the prefix `custom*` of "customers" scored them far above every page saying
# "customer" (measured: the proposal page's "the customer's pains" came first for "customers").
SEPARATOR = {"en": r"|['’][sS]\b"}
# Measured on tests/search_queries.yml: a title boost of 1000 (material's) let a common word in a title
# outrank the rarer word of a two-word query in the text; 100 keeps titles first for one-word queries.
FIELDS = {"title": {"boost": 100.0}, "text": {"boost": 1.0}, "tags": {"boost": 10.0}}
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# A definition is one line: the pages that teach a term come before it (measured: "handling objections").
TERM_BOOST = 0.5
# A talk track is what a salesperson looks for at the moment it names; every section weighed the same, so it ranked
# with the pages saying its words in passing. Measured: for 报价 the sales-tools table (报价单, quote form, rarer
# than 报价, which material's prefix search counted at its own weight) scored 16.1, the price-objection track 7.1;
# for "price objection" a page whose title says "pricing" came first, material scoring a page's own entry ×5 and
# a section ×2. A boost of 2 left 报价's track second (14.2); 3 puts it first and keeps every query of
# tests/search_queries.yml in its top three.
TALK_TRACK_BOOST = 3.0
_BRACKETS = re.compile(r"[（）()]")
_CHUNKS = re.compile(r"[\s（）()、·/“”\"，：]+")
TAGS_PAGE = "tags.html"
# Measured (material's worker building both indexes in Node, 11 builds each, least CPU): 1,500 → 1,000
# characters cut Chinese 319 → 266 ms and English 335 → 225 ms; every query of tests/search_queries.yml
# still finds its page. Results show a shorter preview anyway (search_worker.js).
TEXT_LIMIT = 1000
_BLOCK_END = re.compile(r"</(?:p|li|ul|ol|dd|dl|table|blockquote|pre|div)>")


def on_startup(**kwargs):
    jieba.setLogLevel(logging.INFO)  # jieba, which cuts Chinese for the index, reports its dictionary loads


# Material's plugin cuts each run of Han characters with `jieba.cut`, once per page and language build, and
# the same runs recur (headings, UI strings, both passes, every rebuild of `mkdocs serve`): each distinct run
# is cut once per process. The words learnt in on_config change the cut, so they clear the memory.
_jieba_cut = jieba.cut
_learnt: set = set()


@functools.lru_cache(maxsize=None)
def _cut_once(text) -> tuple:
    return tuple(_jieba_cut(text))


def cut(sentence, cut_all=False, HMM=True, use_paddle=False):  # noqa: N803 (jieba's own parameter names)
    if cut_all or not HMM or use_paddle or not caching():
        return _jieba_cut(sentence, cut_all, HMM, use_paddle)
    return iter(_cut_once(sentence))


jieba.cut = cut

# Material then puts word breaks into each section's title and text with a pattern over the whole text, on every
# page it indexes: each distinct text is segmented once per process too, forgotten with the cuts.
_segment = SearchIndex._segment_chinese


@functools.lru_cache(maxsize=50_000)
def _segmented_once(text: str) -> str:
    return _segment(SearchIndex(), text)


def _segment_chinese(index, data):
    return _segmented_once(data) if caching() else _segment(index, data)


SearchIndex._segment_chinese = _segment_chinese


def on_config(config, **kwargs):
    words = set(dictionary_words(this_build(config)))
    for word in sorted(words - _learnt):
        jieba.add_word(word)
    if not words <= _learnt:
        _learnt.update(words)
        _cut_once.cache_clear()
        _segmented_once.cache_clear()
    return config


def on_env(env, **kwargs):
    env.filters["playbook_search_worker"] = lambda text: _MATERIAL_WORKER.sub(WORKER, text)
    return env


def dictionary_words(book) -> list[str]:
    """The glossary's Chinese terms and aliases, cut at spaces and brackets: the parts of 2 to 4 Han
    characters (净推荐值, 大客户). Longer parts are phrases, which jieba cuts into words, these among them."""
    names = [name for term in book.of_kind("term") for name in (term.term.zh, *term.aliases.zh)]
    return sorted({part for name in names for part in _CHUNKS.split(name) if _HAN.match(part)})


# (the merged index's text, offline) → (the playbook, the files made of them), for the last two (this hook also
# runs at the end of static-i18n's build of the other language): a rebuild of `mkdocs serve` whose pages' search
# entries and data are as before writes the same indexes again
_made: dict = {}


def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        return
    merged, book = index_file.read_text(encoding="utf-8"), this_build(config)
    offline = (site / "search" / "search_index.js").is_file()  # written by material's offline plugin
    key, kept = (merged, offline), _made.pop((merged, offline), None)
    made = kept[1] if caching() and kept and kept[0] is book else _indexes(json.loads(merged), book, offline)
    _made[key] = (book, made)
    while len(_made) > 2:
        del _made[next(iter(_made))]
    for name, text in made.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _write_worker(site)
    first_page.on_post_build(site)


def _indexes(merged: dict, book, offline: bool) -> dict:
    """Each language's index file (and its script for file://): {path in the site: text}."""
    made = {}
    for lang in ("zh", *LANGUAGES):
        prefix = "" if lang == "zh" else f"{lang}/"
        docs = [{**doc, "location": doc["location"][len(prefix):]} for doc in merged["docs"]
                if _language_of(doc["location"]) == lang]
        docs = with_glossary_terms(lean(tags_on_pages_only(docs)), book, lang)
        config = {**merged["config"], **LUNR[lang], "fields": FIELDS, "aliases": aliases(book, lang)}
        config["separator"] += SEPARATOR.get(lang, "")
        index = {"config": config,
                 "docs": talk_tracks_boosted(docs, book, lang)}
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        made[f"{prefix}search/search_index.json"] = text
        if offline:
            made[f"{prefix}search/search_index.js"] = f"var __index = {text}"
    return made


def _language_of(location: str) -> str:
    return next((lang for lang in LANGUAGES if location.startswith(f"{lang}/")), "zh")


def tags_on_pages_only(docs: list[dict]) -> list[dict]:
    """Material copies a page's tags to each of its sections; keep them on the page's own entry."""
    seen = set()
    for doc in docs:
        page = doc["location"].split("#")[0]
        if page in seen:
            doc.pop("tags", None)
        seen.add(page)
    return docs


def lean(docs: list[dict]) -> list[dict]:
    """Entries the worker builds quickly: the tags page out, a repeated text once, each text cut short."""
    seen, kept = set(), []
    for doc in docs:
        if doc["location"].split("#")[0] == TAGS_PAGE or (doc["text"] and doc["text"] in seen):
            continue
        seen.add(doc["text"])
        kept.append({**doc, "text": shortened(doc["text"])})
    return kept


def shortened(text: str) -> str:
    """The text up to TEXT_LIMIT characters, ending after a whole block (the first block at least)."""
    if len(text) <= TEXT_LIMIT:
        return text
    ends = [m.end() for m in _BLOCK_END.finditer(text)]
    within = [end for end in ends if end <= TEXT_LIMIT]
    return text[:within[-1]] if within else text[:ends[0]] if ends else text


def talk_tracks_boosted(docs: list[dict], book, lang: str) -> list[dict]:
    """The sections holding a talk track (headed by its title, on its module's page) with TALK_TRACK_BOOST."""
    tracks = {(page_url(book.get("module", track.module).page), track.title[lang])
              for track in book.of_kind("talktrack")}
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if anchor and (page, html.unescape(doc["title"].replace("\u200b", ""))) in tracks:
            doc["boost"] = TALK_TRACK_BOOST
    return docs


def with_glossary_terms(docs: list[dict], book, lang: str) -> list[dict]:
    """The glossary page's entry, then one entry per term. Material still indexes the headings of the
    table it keeps out (a section per letter, whose text runs the terms of both languages together): they
    go, as the term entries say the same."""
    docs = [doc for doc in docs if not doc["location"].startswith(f"{GLOSSARY_PAGE}#")]
    at = next((i for i, doc in enumerate(docs) if doc["location"] == GLOSSARY_PAGE), None)
    if at is None:
        return docs
    label = book.strings["aliases"][lang]
    terms = sorted(book.of_kind("term"), key=lambda t: t.term.en.lower())
    entries = [_term_entry(term, lang, label) for term in terms]
    return docs[:at + 1] + entries + docs[at + 1:]


def _term_entry(term, lang: str, label: str) -> dict:
    text = f"<p>{html.escape(term.definition[lang], quote=False)}</p>"
    if term.aliases[lang]:
        names = ("、" if lang == "zh" else ", ").join(term.aliases[lang])
        text += f"<p>{html.escape(f'{label}: {names}', quote=False)}</p>"
    return {"location": f"{GLOSSARY_PAGE}#term-{term.id}", "boost": TERM_BOOST,
            "title": _segmented(html.escape(term.term[lang], quote=False)), "text": _segmented(text)}


def _segmented(text: str) -> str:
    """Chinese cut into words exactly as material's plugin cuts every other entry."""
    return SearchIndex()._segment_chinese(text)


def aliases(book, lang: str) -> list[list[str]]:
    """[words, other words] pairs, lower-cased, for search_worker.js: a query holding an alias also searches
    the term. In Chinese a query holding the term (or its part in brackets) also searches its aliases: the
    term is one word in the index (jieba's dictionary), so 销售线索 alone would miss pages that say 线索.
    (Measured: the same in English let "objections" search "push back" and find "pushing products".)"""
    pairs = set()
    for term in book.of_kind("term"):
        names = [part.strip() for part in _BRACKETS.split(term.term[lang].lower()) if part.strip()]
        for alias in (a.lower() for a in term.aliases[lang]):
            pairs.add((alias, term.term[lang].lower()))
            if lang == "zh":
                pairs.update((name, alias) for name in names)
    return sorted(list(pair) for pair in pairs)


def _write_worker(site: Path):
    """search_worker.js, then material's worker (without its source-map line, which the prefix would shift)."""
    material = next(p for p in (site / "assets/javascripts/workers").glob("search.*.min.js")
                    if _MATERIAL_WORKER.search(p.as_posix()))
    code = re.sub(r"//# sourceMappingURL=\S+\s*$", "", material.read_text(encoding="utf-8"))
    (site / WORKER).write_text(QUERY_REWRITE.read_text(encoding="utf-8") + code, encoding="utf-8")
