"""Excel workbooks of the calculators: validated input cells, live formulas, the site's worked
example, a sheet for a whole list where the calculator scores files, and a sheet that explains.

One workbook per calculator and scorecard, in each language: `build(name, lang, target)`.
tests/calculators/test_workbook_parity.py evaluates every formula with the `formulas` package on the shared test
vectors and compares with the Python reference.
"""

from ..errors import InputError
from ..registry import CALCULATORS, part
from .book import Book

LANGUAGES = ("zh", "en")
FOLDER = "downloads/workbooks"  # where the built site keeps them (playbook/calculators/events.py)
ROWS = 300  # the rows a list sheet offers, formulas included


def _writers() -> dict:
    """Workbook name → writer, from each calculator's workbook.py: its `write`, or its `workbooks()` if several."""
    writers = {}
    for name in CALCULATORS:
        module = part(name, "workbook")
        if module:
            writers.update(module.workbooks() if hasattr(module, "workbooks") else {name: module.write})
    return writers


def names() -> list[str]:
    return list(_writers())


def file_name(name: str, lang: str) -> str:
    return f"{name}-{lang}.xlsx"


def build(name: str, lang: str, target, rows: int = ROWS, inputs: dict | None = None) -> Book:
    """Write workbook `name` in `lang` to `target` (a path or a binary file); returns the Book,
    whose `cells` say where each input and result lives."""
    writers = _writers()
    if name not in writers:
        raise InputError(f"unknown workbook '{name}'; expected one of: {', '.join(writers)}")
    if lang not in LANGUAGES:
        raise InputError(f"unknown language '{lang}'; expected one of: {', '.join(LANGUAGES)}")
    book = Book(target, lang, name)
    writers[name](book, rows=rows, inputs=inputs)
    book.close()
    return book
