"""A workbook's formulas computed by the `formulas` package, as Excel would (tests/calculators/excel.py keeps
what this computes)."""

from pathlib import Path

import formulas
import openpyxl
import schedula  # formulas' graph library: its EMPTY is a blank cell
from formulas.excel.xlreader import load_workbook as read_as_formulas  # dates as numbers, as formulas reads them
from formulas.tokens.operand import XlError
from openpyxl.cell.cell import MergedCell

from .excel import ExcelError

BLANK = [[schedula.EMPTY]]


def computed(path: Path) -> dict[tuple[str, str], object]:
    """{(SHEET, CELL): value} for every cell of the workbook at `path`, its formulas computed."""
    cells = {(ws.title, c.coordinate): c for ws in read_as_formulas(str(path)).worksheets
             for row in ws.iter_rows() for c in row if not isinstance(c, MergedCell)}
    node = lambda sheet, cell: f"'[{path.name}]{sheet.upper()}'!{cell}"
    given = {node(*key): formulas.Ranges().push(node(*key), _typed_value(c)) for key, c in cells.items()
             if c.data_type != "f"}
    solution = _compiled(path, cells).calculate(inputs=given)
    by_node = {key.upper(): _plain(cell.value[0][0]) for key, cell in solution.items()
               if "!" in key and ":" not in key.split("!")[1]}
    return {(sheet.upper(), cell.upper()): by_node.get(node(sheet, cell).upper()) for sheet, cell in cells}


def _plain(value):
    """A value that can be kept: a blank cell as None, as a cell the file does not hold, and an error as an
    ExcelError (`formulas`' own types hold what pickle cannot write)."""
    if value is schedula.EMPTY:
        return None
    return ExcelError(value) if isinstance(value, XlError) else value


# Compiling a workbook's formulas is most of the time `formulas` takes: the cases of one workbook with the same
# formulas share one compiled model, and each case gives it every value of its own workbook (its blank cells as
# blank, the way `formulas` holds a cell nothing was written in).
_models: dict = {}


def _compiled(path: Path, cells: dict):
    """The model of the workbook at `path`, compiled once per file name and formulas, from a copy whose blank
    cells hold 0 so that every cell is one a case can set."""
    shape = (path.name, frozenset((key, c.value if c.data_type == "f" else None) for key, c in cells.items()))
    if shape not in _models:
        template = openpyxl.load_workbook(path)
        for (sheet, cell), c in cells.items():
            if c.value is None:
                template[sheet][cell] = 0
        (path.parent / "compiled").mkdir()
        template.save(path.parent / "compiled" / path.name)
        _models[shape] = formulas.ExcelModel().loads(str(path.parent / "compiled" / path.name)).finish()
    return _models[shape]


def _typed_value(c):
    """A cell's value as `formulas` reads it from a file (ExcelModel.compile_cell)."""
    if c.value is None:
        return BLANK
    return round(c.value, 15) if c.data_type == "n" and isinstance(c.value, float) else c.value
