"""Load playbook_data/ once per build: `define_env` runs once per language, `mkdocs serve` reruns it."""

from pathlib import Path

from calculators.data import forget_loaded

from playbook.core.book import DATA_DIR, Playbook, load

_cache: dict = {}


def playbook_for(root: Path) -> Playbook:
    """The validated playbook under `root`, reloaded only when a data file changed."""
    files = sorted((root / DATA_DIR).rglob("*.y*ml"))
    docs = sorted((root / "docs").rglob("*.md"))
    signature = tuple((str(f), f.stat().st_mtime_ns) for f in files) + (len(docs),)
    cached = _cache.get(root)
    if cached is None or cached[0] != signature:
        forget_loaded()  # scorecards and calculator settings, which calculators/ caches on its own
        _cache[root] = (signature, load(root))
    return _cache[root][1]


def loaded(root: Path) -> Playbook:
    """The playbook this build loaded in `define_env`, never reloaded mid-build."""
    return _cache[root][1]
