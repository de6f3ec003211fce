"""A workbook being written: sheets of labelled inputs and live formulas, in one language.

XlsxWriter writes the file (no macros, no external links). Every text goes through `write_string`,
and the workbook is opened with strings_to_formulas off, so no text from data or from a user ever
becomes a formula. `cells` records where each input and result lives, for the parity tests.
"""

import datetime as dt
import os
import re

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell

from ..data import ui_strings

# Creation date in the file: fixed, so two builds of one commit are byte-identical.
EPOCH = dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), dt.timezone.utc)
EPOCH = EPOCH.replace(tzinfo=None)
FORMATS = {
    "label": {"text_wrap": True, "valign": "top"},
    "heading": {"bold": True, "font_size": 14},
    "note": {"italic": True, "font_color": "#555555", "text_wrap": True, "valign": "top"},
    "head": {"bold": True, "bg_color": "#E8EAF6", "border": 1, "text_wrap": True, "valign": "top"},
    "input": {"bg_color": "#FFF8E1", "border": 1},
    "input_pct": {"bg_color": "#FFF8E1", "border": 1, "num_format": "0.0%"},
    "input_date": {"bg_color": "#FFF8E1", "border": 1, "num_format": "yyyy-mm-dd"},
    "number": {"num_format": "#,##0.00", "border": 1},
    "whole": {"num_format": "0", "border": 1},
    "pct": {"num_format": "0.0%", "border": 1},
    "date": {"num_format": "yyyy-mm-dd", "border": 1},
    "result": {"num_format": "#,##0.00", "bold": True, "border": 1, "bg_color": "#E8F5E9"},
    "result_text": {"bold": True, "border": 1, "bg_color": "#E8F5E9"},
    "text": {"border": 1},
}


class Book:
    """One .xlsx in one language; `target` is a path or a binary file object."""

    def __init__(self, target, lang: str, title: str):
        self.lang = lang
        self.strings = ui_strings()
        self.shown: set = set()  # the UI strings it shows: the site's workbook cache keys on them
        self.wb = xlsxwriter.Workbook(target, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False})
        self.set_title(title)
        self.wb.set_calc_mode("auto")
        self.fmt = {name: self.wb.add_format(spec) for name, spec in FORMATS.items()}
        self.cells: dict[str, tuple] = {}  # key → (sheet name, "B5"), or (sheet, column letter, first row, rows)

    def t(self, key: str, **values) -> str:
        """A UI string of playbook_data/strings.yml in the book's language."""
        self.shown.add(key)
        return self.strings[key][self.lang].format(**values)

    def pick(self, text) -> str:
        """The book's language of a {zh, en} text from the data."""
        return text[self.lang] if not isinstance(text, str) else text

    def set_title(self, title: str):
        self.wb.set_properties({"title": title, "created": EPOCH, "comments": self.t("wb-made-by")})

    def sheet(self, name: str) -> "Sheet":
        return Sheet(self, name)

    def close(self):
        self.wb.close()


# Excel refuses a sheet name over 31 characters, with any of []:*?/\ or twice in a book; formulas quote
# names in '…'. Names come from strings.yml, so they are made to fit.
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\']")


def sheet_name(book: Book, wanted: str) -> str:
    base = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", wanted).split())[:31].strip() or "Sheet"
    taken = {ws.name.lower() for ws in book.wb.worksheets()}
    name, number = base, 1
    while name.lower() in taken:
        number += 1
        name = f"{base[:31 - len(str(number)) - 1].strip()} {number}"
    return name


