"""What a page's macros read, so `mkdocs serve` renders a page's macros again only when something it read changed.

A playbook's mappings are `Recorded`: while a page renders, each item, file, string or taxonomy entry looked up
is noted with what it found (a file whose text did not change keeps its model object, playbook/core/book.py), a
list of one kind's items notes those, and a walk over a whole mapping notes all of it. A file read from disk is
noted with its text's digest. What cannot be told apart this way (the git dates of the "what's new" page) marks
the page `volatile`: never reused.

Why by hand: mkdocs-macros renders every page on every build and no plugin records what a page depends on.
"""

import functools
import hashlib
from contextlib import contextmanager
from pathlib import Path

_open: list = []  # the Reads being recorded, innermost last
_on_disk: dict = {}  # path → (its modification time and size, its text's digest): each page asks again
_snapshots: dict = {}  # None → the playbook; a mapping's name (or ("kind", name)) → what it held: _whole()


class Reads:
    """What one render read: (mapping name, key) → the object found, whole mappings, files, and volatility."""

    def __init__(self):
        self.keys, self.whole, self.files, self.volatile = {}, {}, {}, False

    def add(self, other: "Reads"):
        self.keys.update(other.keys)
        self.whole.update(other.whole)
        self.files.update(other.files)
        self.volatile |= other.volatile

    def unchanged(self, book) -> bool:
        """Whether `book` and the disk still hold everything that was read."""
        if self.volatile:
            return False
        return all(getattr(book, name).same(key, found) for (name, key), found in self.keys.items()) \
            and all(_whole(book, name) == found for name, found in self.whole.items()) \
            and all(_digest_of(Path(path)) == digest for path, digest in self.files.items())


def begin() -> Reads:
    """Start recording a page's render (the outermost recording: what an earlier page left open is dropped)."""
    _open.clear()
    _open.append(Reads())
    return _open[-1]


def end(reads: Reads):
    if reads in _open:
        _open.remove(reads)


@contextmanager
def recording():
    """Note what is read inside the block into the Reads it yields (and into any recording around it)."""
    reads = Reads()
    _open.append(reads)
    try:
        yield reads
    finally:
        _open.pop()
        if _open:
            _open[-1].add(reads)


def replay(reads: Reads):
    """Note again what an earlier render read, when its result is reused inside the current recording."""
    if _open:
        _open[-1].add(reads)


def volatile():
    """The page being rendered shows something not told apart by its reads: never reuse it."""
    for reads in _open:
        reads.volatile = True


def kind(name: str, found: list):
    """Every item of a kind was listed: [(id, model)]."""
    if _open and ("kind", name) not in _open[-1].whole:
        _open[-1].whole["kind", name] = Found(found)


def _whole(book, name) -> "Found":
    """What a whole mapping (or every item of a kind) holds now: taken once per loaded playbook, which a later
    load replaces and nothing changes (each page checking its reads took it again)."""
    if not _snapshots or _snapshots.get(None) is not book:
        _snapshots.clear()
        _snapshots[None] = book
    if name not in _snapshots:
        _snapshots[name] = _taken(book, name)
    return _snapshots[name]


def _taken(book, name) -> "Found":
    if isinstance(name, tuple) and name[0] == "prefix":
        mapping = getattr(book, name[1])
        return mapping._pairs((key, value) for key, value in dict.items(mapping) if key.startswith(name[2]))
    if isinstance(name, tuple):
        return Found([(i, dict.get(book.items, i).item) for i in book.ids_quietly(name[1])])
    return getattr(book, name).snapshot()


def file(path: Path, text: str):
    """A file the render read from disk, with its text."""
    if _open:
        _open[-1].files[str(path)] = _digest(text)


class Found(list):
    """[(key, what it held)]: equal when the keys are, and each holds the same model object."""

    def __eq__(self, other):
        return len(self) == len(other) and all(a == c and b is d for (a, b), (c, d) in zip(self, other))


class Recorded(dict):
    """A playbook mapping that notes the keys looked up and the walks over it. The `items` and `files` are
    told apart by model object (`Found`); the taxonomy and UI strings, re-made whenever their file changes, by
    value."""

    def __init__(self, name: str, by_value: bool = False):
        super().__init__()
        self.name, self.by_value = name, by_value

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self._note(key, value)
        return value

    def get(self, key, default=None):
        self._note(key, super().get(key))
        return super().get(key, default)

    def __contains__(self, key):
        self._note(key, super().get(key))
        return super().__contains__(key)

    def same(self, key, found) -> bool:
        """Whether `key` holds what was `found` there."""
        now = super().get(key)
        return now == found if self.by_value else _model(now) is found

    def __iter__(self):
        self._note_whole()
        return super().__iter__()

    def keys(self):
        self._note_whole()
        return super().keys()

    def values(self):
        self._note_whole()
        return super().values()

    def items(self):
        self._note_whole()
        return super().items()

    def starting_with(self, prefix) -> dict:
        """The entries whose key starts with `prefix` (a text or a tuple of texts), noted as a read of those
        alone: an edit of another entry renders no page that listed these (a calculator's or rubric's strings)."""
        found = {key: value for key, value in super().items() if key.startswith(prefix)}
        if _open and ("prefix", self.name, prefix) not in _open[-1].whole:
            _open[-1].whole["prefix", self.name, prefix] = self._pairs(found.items())
        return found

    def snapshot(self) -> list:
        """Every key with what it holds now."""
        return self._pairs(super().items())

    def _pairs(self, items) -> list:
        pairs = [(key, value if self.by_value else _model(value)) for key, value in items]
        return pairs if self.by_value else Found(pairs)

    def _note(self, key, value):
        if _open:
            _open[-1].keys[self.name, key] = value if self.by_value else _model(value)

    def _note_whole(self):
        if _open and self.name not in _open[-1].whole:  # a mapping does not change while a page renders
            _open[-1].whole[self.name] = self.snapshot()


def _model(value):
    """The object that changes when its file's text changes: a Located's item, or the model itself."""
    return getattr(value, "item", value)


@functools.lru_cache(maxsize=256)  # a data template's text is noted by every block it renders
def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest_of(path: Path) -> str | None:
    """The digest of the file's text, read again only when its modification time or size changed."""
    try:
        stat = path.stat()
        known = _on_disk.get(path)
        if known is None or known[0] != (stat.st_mtime_ns, stat.st_size):
            known = _on_disk[path] = ((stat.st_mtime_ns, stat.st_size), _digest(path.read_text(encoding="utf-8")))
        return known[1]
    except OSError:
        return None
