"""Every calculator, one line each: a calculator is the folder `calculators/<name>/` (a hyphen in the name is an
underscore in the folder's), and listing its name here is all that registers it. Every list that names the
calculators (the settings file's `calculator:`, the workbooks, the site's scripts, the command line) is made
from this one. What a folder holds (CONTRIBUTING.md, "Add a calculator"; tests/calculators/test_calc_folders.py):

- `__init__.py`: `calculate(inputs: dict) -> dict`, the pure-Python reference (no MkDocs, no polars);
- `formula.js`: the same formula for the browser, which the site ships as assets/javascripts/calculators/<name>.js;
- `vectors.json`: the cases both formulas must pass (tests/vectors/README.md);
- `workbook.py`: its Excel workbook, `write(book, rows, inputs)`;
- `cli.py`: its sub-commands of `python -m calculators` (`COMMANDS`, `options`, `inputs`, `run_file`);
- `columns.py`, where it scores files: its polars columns for calculators/engine.py;
- `widget.py`, where a page shows it: its widgets (`WIDGETS`, `build`), which playbook/calculators/widgets.py renders,
  and the kinds of file the score-file page offers (`file_kinds`) with their option fields (`file_fields`);
- `strings.yml`: the UI strings only it uses (its page's labels and results, its messages, its workbook's words),
  which the one loader reads with playbook_data/strings.yml;
- `present.js`, where a page shows it: how its widget shows a result (`PB.presenters[name]`), which the site ships
  inside results.js;
- `filescore.js`, where the score-file page offers it: how that page scores a file with it (`PB.fileRunners[kind]`),
  which the site ships inside filescore.js.

Each calculator takes one JSON-like mapping and returns one: the interface the test vectors, the site's worked
examples and the browser widgets share.
"""

import importlib
import importlib.util
from pathlib import Path

from .errors import InputError

CALCULATORS = (
    "clv",
    "scorecard",
    "abc",
    "rfm",
    "survey",
    "pipeline",
    "complaint-cost",
)

HERE = Path(__file__).resolve().parent


def folder(name: str) -> Path:
    return HERE / name.replace("-", "_")


def part(name: str, module: str = ""):
    """Calculator `name`'s package, or its `module` (such as 'workbook'); None when its folder has none."""
    found = f"{__package__}.{name.replace('-', '_')}" + (f".{module}" if module else "")
    return importlib.import_module(found) if importlib.util.find_spec(found) else None


def run(name: str, inputs: dict) -> dict:
    """The outputs of calculator `name` for `inputs`; InputError when either is wrong."""
    if name not in CALCULATORS:
        raise InputError(f"unknown calculator '{name}'; expected one of: {', '.join(CALCULATORS)}")
    if not isinstance(inputs, dict):
        raise InputError(f"{name}: the inputs are not a mapping; expected {{name: value}}")
    return part(name).calculate(inputs)
