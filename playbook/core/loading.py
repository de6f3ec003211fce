"""Load playbook_data/ once per build: `define_env` runs once per language, `mkdocs serve` reruns it."""

import os
from pathlib import Path

from calculators.data import DATA, use_loaded
from playbook.core.book import DATA_DIR, Playbook, load
from playbook.core.ui_strings import strings_files

_cache: dict = {}
_handed = {"key": None}  # (root, signature) of the playbook whose models calculators/ holds


def playbook_for(root: Path) -> Playbook:
    """The validated playbook under `root`, reloaded only when a data file changed."""
    files = sorted((root / DATA_DIR).rglob("*.y*ml")) + [file for _, file in strings_files(root)]
    docs = sorted((root / "docs").rglob("*.md"))
    signature = tuple((str(f), f.stat().st_mtime_ns) for f in files) + (len(docs),)
    cached = _cache.get(root)
    if cached is None or cached[0] != signature:
        use_loaded({})  # until the load succeeds, calculators/ reads its files itself
        _cache[root] = (signature, load(root))
    book = _cache[root][1]
    if _handed["key"] != (root, signature):
        # calculators/ computes with the models validated here when they are its own data (not a copy's)
        use_loaded(calculator_models(book) if (root / DATA_DIR).resolve() == DATA.resolve() else {})
        _handed["key"] = (root, signature)
    return book


def calculator_models(book: Playbook) -> dict:
    """The calculators' settings and scorecards of `book` by file name, and its UI strings, as calculators/data.py
    takes them."""
    models = {"calculators": _Noted(book), "scorecards": _Noted(book), "strings": dict(dict.items(book.strings))}
    for name, model in dict.items(book.files):
        folder, _, file = name.partition("/")
        if folder in models and file:
            models[folder][Path(file).stem] = model
            models[folder].names[Path(file).stem] = name
    return models


class _Noted(dict):
    """File stem → model, whose lookups are noted as reads of the file (playbook/core/reads.py): a page that
    used a calculator's settings is rendered again in `mkdocs serve` when that file changes, and only then."""

    def __init__(self, book: Playbook):
        super().__init__()
        self.book, self.names = book, {}

    def get(self, stem, default=None):
        if stem in self.names:
            self.book.files.get(self.names[stem])
        return super().get(stem, default)


def this_build(config) -> Playbook:
    """The playbook the build of `config` loaded in `define_env` (mkdocs-macros' on_config runs before the
    playbook's events): its files not listed and checked again, five times a build."""
    root = Path(os.path.abspath(config.config_file_path)).parent
    return _cache[root][1] if root in _cache else playbook_for(root)


def loaded(root: Path) -> Playbook:
    """The playbook this build loaded in `define_env`, never reloaded mid-build."""
    return _cache[root][1]
