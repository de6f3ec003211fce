"""Every live formula of a workbook file computed as Excel would, by the `formulas` package.

`formulas` takes 0.15 s of CPU a case (compiling a workbook's formulas, then calculating them), 12 s for
tests/calculators/test_workbook_parity.py, a quarter of `make quick`'s CPU. What it computes depends on nothing
but the file's content, the code here and in excel_formulas.py, and the versions of `formulas` and the libraries
it computes with: the values are kept in pytest's cache folder under those, so a run after one that changed no
workbook reads them back, and a workbook whose formulas or inputs changed is computed afresh. A clean checkout
(CI) computes them all.
"""

import importlib.metadata
import zipfile
from pathlib import Path

from tests.kept import files_hash, kept

_HERE = Path(__file__).parent
_SALT = files_hash(_HERE, [_HERE / "excel.py", _HERE / "excel_formulas.py"])
for _package in ("formulas", "schedula", "numpy", "openpyxl"):
    _SALT.update(f"{_package} {importlib.metadata.version(_package)}\n".encode())


def values(path: Path, where: Path | None) -> dict[tuple[str, str], object]:
    """{(SHEET, CELL): value}, upper-cased, for every cell of the workbook at `path`, formulas computed; read
    from and written to the folder `where` when one is given (tests/kept.py)."""
    return kept(where, _key(path) if where else "", lambda: _computed(path))


def _computed(path: Path) -> dict:
    # `formulas` (0.5 s) imported only when a workbook is computed
    from .excel_formulas import computed

    return computed(path)


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


class ExcelError(str):
    """An error a formula gives (#NUM!, #DIV/0!…), as the cell shows it."""
