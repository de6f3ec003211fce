"""Writing result rows as they come: CSV (UTF-8 with BOM, so Excel opens it), .xlsx, or JSON.

What a spreadsheet opens is safe: in CSV and .xlsx a text cell that could run as a formula gets a
leading ' (OWASP, CSV injection), and .xlsx text cells are strings, never formulas. Dates are ISO
dates. JSON, read by programs, keeps every cell as it is, under unique keys."""

import csv
import json
import sys
from pathlib import Path

from .cells import safe_cell
from .errors import fail

FORMATS = ("csv", "xlsx", "json")


def format_of(path, given=None) -> str:
    """The output format: --format, else the file's suffix, else CSV."""
    if given:
        return given
    suffix = Path(path).suffix.lower().lstrip(".") if path else ""
    return suffix if suffix in FORMATS else "csv"


def open_writer(path, header: list, fmt: str):
    """A writer with `write(cells)` and `close()`; `path` None means standard output."""
    writers = {"csv": CsvWriter, "xlsx": XlsxWriter, "json": JsonWriter}
    if fmt == "xlsx" and path is None:
        fail("xlsx-to-file")
    try:
        return writers[fmt](path, header)
    except OSError as error:
        fail("unwritable", path=path, reason=error.strerror)


class CsvWriter:
    def __init__(self, path, header):
        # A BOM tells Excel the file is UTF-8 (written once: the utf-8-sig codec is slow per row);
        # standard output gets none, for pipes.
        self.handle = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
        if path:
            self.handle.write("\ufeff")
        self.writer = csv.writer(self.handle)
        self.write(header)

    def write(self, cells):
        self.writer.writerow([safe_cell(c) for c in cells])

    def close(self):
        if self.handle is not sys.stdout:
            self.handle.close()


class XlsxWriter:
    def __init__(self, path, header):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        self.path, self.book, self.cell = path, Workbook(write_only=True), WriteOnlyCell
        self.sheet = self.book.create_sheet()
        self.write(header)

    def write(self, cells):
        self.sheet.append([self._cell(c) for c in cells])

    def _cell(self, value):
        if not isinstance(value, str):
            return value
        # openpyxl takes any text starting with "=" for a formula; a string cell it must stay.
        cell = self.cell(self.sheet, value=safe_cell(value))
        cell.data_type = "s"
        return cell

    def close(self):
        self.book.save(self.path)


class JsonWriter:
    """A JSON array of objects keyed by the header, written one object at a time."""

    def __init__(self, path, header):
        self.handle = open(path, "w", encoding="utf-8") if path else sys.stdout
        self.header, self.first = unique_keys(header), True
        self.handle.write("[")

    def write(self, cells):
        record = dict(zip(self.header, (_plain(c) for c in cells)))
        self.handle.write(("\n" if self.first else ",\n") + json.dumps(record, ensure_ascii=False))
        self.first = False

    def close(self):
        self.handle.write("\n]\n")
        if self.handle is not sys.stdout:
            self.handle.close()


def unique_keys(header) -> list:
    """Column names as JSON keys: a name seen before gets " (2)", " (3)"…, so no value is lost."""
    keys = []
    for name in header:
        key, n = name, 1
        while key in keys:
            n += 1
            key = f"{name} ({n})"
        keys.append(key)
    return keys


def _plain(value):
    # xlsx cells may hold dates and times; JSON gets their ISO text.
    return value.isoformat() if hasattr(value, "isoformat") else value
