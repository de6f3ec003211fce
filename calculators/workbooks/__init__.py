"""Excel workbooks of the calculators: validated input cells, live formulas, the site's worked
example, a sheet for a whole list where the calculator scores files, and a sheet that explains.

One workbook per calculator and scorecard, in each language: `build(name, lang, target)`.
tests/calculators/test_workbooks.py evaluates every formula with the `formulas` package on the shared test
vectors and compares with the Python reference.
"""

from functools import partial

from ..data import scorecard_names
from ..errors import InputError
from . import abc, clv, complaint_cost, pipeline, rfm, scorecard, survey
from .book import Book

LANGUAGES = ("zh", "en")
FOLDER = "downloads/workbooks"  # where the built site keeps them (playbook/calculators/events.py)
ROWS = 300  # the rows a list sheet offers, formulas included


def _writers() -> dict:
    writers = {"clv": clv.write, "abc": abc.write, "rfm": rfm.write, "survey": survey.write,
               "pipeline": pipeline.write, "complaint-cost": complaint_cost.write}
    for card in scorecard_names():
        writers[f"scorecard-{card}"] = partial(scorecard.write, card_name=card)
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
