"""Keep the two languages apart where static-i18n mixes them: the search index and the page head.

Search: mkdocs-static-i18n merges both languages into one `search/search_index.json`. After the
last build this hook splits it: Chinese entries stay at `search/`, English entries go to
`en/search/`, and `overrides/main.html` points English pages at their own folder (material's
`base`). The offline build's `search_index.js` (the index as a script, for file://) is split the
same way. No plugin does this (static-i18n's own option only removes duplicates), hence a hook.

Head: static-i18n gives every page `<link rel="alternate" hreflang>` tags to its translation.
Material's script takes each such link for a language root and fetches `sitemap.xml` beside it
(a 404 on every page but the home), and they are relative, which search engines reject. The
same pairs are in `sitemap.xml` with absolute addresses, which search engines accept as well,
so `overrides/main.html` drops the head tags with the filter registered here.
"""

import json
import logging
import re
from pathlib import Path

import jieba
from mkdocs.plugins import event_priority

LANGUAGES = ("en",)  # every language but the default, which keeps the site root


_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_startup(**kwargs):
    jieba.setLogLevel(logging.INFO)  # jieba, which cuts Chinese for the index, reports its dictionary loads


def on_env(env, **kwargs):
    env.filters["without_language_alternates"] = lambda head: _HEAD_ALTERNATE.sub("", head)
    return env


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    docs = index["docs"]
    offline = (site / "search" / "search_index.js").is_file()  # written by material's offline plugin
    for lang in LANGUAGES:
        own = [d for d in docs if d["location"].startswith(f"{lang}/")]
        for doc in own:
            doc["location"] = doc["location"][len(lang) + 1:]
        _write(site / lang / "search" / "search_index.json", {**index, "docs": own}, offline)
    default = [d for d in docs if not d["location"].startswith(tuple(f"{l}/" for l in LANGUAGES))]
    _write(index_file, {**index, "docs": default}, offline)


def _write(path: Path, index: dict, offline: bool):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    if offline:
        path.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
