"""The options of the `playbook` plugin in mkdocs.yml (the convention of mkdocs-material's own plugins)."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class PlaybookConfig(base.Config):
    # The rebuild caches of `mkdocs serve` (parsed YAML, converted pages, cut words); mkdocs.yml sets it from
    # $PLAYBOOK_CACHE, so `PLAYBOOK_CACHE=off` rebuilds everything as a fresh build does.
    cache = c.Type(bool, default=True)
    # The course pages generated from playbook_data/courses/ (playbook/courses/events.py); false where they are
    # written into docs/ beforehand (`python -m playbook.courses.pages docs`), as benchmarks/build_bench.py does.
    course_pages = c.Type(bool, default=True)
