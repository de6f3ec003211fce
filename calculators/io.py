"""Reading customer files as streams of rows: CSV in UTF-8 (with or without BOM) or GBK/GB18030,
and .xlsx through openpyxl's read-only mode. Nothing is held in memory but the current row.

The header is the first row, or the first row of two or more cells below a one-cell title, or the row
`header_row` names. In .xlsx, a number formatted as a percentage reads as the text the user sees
("22%") and a date cell without a time as a date."""

import codecs
import csv
import datetime as dt
from pathlib import Path

from .cells import header_position, is_total_row, percent_text
from .errors import InputError, fail
from .messages import language_of, say

# What rows() gives as the problem of a total or subtotal row: written out, marked, never counted.
TOTAL = "total"
# How many rows at the top of a file are looked at to find the header below a title.
HEADER_SEARCH = 10

CHUNK = 1 << 20
# How much of a file tells its encoding when the rest is checked later (Table's `guess`).
START = 1 << 16


class Unsuitable(Exception):
    """A file the fast path cannot read as the reference does (calculators/engine.py), or whose encoding was
    guessed wrong from its start: the command runs again the reference way."""


def detect_encoding(path: Path, start: int = None) -> str:
    """'utf-8-sig' when the whole file (or its first `start` bytes) decodes as UTF-8 (BOM or not), else
    'gb18030' (GBK's superset)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as raw:
        try:
            if start is not None:
                decoder.decode(raw.read(start))  # a character cut at the end is no error here
                return "utf-8-sig"
            while chunk := raw.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8-sig"


class Table:
    """One input file: `header` (list of column names) and `rows()` → (line number, cells)."""

    def __init__(self, path, encoding=None, sheet=None, header_row=None, guess=False):
        """With `guess`, a CSV file's encoding is told by its start when that is UTF-8, and the whole file is checked
        when a row is read the reference way (`rows`): the fast path reads the file as UTF-8 and checks it then,
        which saves decoding it twice (40–70 ms for 1M rows, measured). Either raises Unsuitable when it is not."""
        self.path = Path(path)
        if not self.path.is_file():
            fail("no-file", path=self.path)
        self.xlsx = self.path.suffix.lower() in (".xlsx", ".xlsm")
        self.sheet = sheet
        try:
            self.encoding = None if self.xlsx else (encoding or detect_encoding(self.path, START if guess else None))
        except OSError as error:
            fail("unreadable", path=self.path, reason=error.strerror)
        self.guessed = guess and not (self.xlsx or encoding) and self.encoding == "utf-8-sig"
        self.header_line, self.header = self._read_header(header_row)
        self.duplicates = _duplicates(self.header)

    def rows(self):
        """(line number in the file, cells, problem) for every non-blank row after the header.

        The problem is None, TOTAL for a total row, or an InputError. Short rows are padded; cells
        beyond the header are kept in the problem text, so that the output columns stay aligned and
        nothing is lost.
        """
        self.confirm()
        width = len(self.header)
        source = self._source()
        for line, _ in source:
            if line == self.header_line:
                break
        # CSV cells are text, so any() finds a non-blank row; xlsx cells may be 0, which is not blank.
        filled = _filled if self.xlsx else any
        for line, cells in source:
            if not filled(cells):
                continue
            if len(cells) <= width:
                cells = cells + [""] * (width - len(cells))
                yield line, cells, TOTAL if is_total_row(cells) else None
                continue
            extra = [c for c in cells[width:] if c not in (None, "")]
            yield line, cells[:width], _extra(cells, width, extra) if extra else (
                TOTAL if is_total_row(cells) else None)

    def confirm(self):
        """The whole file checked when its encoding was guessed from its start; Unsuitable when it is not UTF-8."""
        if self.guessed:
            if detect_encoding(self.path) != self.encoding:
                raise Unsuitable("not UTF-8 after its start")
            self.guessed = False

    def _source(self):
        return self._xlsx_rows() if self.xlsx else self._csv_rows()

    def _read_header(self, header_row) -> tuple:
        """(line, column names) of the header row."""
        source, top = self._source(), []
        for line, cells in source:
            if header_row is not None and line == header_row:
                top = [(line, cells)]
                break
            if header_row is None and _filled(cells):
                top.append((line, cells))
            if len(top) == HEADER_SEARCH or (header_row is not None and line > header_row):
                break
        source.close()
        if header_row is not None and not top:
            fail("no-row", path=self.path, row=header_row)
        if not top or not _filled(top[0][1]) and header_row is None:
            fail("empty-file", path=self.path)
        line, cells = top[0] if header_row is not None else top[header_position([c for _, c in top])]
        return line, ["" if c is None else str(c).strip() for c in cells]

    def _csv_rows(self):
        try:
            with open(self.path, encoding=self.encoding, newline="") as handle:
                reader = csv.reader(handle, delimiter=self.delimiter())
                for cells in reader:
                    yield reader.line_num, cells
        except UnicodeDecodeError:
            if self.guessed:
                raise Unsuitable("not UTF-8 after its start") from None
            fail("not-encoding", path=self.path, encoding=self.encoding)
        except LookupError:
            fail("unknown-encoding", path=self.path, encoding=self.encoding)
        except csv.Error as error:
            fail("not-csv", path=self.path, reason=error)
        except OSError as error:
            fail("unreadable", path=self.path, reason=error.strerror)

    def delimiter(self) -> str:
        # The header line decides: comma, semicolon (European Excel) or tab.
        with open(self.path, encoding=self.encoding, newline="") as handle:
            line = handle.readline()
        return max(",;\t", key=line.count)

    def _xlsx_rows(self):
        from openpyxl import load_workbook

        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            fail("not-xlsx", path=self.path, reason=type(error).__name__)
        try:
            sheet = book[self.sheet] if self.sheet else book.worksheets[0]
        except KeyError:
            fail("no-sheet", path=self.path, sheet=self.sheet, sheets=", ".join(book.sheetnames))
        try:
            for line, cells in enumerate(sheet.iter_rows(), start=1):
                yield line, [_value(c) for c in cells]
        finally:
            book.close()


def find_columns(table: Table, wanted: dict, mapping: dict, optional=()) -> dict:
    """field → column index. `wanted` gives each field's accepted names; `mapping` (--map) wins."""
    index = {name.strip().lower(): i for i, name in reversed(list(enumerate(table.header)))}
    found = {}
    for field, names in wanted.items():
        names = [mapping[field]] if field in mapping else [field, *names]
        hit = next((index[n.strip().lower()] for n in names if n.strip().lower() in index), None)
        if hit is not None:
            found[field] = hit
        elif field not in optional:
            shown = [repr(n) for n in names[:6]]
            fail("missing-column", language_of(table.header), path=table.path, column=names[0], field=field,
                 names=" or ".join(shown), names_zh=" 或 ".join(shown), header=", ".join(table.header))
    return found


def _extra(cells, width, extra) -> InputError:
    params = {"count": len(cells), "width": width, "cells": ", ".join(f'"{c}"' for c in extra)}
    return InputError(say("extra-cells", **params), "extra-cells", params)


def _value(cell):
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return percent_text(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def _duplicates(header) -> dict:
    """Each column name found more than once → its column numbers (1-based)."""
    seen = {}
    for i, name in enumerate(header, start=1):
        if name:
            seen.setdefault(name.lower(), []).append(i)
    return {header[c[0] - 1]: c for c in seen.values() if len(c) > 1}


def _filled(cells) -> bool:
    return any(c is not None and c != "" for c in cells)
