"""`mkdocs serve` runs a page's macros again only when something they read changed.

A page's macros are rendered once per build by mkdocs-macros; most of a rebuild after a data edit went there.
After a page rendered, it is kept with what its macros read of the playbook (playbook/core/reads.py), the page
metadata they set and the items they cited. A later build gives the page the same Markdown without rendering
(`render_macros: false` for that page, then the kept text) when its Markdown, metadata and place are the same,
and so are the site (mkdocs.yml, the files, which page is each item's home, the names of the data templates,
the day) and everything it read, the data templates' text included. Never kept: a page whose render logged a
warning, one using anything but the playbook's macros (`{{ page.title }}`, `{{ config… }}`), one that turns
macros off itself, or one marked volatile.
A page that renders again keeps each of its macro calls the same way (`kept_calls`): after a UI string shown on
every module page changed, only the calls that show it render again, not the page's talk tracks, quizzes and
calculators (that rebuild's macros took a sixth of its CPU).
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
_compiled: dict = {}  # (the settings that shape Jinja's code, a page's text) → its compiled code, the last 1,024
_calls: dict = {}  # (src_uri, url, macro, its arguments) → (key, cited before, Reads, output, cited, metadata set)


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


def kept_calls(name: str, macro, context):
    """`macro` as a page being rendered calls it: its output as before when the call, the page's place, metadata
    and items cited so far (a summary lists them) and everything the call read are the same. What the call did
    to the page (items cited, metadata set) is done again. Only while a page renders for the cache above; a call
    that logged a warning, changed anything else of the page or was given an argument without a plain value
    (`repr` naming an address) is not kept."""

    def call(*args, **kwargs):
        page = context.env.page
        state = page.__dict__.get("playbook_macros")
        arguments = repr((args, sorted(kwargs.items())))
        if not caching() or not state or state[0] != "rendering" or " at 0x" in arguments:
            return macro(*args, **kwargs)
        cited = page.__dict__.setdefault("playbook_cited", [])
        place = (page.file.src_uri, page.url, name, arguments)
        key = _call_key(context, page)
        kept = _calls.get(place)
        if kept and kept[0] == key and _same(kept[1], cited) and kept[2].unchanged(context.book):
            reads.replay(kept[2])
            cited.extend(kept[4])
            page.meta.update(kept[5])
            return kept[3]
        before, meta, attributes, warnings = list(cited), dict(page.meta), _attributes(page), warnings_logged()
        with reads.recording() as read:
            output = macro(*args, **kwargs)
        set_now = {name: value for name, value in page.meta.items() if meta.get(name) != value}
        if (not read.volatile and warnings == warnings_logged() and meta.keys() <= page.meta.keys()
                and _attributes(page) == attributes and _same(before, cited[:len(before)])):
            _calls[place] = (key, before, read, output, cited[len(before):], set_now)
        return output

    return call


def _call_key(context, page) -> str:
    text = json.dumps([_site_digest(context.env, context), getattr(page.file, "locale", None), page.meta,
                       context.env.conf.get("site_url")], default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _same(kept: list, now: list) -> bool:
    return len(kept) == len(now) and all(a is b for a, b in zip(kept, now))


def _attributes(page) -> dict:
    """What a call could change of the page but its cited items and metadata, by object."""
    return {name: id(value) for name, value in page.__dict__.items() if name != "playbook_cited"}


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


def compile_pages_once(jinja_env):
    """mkdocs-macros compiles each page it renders as a Jinja template (`from_string`), every build: a page's
    compiled code is kept by its text and what shapes the code (the markers, extensions, filters, tests,
    autoescape), as Jinja's own bytecode cache keeps a file's. Its environment of each build runs it. Once per
    environment: a later call leaves it as it is."""
    if "compile" in vars(jinja_env):
        return
    compile_now = jinja_env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):
        shape = _code_shape(jinja_env)
        if not caching() or not isinstance(source, str) or name or filename or raw or defer_init or not shape:
            return compile_now(source, name, filename, raw, defer_init)
        key = (shape, source)
        if key not in _compiled:
            if len(_compiled) >= 1024:
                del _compiled[next(iter(_compiled))]
            _compiled[key] = compile_now(source)
        return _compiled[key]

    jinja_env.compile = compile


def _code_shape(env) -> tuple | None:
    """What Jinja's compiler reads of `env`, or None when it reads a function (autoescape, finalize)."""
    if callable(env.autoescape) or env.finalize is not None:
        return None
    markers = tuple(getattr(env, name) for name in _LEXER)
    return (markers, env.autoescape, env.optimized, env.is_async, tuple(sorted(env.extensions)),
            tuple(sorted(env.filters)), tuple(sorted(env.tests)))


_LEXER = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
          "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
          "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline")  # jinja2.lexer.get_lexer
