"""Cells of a customer file as people fill them in: dates in every common form, total rows, the header
below a title, percentages from Excel's formats, and cells made safe to open in a spreadsheet.

The browser follows the same rules (docs/assets/javascripts/calculators/cells.js); the cases both must
pass are in tests/vectors/cells/. Plain functions over plain values, no engine: another engine can call
them per column.
"""

import datetime as dt
import re

from .errors import fail

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?" + _TIME)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})" + _TIME)
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
# Excel's day numbers (1900 date system) read as dates: 1960-01-01 to 2099-12-31, so that a year
# such as 2024 or an amount is never taken for a date.
EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIALS = (21916, 73050)
DATE_FORMATS = ("dmy", "mdy")


def parse_date(value, name: str = "date", date_format: str = None) -> dt.date:
    """A date from a date or datetime cell, an Excel day number, or text such as 2024-03-05,
    2024/3/5, 2024.3.5, 2024年3月5日 or 30/4/2024; `date_format` ('dmy' or 'mdy') settles 4/5/2024."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        fail("empty-date", name=name)
    parts = _parts(value, text, name, date_format)
    try:
        return EXCEL_EPOCH + dt.timedelta(days=int(parts)) if isinstance(parts, float) else dt.date(*parts)
    except (TypeError, ValueError):
        fail("not-date", name=name, shown=f'"{value}"')


def _parts(value, text, name, date_format):
    """(year, month, day), a day number (float), or None when the text is no date."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) or _SERIAL.match(text):
        number = float(text)
        return number if SERIALS[0] <= number < SERIALS[1] + 1 else None
    match = _YMD.match(text)
    if match:
        return tuple(int(g) for g in match.groups())
    match = _DMY.match(text)
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    order = date_format or ("dmy" if first > 12 else "mdy" if second > 12 or first == second else None)
    if order is None:
        fail("ambiguous-date", name=name, shown=f'"{value}"')
    return (year, second, first) if order == "dmy" else (year, first, second)


_TOTALS = {"合计", "总计", "小计", "总合计", "共计", "total", "subtotal", "grandtotal", "totals"}
_SPACES = re.compile(r"\s+")
# A label's first letter, in any case: a cell without one is no label. Most cells are numbers and names,
# and one search for these letters takes half the time of spelling each cell out as a label.
_MAYBE_TOTAL = re.compile("[" + "".join(sorted({label[0] for label in _TOTALS})) + "]", re.IGNORECASE)


def is_total_row(cells) -> bool:
    """True when a cell of the row is a total or subtotal label (合计, 总计, 小计, Total, Subtotal…)."""
    return any(isinstance(c, str) and _MAYBE_TOTAL.search(c) and _SPACES.sub("", c).rstrip(":：").lower() in _TOTALS
               for c in cells)


def header_position(first_rows) -> int:
    """Which of the file's first non-blank rows is the header: the first with two or more filled
    cells when the file opens with a one-cell title row, else the first."""
    counts = [sum(1 for c in cells if c is not None and str(c).strip() != "") for cells in first_rows]
    if counts and counts[0] == 1:
        return next((k for k, n in enumerate(counts) if n >= 2), 0)
    return 0


def percent_text(value: float) -> str:
    """An Excel cell formatted as a percentage (0.22 shown as 22%) as the text the user sees: "22%"."""
    shown = round(value * 100, 10)
    return f"{int(shown)}%" if shown.is_integer() else f"{shown!r}%"


# OWASP, CSV injection: a cell starting with one of these may run as a formula in a spreadsheet.
_RISKY = ("=", "+", "-", "@", "\t", "\r")
_NUMERIC = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$|^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$")


def safe_cell(value):
    """A text cell a spreadsheet could run as a formula, prefixed with ' (OWASP's advice); numbers,
    and text that is a plain number such as -5 or +1,234.5, stay as they are."""
    if isinstance(value, str) and value[:1] in _RISKY and not _NUMERIC.match(value):
        return "'" + value
    return value
