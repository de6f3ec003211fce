"""The calculators' Excel workbooks (calculators/workbooks/) in the built site, both languages:
`downloads/workbooks/<name>-<lang>.xlsx`, which each calculator page links to.

Writing all twenty costs a few seconds, so they are kept in `~/.cache/sales-playbook/workbooks/<key>/`
($XDG_CACHE_HOME), where the key is a hash of everything they are made from: the code, the calculators' YAML,
the build date, and the UI strings the workbooks showed when last written (`<code key>.strings.json` lists
them), so an edit of a page's string in `mkdocs serve` writes no workbook. Repeated builds and copies of the
project copy them unless one of those changed (`mkdocs serve` copies a workbook only when it is not the one it
copied last: playbook/site/site_writes.py). Each build writes into a folder of its own and renames it into
place, so two builds at once (two projects, two servers) never write into the same folder; the first rename
wins.
"""

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import xlsxwriter
from mkdocs import utils

import calculators
from calculators import data, workbooks

ROOT = Path(calculators.__file__).resolve().parent.parent
SOURCES = [ROOT / "calculators", ROOT / "playbook_data" / "calculators", ROOT / "playbook_data" / "scorecards"]


def code_key() -> str:
    """A hash of what the workbooks are made from but the UI strings."""
    digest = hashlib.sha256(f"{xlsxwriter.__version__} {os.environ.get('SOURCE_DATE_EPOCH', '0')}".encode())
    for source in SOURCES:
        for path in sorted(source.rglob("*")):
            if path.suffix in (".py", ".yml"):
                digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def written(cache: Path) -> Path:
    """The folder holding every workbook for today's sources, written if it is not there yet."""
    code = code_key()
    shown = cache / f"{code}.strings.json"  # the UI strings these workbooks showed when last written
    keys = json.loads(shown.read_text(encoding="utf-8")) if shown.is_file() else None
    folder = cache / f"{code}-{_strings_key(keys)}"
    if keys is None or not folder.is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f"{code}.", suffix=".partial", dir=cache))
        keys = sorted({key for name in workbooks.names() for lang in workbooks.LANGUAGES
                       for key in workbooks.build(name, lang, partial / workbooks.file_name(name, lang)).shown})
        folder = cache / f"{code}-{_strings_key(keys)}"
        _put(partial, folder)
        _write_atomically(shown, json.dumps(keys))
    return folder


def _strings_key(keys: list | None) -> str:
    strings = data.ui_strings()
    values = None if keys is None else [(key, strings.get(key)) for key in keys]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()[:16]


def _put(partial: Path, folder: Path):
    try:
        partial.rename(folder)
    except OSError:  # another build put the same workbooks there first
        shutil.rmtree(partial)


def _write_atomically(path: Path, text: str):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as file:
        file.write(text)
    os.replace(file.name, path)


def on_post_build(config, **kwargs):
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sales-playbook" / "workbooks"
    target = Path(config.site_dir) / workbooks.FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(written(cache).iterdir()):
        utils.copy_file(str(path), str(target / path.name))  # in `mkdocs serve`, only when changed (site_writes)
