"""The switch of the caches `mkdocs serve` keeps between rebuilds (parsed YAML, rendered pages, search words).

Every cache is keyed by its inputs (a file's text, a page's Markdown), so a rebuild with caches gives the same
site as one without. `PLAYBOOK_CACHE=off` turns them off: benchmarks/edit_loop_bench.py measures the plain
rebuild that way, in the same run.
"""

import os


def caching() -> bool:
    return os.environ.get("PLAYBOOK_CACHE", "on") != "off"
