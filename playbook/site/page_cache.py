"""`mkdocs serve` redoes only what an edit changed: a page's conversion, its search entries, the templates.

After the macros have run, a page's Markdown holds everything the data put in it. When that Markdown, the
page's place and the site's list of files are the same as in an earlier build of this process, the HTML,
table of contents, title and anchors Python-Markdown made then are put back (on_page_content) instead of
converting the page again. The macros' HTML blocks, which Markdown passes through as they are, are left out of
that Markdown and put into the HTML made then (playbook/core/raw_html.py): an edit of a checklist, a data
template or a UI string converts no page whose text around the blocks is unchanged.
Always converted: a page that includes a file (pymdownx.snippets' `--8<--`), a page with a listing of
material's tags plugin (which writes into the page's HTML and table of contents after conversion), and a page
whose conversion logged a warning, so strict mode sees it again. PLAYBOOK_CACHE=off converts every page
(playbook/core/caching.py).

A page whose HTML, title, table of contents and metadata are as before, in a site whose navigation, look
(mkdocs.yml, theme settings, site name, extra, overrides/) and files are as before, is not put through the theme's
templates again: `on_env` (after every page is converted, before any is rendered) gives it a template that
writes out what the theme rendered then; every on_post_page still runs on it. A page of which only the HTML
changed gets what the theme rendered then with the new HTML in place of the old (playbook/site/theme_splice.py,
where that holds). A page that renders again
(its text changed) gets its sidebars as before when the site, the page's place, table of contents and hidden
parts are unchanged: the navigation, the same on every page but for the page's own place, was about a tenth
of a rebuild that renders every module page (overrides/main.html calls `playbook_kept_nav` around it).
Likewise a page's search entries: when what material's search plugin reads of a page (its HTML, table of
contents, title, tags, the index's settings and jieba's dictionary) is as before, the entries it made then are
added again without parsing the HTML. Theme templates are compiled once per process: a Jinja bytecode cache,
checked against each template's source, serves every later build's new template environment.

Why by hand: MkDocs converts every page on each rebuild (`--dirty` skips pages whose file is unchanged, which
is wrong when the data changed, and fails under strict); no plugin keys the conversion by its input.
"""

import atexit
import hashlib
import json
import logging
import re
import shutil
import tempfile
from pathlib import Path

import jieba
from jinja2 import ChoiceLoader, DictLoader, FileSystemBytecodeCache, pass_context
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from playbook.core import raw_html
from playbook.core.caching import caching
from playbook.site import theme_splice

_TAGS_LISTING = re.compile(r"\{ #\S+/slug \}")  # where material's tags plugin puts a listing
_kept: dict = {}  # (src_uri, url) → (key, what the conversion made)
_files_digest: dict = {}  # id of a build's Files → the digest of its files' places
_read: dict = {}  # (src_uri, url) → (Markdown, files digest, what _reading() made of them)
_entries: dict = {}  # (index settings, page URL) → (key, the search entries made of the page)
_bytecode: list = []  # the one bytecode cache of this process, made on first use
_rendered: dict = {}  # (src_uri, url) → (key, the page as the theme rendered it, key but the HTML, the HTML)
_nav: list = []  # this build's navigation (on_nav), titled by the time on_env runs
_sidebars: dict = {}  # page URL → (key, the sidebars the theme rendered for it)
_site_key: list = [""]  # this build's site digest, with what the navigation shows of each page's metadata
KEPT = "playbook-kept.html"  # the template of a page rendered as before


class _Warnings(logging.Handler):
    count = 0

    def emit(self, record):
        self.count += 1


_warnings = _Warnings(logging.WARNING)
logging.getLogger("mkdocs").addHandler(_warnings)


def warnings_logged() -> int:
    """How many warnings MkDocs logged so far: a step that logged one is not kept, so strict mode sees it again."""
    return _warnings.count


def _files_key(config, files) -> str:
    if id(files) not in _files_digest:
        _files_digest.clear()
        places = sorted(f"{f.src_uri} {f.url}" for f in files)
        config_text = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
        _files_digest[id(files)] = hashlib.sha256("\n".join(places).encode() + config_text).hexdigest()
    return _files_digest[id(files)]


