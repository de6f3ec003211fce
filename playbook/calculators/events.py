"""The calculators' Excel workbooks (calculators/workbooks/) in the built site, both languages:
`downloads/workbooks/<name>-<lang>.xlsx`, which each calculator page links to.

Writing all twenty costs a few seconds, so they are kept in `~/.cache/sales-playbook/workbooks/<key>/`
($XDG_CACHE_HOME), where the key is a hash of everything they are made from (the code, the calculators'
YAML, the UI strings and the build date): `mkdocs serve`, repeated builds and copies of the project
copy them unless one of those changed. Each build writes into a folder of its own and renames it into place,
so two builds at once (two projects, two servers) never write into the same folder; the first rename wins.
"""

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import xlsxwriter

import calculators
from calculators import workbooks

ROOT = Path(calculators.__file__).resolve().parent.parent
SOURCES = [ROOT / "calculators", ROOT / "playbook_data" / "calculators", ROOT / "playbook_data" / "scorecards",
           ROOT / "playbook_data" / "strings.yml"]


def cache_key() -> str:
    digest = hashlib.sha256(f"{xlsxwriter.__version__} {os.environ.get('SOURCE_DATE_EPOCH', '0')}".encode())
    for source in SOURCES:
        for path in sorted([source] if source.is_file() else source.rglob("*")):
            if path.suffix in (".py", ".yml"):
                digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def written(cache: Path) -> Path:
    """The folder holding every workbook for today's sources, written if it is not there yet."""
    folder = cache / cache_key()
    if not folder.is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", suffix=".partial", dir=cache))
        for name in workbooks.names():
            for lang in workbooks.LANGUAGES:
                workbooks.build(name, lang, partial / workbooks.file_name(name, lang))
        try:
            partial.rename(folder)
        except OSError:  # another build put the same workbooks there first
            shutil.rmtree(partial)
    return folder


def on_post_build(config, **kwargs):
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sales-playbook" / "workbooks"
    target = Path(config.site_dir) / workbooks.FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(written(cache).iterdir()):
        shutil.copyfile(path, target / path.name)
