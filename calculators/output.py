"""Writing result rows as they come: CSV (UTF-8 with BOM, so Excel opens it), .xlsx, or JSON."""

import csv
import json
import sys
from pathlib import Path

from .errors import InputError

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
        raise InputError("an .xlsx result needs a file; expected -o result.xlsx")
    try:
        return writers[fmt](path, header)
    except OSError as error:
        raise InputError(f"{path}: cannot be written ({error.strerror})") from None


class CsvWriter:
    def __init__(self, path, header):
        # A BOM tells Excel the file is UTF-8 (written once: the utf-8-sig codec is slow per row);
        # standard output gets none, for pipes.
        self.handle = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
        if path:
            self.handle.write("\ufeff")
        self.writer = csv.writer(self.handle)
        self.write = self.writer.writerow
        self.write(header)

    def close(self):
        if self.handle is not sys.stdout:
            self.handle.close()


class XlsxWriter:
    def __init__(self, path, header):
        from openpyxl import Workbook

        self.path, self.book = path, Workbook(write_only=True)
        self.sheet = self.book.create_sheet()
        self.write = self.sheet.append
        self.write(header)

    def close(self):
        self.book.save(self.path)


class JsonWriter:
    """A JSON array of objects keyed by the header, written one object at a time."""

    def __init__(self, path, header):
        self.handle = open(path, "w", encoding="utf-8") if path else sys.stdout
        self.header, self.first = header, True
        self.handle.write("[")

    def write(self, cells):
        record = dict(zip(self.header, (_plain(c) for c in cells)))
        self.handle.write(("\n" if self.first else ",\n") + json.dumps(record, ensure_ascii=False))
        self.first = False

    def close(self):
        self.handle.write("\n]\n")
        if self.handle is not sys.stdout:
            self.handle.close()


def _plain(value):
    # xlsx cells may hold dates and times; JSON gets their ISO text.
    return value.isoformat() if hasattr(value, "isoformat") else value
