"""Where each item lives: the page that renders it first, per language, which a printed footer, a booklet, a
course or a path links to."""

import functools
import re
from pathlib import Path

from playbook.core.addresses import page_language, page_url

# A page that renders an item: `{{ checklist("pre-visit") }}`, `{{ sheet('6w1h1s') }}`, `{{ talktrack("x") }}`.
CALL = re.compile(r"""\{\{\s*(checklist|sheet|framework|talktrack|script|quiz)\(\s*["']([a-z0-9.-]+)["']\s*\)\s*\}\}""")
HOME_EXCLUDED = ("booklets/", "courses/")  # pages that collect items from elsewhere are nobody's home



@functools.lru_cache(maxsize=8)
def _homes(docs_dir: str, signature: tuple) -> dict:
    # First page (in path order) calling each item, per language
    homes = {}
    for src_uri, _mtime in signature:
        if src_uri.startswith(HOME_EXCLUDED):
            continue
        text = (Path(docs_dir) / src_uri).read_text(encoding="utf-8")
        for kind, item_id in CALL.findall(text):
            homes.setdefault((kind, item_id, page_language(src_uri)), page_url(src_uri))
    return homes


def home_pages(docs_dir: str) -> dict:
    """(kind, id, language) → the URL of the page that renders the item, re-read when a page changes."""
    root = Path(docs_dir)
    signature = tuple(sorted((p.relative_to(root).as_posix(), p.stat().st_mtime_ns)
                             for p in root.rglob("*.md")))
    return _homes(str(root), signature)
