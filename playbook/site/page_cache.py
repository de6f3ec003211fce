"""`mkdocs serve` converts again only the pages whose Markdown changed.

After the macros have run, a page's Markdown holds everything the data put in it. When that Markdown, the
page's place and the site's list of files are the same as in an earlier build of this process, the HTML,
table of contents, title and anchors Python-Markdown made then are put back (on_page_content) instead of
converting the page again: an edit of one checklist converts the ~16 pages that show it, not all of them.
Always converted: a page that includes a file (pymdownx.snippets' `--8<--`), a page with a listing of
material's tags plugin (which writes into the page's HTML and table of contents after conversion), and a page
whose conversion logged a warning, so strict mode sees it again. PLAYBOOK_CACHE=off converts every page (playbook/core/caching.py).

Why a hook: MkDocs converts every page on each rebuild (`--dirty` skips pages whose file is unchanged, which
is wrong when the data changed, and fails under strict); no plugin keys the conversion by its input.
"""

import hashlib
import logging
import re
from pathlib import Path

from playbook.core.caching import caching

_TAGS_LISTING = re.compile(r"\{ #\S+/slug \}")  # where material's tags plugin puts a listing
_kept: dict = {}  # (src_uri, url) → (key, what the conversion made)
_files_digest: dict = {}  # id of a build's Files → the digest of its files' places


class _Warnings(logging.Handler):
    count = 0

    def emit(self, record):
        self.count += 1


_warnings = _Warnings(logging.WARNING)
logging.getLogger("mkdocs").addHandler(_warnings)


def _key(markdown: str, page, config, files) -> str:
    if id(files) not in _files_digest:
        _files_digest.clear()
        places = sorted(f"{f.src_uri} {f.url}" for f in files)
        config_text = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
        _files_digest[id(files)] = hashlib.sha256("\n".join(places).encode() + config_text).hexdigest()
    text = f"{_files_digest[id(files)]}\n{page.file.src_uri}\n{page.url}\n{markdown}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def on_page_markdown(markdown, page, config, files, **kwargs):
    if not caching() or "--8<--" in markdown or _TAGS_LISTING.search(markdown):
        return markdown
    key = _key(markdown, page, config, files)
    kept = _kept.get((page.file.src_uri, page.url))
    page.playbook_conversion = (key, _warnings.count, kept[1] if kept and kept[0] == key else None)
    return "" if page.playbook_conversion[2] else markdown  # nothing left to convert: on_page_content fills in


def on_page_content(html, page, files, **kwargs):
    key, warnings, kept = page.__dict__.pop("playbook_conversion", (None, 0, None))
    if kept:
        page.toc, page._title_from_render, page.present_anchor_ids = kept["toc"], kept["title"], kept["anchors"]
        page.links_to_anchors = {files.get_file_from_path(src): links for src, links in kept["links"].items()}
        return kept["html"]
    if key and _warnings.count == warnings:
        links = {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()}
        _kept[page.file.src_uri, page.url] = (key, {"html": html, "toc": page.toc, "title": page._title_from_render,
                                          "anchors": page.present_anchor_ids, "links": links})
    return html
