"""The playbook's features, one line each: a feature is a folder of this package, and listing it here is all
that registers it. What the build and `python -m playbook check` take from a feature's folder, where present:

- `macros.py`: `MACROS`, the macros its pages call (name → function of the page's macro context and the call's
  arguments; playbook/core/blocks.py);
- `schema.py`: `FOLDERS` (a folder of playbook_data/ → the model of its files) and `KIND_OF` (an item's model →
  the kind name macros and messages use), and `strings_files(root)` where it keeps UI strings beside its code
  (the calculators' calculators/<name>/strings.yml: (path shown, file) pairs the one loader reads);
- `checks.py`: `CHECKS`, what a data file must agree with in the rest of the data (book, source, model →
  problems), each a table of named rules;
- `templates/`: its Jinja templates (playbook/core/render.py);
- `events.py`: its part of the build's events, called from playbook/plugin.py.
"""

import functools
import importlib
import importlib.util
from pathlib import Path

FEATURES = (
    "modules",
    "printables",
    "booklets",
    "scripts",
    "talktracks",
    "decisions",
    "paths",
    "glossary",
    "courses",
    "composer",
    "calculators",
    "practice",
    "progress",
    "tags",
    "upkeep",
    "search",
    "site",
)

HERE = Path(__file__).parent


@functools.cache
def parts(name: str) -> tuple:
    """The `name` module (macros, schema, checks) of every feature that has one, in the order of FEATURES."""
    found = [f"{__package__}.{feature}.{name}" for feature in FEATURES]
    return tuple(importlib.import_module(module) for module in found if importlib.util.find_spec(module))


def template_dirs() -> list[Path]:
    return [HERE / feature / "templates" for feature in FEATURES if (HERE / feature / "templates").is_dir()]