def _reading(markdown: str, page, site: str) -> tuple:
    """(the ids in the macros' blocks, (the conversion's key, the blocks left out of it) or None when the page is
    always converted): the same for the same Markdown in the same site, so kept by it."""
    ids = frozenset(raw_html.anchor_ids(markdown))
    if "--8<--" in markdown or _TAGS_LISTING.search(markdown):
        return ids, None
    skeleton, blocks = raw_html.skeleton(markdown)
    text = f"{site}\n{page.file.src_uri}\n{page.url}\n{skeleton}"
    return ids, (hashlib.sha256(text.encode("utf-8")).hexdigest(), blocks)


def on_page_markdown(markdown, page, config, files, **kwargs):
    if not caching():
        page.playbook_block_ids = raw_html.anchor_ids(markdown)  # MkDocs does not see the stashed blocks' ids
        return markdown
    place = (page.file.src_uri, page.url)
    seen, site = _read.get(place), _files_key(config, files)
    if not seen or seen[0] != markdown or seen[1] != site:
        seen = _read[place] = (markdown, site, *_reading(markdown, page, site))
    page.playbook_block_ids = set(seen[2])
    if seen[3] is None:  # a page always converted
        return markdown
    key, blocks = seen[3][0], list(seen[3][1])
    kept = _kept.get(place)
    page.playbook_conversion = (key, _warnings.count, kept[1] if kept and kept[0] == key else None, blocks)
    return "" if page.playbook_conversion[2] else markdown  # nothing left to convert: on_page_content fills in


def on_page_content(html, page, files, **kwargs):
    """The page's conversion, put back or kept, with the macros' blocks of this build in it."""
    key, warnings, kept, blocks = page.__dict__.pop("playbook_conversion", (None, 0, None, []))
    block_ids = page.__dict__.pop("playbook_block_ids", set())
    if kept:
        page.toc, page._title_from_render = kept["toc"], kept["title"]
        page.present_anchor_ids = kept["anchors"] | block_ids
        page.links_to_anchors = {files.get_file_from_path(src): links for src, links in kept["links"].items()}
        return raw_html.put_back(kept["html"], blocks)
    numbered = page.__dict__.pop("playbook_numbered", [])
    if key and _warnings.count == warnings and numbered == blocks:  # the conversion numbered what the key left out
        links = {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()}
        _kept[page.file.src_uri, page.url] = (key, {"html": html, "toc": page.toc, "title": page._title_from_render,
                                          "anchors": set(page.present_anchor_ids), "links": links})
    page.present_anchor_ids = page.present_anchor_ids | block_ids
    return raw_html.put_back(html, numbered)


def on_nav(nav):
    _nav[:] = [nav]
    return nav


def on_env(env, config, files):
    env.globals["playbook_kept_nav"] = _kept_sidebars
    if not caching():
        _site_key[0] = ""
        return env
    env.bytecode_cache = bytecode_cache()
    env.loader = ChoiceLoader([DictLoader({KEPT: "{{ page.playbook_kept }}", theme_splice.SPLICED: theme_splice.SOURCE}),
                               env.loader])
    env.globals["playbook_spliced"] = theme_splice.render
    site = _site_digest(config, files)
    _site_key[0] = _digest([site, _nav_meta(files)])
    for page in (file.page for file in files.documentation_pages()):
        if page is None or page.content is None:
            continue
        page.playbook_render = (*_render_keys(site, page), _warnings.count)
        kept = _rendered.get((page.file.src_uri, page.url))
        if kept and kept[0] == page.playbook_render[0]:
            page.playbook_kept, page.meta["template"] = kept[1], KEPT
        elif kept and kept[2] == page.playbook_render[1]:  # only its HTML changed
            theme_splice.prepare(page, kept[1], kept[3])
    return env


