"""Translation freshness: a short hash of an item's Chinese, kept as `en_from` when its English is checked.

An item whose Chinese changed since (a field's zh text, or a module's Chinese page) has a hash that no longer
matches: the check names it with file:line and its English page says the translation may be out of date.
"""

import hashlib
from pathlib import Path

from pydantic import BaseModel

from playbook.core import reads
from playbook.core.schema.common import Text
from playbook.core.schema.content import Module
from playbook.core.schema.upkeep import Upkeep


def zh_texts(value):
    """Every Chinese text in a model, in the order of its fields."""
    if isinstance(value, Text):
        yield value.zh
    elif isinstance(value, BaseModel):  # the owner's name is not part of what is translated
        for name in (n for n in type(value).model_fields if n not in Upkeep.model_fields):
            yield from zh_texts(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for element in value:
            yield from zh_texts(element)
    elif isinstance(value, dict):
        for element in value.values():
            yield from zh_texts(element)


def zh_hash(item, root: Path) -> str:
    """8 hex digits of SHA-256 over the item's Chinese texts, and a module's Chinese page."""
    parts = list(zh_texts(item))
    if isinstance(item, Module):
        page = root / "docs" / item.page
        text = page.read_text(encoding="utf-8") if page.is_file() else ""
        reads.file(page, text)  # the English page's badge follows the Chinese page
        parts.append(text.replace("\r\n", "\n"))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


def kept(book) -> list:
    """Every Located item with an owner, review date and en_from, in id order."""
    return [book.items[i] for i in sorted(book.items) if isinstance(book.items[i].item, Upkeep)]


def stale(book) -> dict:
    """id → the current hash, for each item whose Chinese changed since its English was checked."""
    found = {}
    for located in kept(book):
        current = zh_hash(located.item, book.root)
        if current != located.item.en_from:
            found[located.item.id] = current
    return found