class Sheet:
    """A worksheet filled top to bottom: column A labels, B values, C units or notes."""

    def __init__(self, book: Book, name: str):
        self.book, self.name = book, sheet_name(book, name)
        self.ws = book.wb.add_worksheet(self.name)
        self.ws.set_column(0, 0, 34)
        self.ws.set_column(1, 1, 16)
        self.ws.set_column(2, 2, 48)
        self.row = 0

    def ref(self, row: int, col: int, local: bool = True) -> str:
        cell = xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)
        return cell if local else f"{quote_sheetname(self.name)}!{cell}"

    def heading(self, text: str):
        self.ws.write_string(self.row, 0, text, self.book.fmt["heading"])
        self.row += 1

    def note(self, text: str, width: int = 3):
        if width > 1:
            self.ws.merge_range(self.row, 0, self.row, width - 1, "", self.book.fmt["note"])
        self.ws.write_string(self.row, 0, text, self.book.fmt["note"])
        self.ws.set_row(self.row, 15 * max(1, len(text) // 90 + 1))
        self.row += 1

    def skip(self, rows: int = 1):
        self.row += rows

    def text(self, row: int, col: int, value, fmt: str = "text"):
        """A text cell: always a string, never a formula, whatever it starts with."""
        self.ws.write_string(row, col, "" if value is None else str(value), self.book.fmt[fmt])

    def value(self, row: int, col: int, value, fmt: str = "input"):
        """An input cell: numbers and dates as such, anything else as text; None leaves it blank."""
        if value is None or value == "":
            self.ws.write_blank(row, col, None, self.book.fmt[fmt])
        elif isinstance(value, bool):
            self.ws.write_string(row, col, self.book.t("wb-yes" if value else "wb-no"), self.book.fmt[fmt])
        elif isinstance(value, (int, float)):
            self.ws.write_number(row, col, value, self.book.fmt[fmt])
        elif isinstance(value, dt.date):
            self.ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), self.book.fmt["input_date"])
        else:
            self.text(row, col, value, fmt)

    def input(self, key: str, label: str, value, check: dict, note: str = "", fmt: str = "input") -> str:
        """A labelled input cell with its data validation; returns its absolute address."""
        self.text(self.row, 0, label, "label")
        self.value(self.row, 1, value, fmt)
        self.validate(self.row, 1, self.row, 1, check, label)
        if note:
            self.text(self.row, 2, note, "note")
        return self._keep(key)

    def result(self, key: str, label: str, formula: str, fmt: str = "result", note: str = "") -> str:
        """A labelled live formula; returns its absolute address."""
        self.text(self.row, 0, label, "label")
        self.ws.write_formula(self.row, 1, formula, self.book.fmt[fmt])
        if note:
            self.text(self.row, 2, note, "note")
        return self._keep(key)

    def validate(self, first_row, col, last_row, last_col, check: dict, label: str):
        """Excel data validation with the message in the book's language."""
        message = self.book.t(check.pop("message"), **check.pop("values", {}))
        self.ws.data_validation(first_row, col, last_row, last_col, {
            **check, "input_title": label[:32], "input_message": message[:255],
            "error_title": label[:32], "error_message": message[:255], "error_type": "stop"})

    def _keep(self, key: str) -> str:
        self.book.cells[key] = (self.name, xl_rowcol_to_cell(self.row, 1))
        self.row += 1
        return self.ref(self.row - 1, 1)


# Data validations the calculators share: each names its message key in strings.yml.
def at_least(minimum: float, whole: bool = False) -> dict:
    return {"validate": "integer" if whole else "decimal", "criteria": ">=", "value": minimum,
            "ignore_blank": True, "message": "wb-check-min", "values": {"min": f"{minimum:g}"}}


def between(low: float, high: float, whole: bool = False) -> dict:
    return {"validate": "integer" if whole else "decimal", "criteria": "between", "minimum": low,
            "maximum": high, "ignore_blank": True, "message": "wb-check-between",
            "values": {"min": f"{low:g}", "max": f"{high:g}"}}


def share() -> dict:
    return {**between(0, 1), "message": "wb-check-share"}


def one_of(source) -> dict:
    """A drop-down: a list of texts, or a range such as '=Stages!$B$2:$B$9'."""
    return {"validate": "list", "source": source, "ignore_blank": True, "message": "wb-check-list",
            "values": {}}


def a_date() -> dict:
    return {"validate": "date", "criteria": ">=", "value": dt.date(1900, 1, 2), "ignore_blank": True,
            "message": "wb-check-date", "values": {}}
