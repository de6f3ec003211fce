"""`mkdocs serve` runs a page's macros again only when something they read changed.

A page's macros are rendered once per build by mkdocs-macros; most of a rebuild after a data edit went there.
After a page rendered, it is kept with what its macros read of the playbook (playbook/core/reads.py), the page
metadata they set and the items they cited. A later build gives the page the same Markdown without rendering
(`render_macros: false` for that page, then the kept text) when its Markdown, metadata and place are the same,
and so are the site (mkdocs.yml, the files, which page is each item's home, the names of the data templates,
the day) and everything it read, the data templates' text included. Never kept: a page whose render logged a
warning, one using anything but the playbook's macros (`{{ page.title }}`, `{{ config… }}`), one that turns
macros off itself, or one marked volatile.
PLAYBOOK_CACHE=off renders every page (playbook/core/caching.py).

Why by hand: mkdocs-macros has no cache, and no plugin records what a page's rendering depends on.
"""

import hashlib
import json
from pathlib import Path

from playbook import features
from playbook.core import reads
from playbook.core.caching import caching
from playbook.site.page_cache import warnings_logged
from playbook.upkeep.review import today

_kept: dict = {}  # (src_uri, url) → (key, Reads, Markdown, metadata set, cited items)
_site: dict = {}  # id of a build's Files → the digest of what every page's macros may read of the site


def reuse(env, context) -> bool:
    """Before mkdocs-macros renders `env.page`: True when its kept Markdown is put back instead."""
    page = env.page
    page.playbook_macros = None
    if not caching() or (page.meta or {}).get("render_macros") is not None:
        return False
    key = _key(env, context)
    kept = _kept.get((page.file.src_uri, page.url))
    if kept and kept[0] == key and kept[1].unchanged(context.book):
        page.meta.update(kept[3], render_macros=False)
        page.__dict__["playbook_cited"] = list(kept[4])
        page.playbook_macros = ("reused", kept)
        return True
    page.playbook_macros = ("rendering", key, reads.begin(), dict(page.meta), warnings_logged())
    return False


def keep(env, names: set, macros: set):
    """After mkdocs-macros rendered `env.page` (or not): put back or keep its Markdown. `names` are those the
    page's template uses, `macros` those the playbook registered."""
    page = env.page
    state = page.__dict__.pop("playbook_macros", None)
    if not state:
        return
    if state[0] == "reused":
        del page.meta["render_macros"]
        env.markdown = state[1][2]
        return
    _, key, read, before, warnings = state
    reads.end(read)
    set_now = {name: value for name, value in page.meta.items() if before.get(name) != value}
    if names <= macros and not read.volatile and warnings == warnings_logged() and before.keys() <= page.meta.keys():
        _kept[page.file.src_uri, page.url] = (key, read, env.markdown, set_now,
                                              list(page.__dict__.get("playbook_cited", [])))


def _key(env, context) -> str:
    page = env.page
    text = json.dumps([_site_digest(env, context), page.file.src_uri, page.url,
                       getattr(page.file, "locale", None), page.meta, env.markdown], default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _site_digest(env, context) -> str:
    files = env.variables.get("files")
    if id(files) not in _site:
        _site.clear()
        config = Path(env.conf.config_file_path).read_text(encoding="utf-8") if env.conf.config_file_path else ""
        places = sorted(f"{f.src_uri} {f.url}" for f in files or [])
        homes = sorted(map(list, context.homes.items()))
        templates = sorted(str(f) for folder in features.template_dirs()  # which file a name finds; their text
                           for f in Path(folder).rglob("*") if f.is_file())  # is a page's read (core/render.py)
        names = sorted(dict.keys(context.book.files))
        text = json.dumps([config, places, homes, templates, names, today().isoformat()], ensure_ascii=False)
        _site[id(files)] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _site[id(files)]
