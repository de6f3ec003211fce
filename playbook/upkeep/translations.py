"""`python -m playbook translations`: which English texts may lag their Chinese, and, once a translator has checked
one, `--refresh <id>…` records the Chinese it now follows (its `en_from`)."""

import re
from pathlib import Path

from playbook.core.schema.upkeep import Upkeep
from playbook.upkeep.freshness import stale, zh_hash

EN_FROM = re.compile(r"^en_from:.*$", re.M)
AFTER = re.compile(r"^(review_by|owner|id):[^\n]*\n", re.M)  # where a first en_from goes, in this order


def refresh(book, ids: list[str]) -> list[str]:
    """Write the current hash of each item into its file; the lines said, one per item."""
    said = []
    for item_id in ids:
        located = book.items.get(item_id)
        if located is None or not isinstance(located.item, Upkeep):
            said.append(f"unknown id '{item_id}'; expected a module, talk track, script, checklist, sheet or course")
            continue
        digest = zh_hash(located.item, book.root)
        _write(book.root / located.source.path, digest)
        said.append(f"{located.source.path}: en_from {digest}")
    return said


def _write(file: Path, digest: str):
    text = file.read_text(encoding="utf-8")
    line = f'en_from: "{digest}"'  # quoted: 8 digits alone would read as a number
    if EN_FROM.search(text):
        text = EN_FROM.sub(line, text, count=1)
    else:
        anchor = next(m for key in ("review_by", "owner", "id")
                      for m in AFTER.finditer(text) if m.group(1) == key)
        text = text[:anchor.end()] + line + "\n" + text[anchor.end():]
    file.write_text(text, encoding="utf-8")


def stale_lines(book) -> list[tuple]:
    """(file, line, message) for every item whose English may lag its Chinese, sorted by file and line."""
    found = []
    for item_id, current in stale(book).items():
        located = book.items[item_id]
        recorded = located.item.en_from
        line = located.source.line_of(located.path + ("en_from" if recorded else "id",))
        what = (f"the Chinese of '{item_id}' changed since its English was checked (en_from {recorded}, now "
                f"{current})" if recorded else f"'{item_id}' has no en_from saying which Chinese its English follows")
        found.append((located.source.path, line, f"{what}; expected the English checked, then "
                                                 f"`python -m playbook translations --refresh {item_id}`"))
    return sorted(found)