def bytecode_cache() -> FileSystemBytecodeCache:
    """The one bytecode cache of this process: each template's code is kept while its source is unchanged."""
    if not _bytecode:
        folder = tempfile.mkdtemp(prefix="playbook-templates-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _bytecode.append(FileSystemBytecodeCache(folder))
    return _bytecode[0]


def _site_digest(config, files) -> str:
    looks = {name: config[name] for name in ("site_name", "site_description", "site_url", "copyright", "extra",
                                             "extra_css", "extra_javascript")}
    theme = {name: config.theme[name] for name in ("language", "direction", "features", "font", "icon", "palette")}
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    overrides = sorted((str(f), f.stat().st_mtime_ns) for f in custom.rglob("*")) if custom else []
    settings = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    navigation = _nav_places(_nav[0].items if _nav else [])
    return _digest([settings, looks, theme, overrides, navigation, sorted(f.url for f in files)])


def _nav_meta(files) -> list:
    """What material's nav-item.html reads of every page's metadata."""
    return [[file.url, {name: (file.page.meta or {}).get(name) for name in ("icon", "status", "subtitle")}]
            for file in files.documentation_pages() if file.page is not None]


@pass_context
def _kept_sidebars(context, caller):
    """`{% call playbook_kept_nav() %}…{% endcall %}`: the sidebars as rendered for this page before when
    nothing they show changed, else rendered now (and kept). A theme template with no page (404.html) has them
    too, by the site alone."""
    page = context.get("page")
    if not _site_key[0]:
        return caller()
    url = page.url if page else context["config"].theme["language"]  # one page with no page per language
    key = _digest([_site_key[0], url, _toc_places(page.toc), page.meta.get("hide")] if page else [_site_key[0]])
    kept = _sidebars.get(url)
    if kept and kept[0] == key:
        return kept[1]
    warnings = _warnings.count
    html = caller()
    if _warnings.count == warnings:
        _sidebars[url] = (key, html)
    return html


def _nav_places(items) -> list:
    return [[item.title, getattr(item, "url", None), _nav_places(item.children or [])] for item in items]


def _render_keys(site: str, page) -> tuple[str, str]:
    """(what the theme reads of the page, that but its HTML)."""
    look = _digest([site, page.file.src_uri, page.url, page.title, page.meta, _toc_places(page.toc)])
    return _digest([look, _sha(page.content)]), look


def _digest(reads) -> str:
    return _sha(json.dumps(reads, default=str, ensure_ascii=False))


def _sha(text: str) -> str:
    """A page's HTML is hashed as it is, not copied into a JSON text first."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def on_post_page(output, page):
    key, look, warnings = page.__dict__.pop("playbook_render", (None, None, 0))
    if key and _warnings.count == warnings and page.meta.get("template") != KEPT:
        _rendered[page.file.src_uri, page.url] = (key, output, look, page.content)
    return output


def _toc_places(toc) -> list:
    return [[item.id, item.url, item.title, _toc_places(item.children)] for item in toc]


def _index_key(index, page) -> str:
    return _digest([index.config, page.title, {name: page.meta.get(name) for name in ("title", "tags", "search")},
                    _toc_places(page.toc), getattr(jieba.dt, "total", 0), _sha(page.content)])


_index_page = SearchIndex.add_entry_from_context


def _index_page_once(index, page):
    if not caching():
        return _index_page(index, page)
    place, key = (json.dumps(index.config, default=str), page.url), _index_key(index, page)
    kept = _entries.get(place)
    if kept and kept[0] == key:
        index.entries.extend(dict(entry) for entry in kept[1])
        if page.meta.get("template") == KEPT:  # the theme writes the page as before: its HTML is not read again,
            page.content = ""  # and material's clean-up of it (a pattern over the whole page) has nothing to scan
        return
    start = len(index.entries)
    _index_page(index, page)
    _entries[place] = (key, [dict(entry) for entry in index.entries[start:]])


_render_page = Page.render


def _render_unless_kept(page, config, files):
    """A page whose conversion is put back gets no Markdown converter: making one (every extension set up
    again) cost more than converting the empty text, ~0.1 s per rebuild. on_page_content fills the page in."""
    conversion = page.__dict__.get("playbook_conversion")
    if not conversion:
        return _render_page(page, config, files)
    if not conversion[2]:
        with raw_html.tokens() as numbered:
            _render_page(page, config, files)
        page.playbook_numbered = numbered
        return
    page.content, page.toc, page._title_from_render = "", get_toc([]), None
    page.present_anchor_ids, page.links_to_anchors = set(), {}


# MkDocs converts each page with a new converter and no way to skip one: the one method it calls is wrapped.
Page.render = _render_unless_kept

# Material's plugin indexes each page in on_page_context with no way to reuse an earlier result: the one
# method it calls is wrapped (tests/site/test_serve_edits.py and the deterministic build guard the result).
SearchIndex.add_entry_from_context = _index_page_once
