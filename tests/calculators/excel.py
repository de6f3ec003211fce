"""Every live formula of a workbook file computed as Excel would, by the `formulas` package.

`formulas` takes 0.15 s of CPU a case (compiling a workbook's formulas, then calculating them), 12 s for
tests/calculators/test_workbook_parity.py, a quarter of `make quick`'s CPU. What it computes depends on nothing
but the file's content, this module and the versions of `formulas` and the libraries it computes with: the values
are kept in pytest's cache folder under those, so a run after one that changed no workbook reads them back, and a
workbook whose formulas or inputs changed is computed afresh. A clean checkout (CI) computes them all.
"""

import hashlib
import importlib.metadata
import os
import pickle
import zipfile
from pathlib import Path

import formulas
import openpyxl
import schedula  # formulas' graph library: its EMPTY is a blank cell
from formulas.excel.xlreader import (
    load_workbook as read_as_formulas,  # dates as numbers, as formulas reads them
)
from formulas.tokens.operand import XlError
from openpyxl.cell.cell import MergedCell

BLANK = [[schedula.EMPTY]]
_SALT = hashlib.sha256(Path(__file__).read_bytes())
for _package in ("formulas", "schedula", "numpy", "openpyxl"):
    _SALT.update(f"{_package} {importlib.metadata.version(_package)}\n".encode())


def values(path: Path, kept: Path | None) -> dict[tuple[str, str], object]:
    """{(SHEET, CELL): value}, upper-cased, for every cell of the workbook at `path`, formulas computed; read from and written
    to the folder `kept` when one is given."""
    file = kept / _key(path) if kept else None
    if file and file.exists():
        return pickle.loads(file.read_bytes())
    computed = _compute(path)
    if file:  # written whole under another name first: xdist's workers share the folder
        part = file.with_suffix(f".{os.getpid()}")
        part.write_bytes(pickle.dumps(computed))
        part.replace(file)
    return computed


def _key(path: Path) -> str:
    """A hash of what `formulas` reads of the workbook: its name and every part of the file but its properties
    (docProps/ holds the creation date, SOURCE_DATE_EPOCH, which `make` sets to the last commit's)."""
    key = _SALT.copy()
    key.update(path.name.encode())
    with zipfile.ZipFile(path) as parts:
        for name in sorted(parts.namelist()):
            if not name.startswith("docProps/"):
                key.update(b"\0" + name.encode() + b"\0" + parts.read(name))
    return key.hexdigest()


def _compute(path: Path) -> dict[tuple[str, str], object]:
    cells = {(ws.title, c.coordinate): c for ws in read_as_formulas(str(path)).worksheets
             for row in ws.iter_rows() for c in row if not isinstance(c, MergedCell)}
    node = lambda sheet, cell: f"'[{path.name}]{sheet.upper()}'!{cell}"
    given = {node(*key): formulas.Ranges().push(node(*key), _typed_value(c)) for key, c in cells.items()
             if c.data_type != "f"}
    solution = _compiled(path, cells).calculate(inputs=given)
    by_node = {key.upper(): _plain(cell.value[0][0]) for key, cell in solution.items()
               if "!" in key and ":" not in key.split("!")[1]}
    return {(sheet.upper(), cell.upper()): by_node.get(node(sheet, cell).upper()) for sheet, cell in cells}


class ExcelError(str):
    """An error a formula gives (#NUM!, #DIV/0!…), as the cell shows it."""


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
