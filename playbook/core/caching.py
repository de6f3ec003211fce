"""The switch of the caches `mkdocs serve` keeps between rebuilds (parsed YAML, rendered pages, search words).

Every cache is keyed by its inputs (a file's text, a page's Markdown), so a rebuild with caches gives the same
site as one without. The plugin's `cache` option (mkdocs.yml: `PLAYBOOK_CACHE=off`) turns them off:
benchmarks/edit_loop_bench.py measures the plain rebuild that way, in the same run.
"""

_on = {"caches": True}


def switch(on: bool) -> None:
    _on["caches"] = on


def caching() -> bool:
    return _on["caches"]
