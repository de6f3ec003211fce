"""Reading customer files as streams of rows: CSV in UTF-8 (with or without BOM) or GBK/GB18030,
and .xlsx through openpyxl's read-only mode. Nothing is held in memory but the current row."""

import codecs
import csv
from pathlib import Path

from .errors import InputError

CHUNK = 1 << 20


def detect_encoding(path: Path) -> str:
    """'utf-8-sig' when the whole file decodes as UTF-8 (BOM or not), else 'gb18030' (GBK's superset)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as raw:
        try:
            while chunk := raw.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8-sig"


class Table:
    """One input file: `header` (list of column names) and `rows()` → (line number, cells)."""

    def __init__(self, path, encoding=None, sheet=None):
        self.path = Path(path)
        if not self.path.is_file():
            raise InputError(f"{self.path}: no such file")
        self.xlsx = self.path.suffix.lower() in (".xlsx", ".xlsm")
        self.sheet = sheet
        try:
            self.encoding = None if self.xlsx else (encoding or detect_encoding(self.path))
        except OSError as error:
            raise InputError(f"{self.path}: cannot be read ({error.strerror})") from None
        self.header = self._read_header()

    def rows(self):
        """(line number in the file, cells, problem or None) for every non-blank row after the header.

        Short rows are padded; cells beyond the header are kept in the problem text, so that the
        output columns stay aligned and nothing is lost.
        """
        width = len(self.header)
        source = self._source()
        next(source, None)
        # CSV cells are text, so any() finds a non-blank row; xlsx cells may be 0, which is not blank.
        filled = _filled if self.xlsx else any
        for line, cells in source:
            if not filled(cells):
                continue
            if len(cells) <= width:
                yield line, cells + [""] * (width - len(cells)), None
                continue
            extra = [c for c in cells[width:] if c not in (None, "")]
            problem = (f"has {len(cells)} cells but the header has {width}; extra cells: "
                       + ", ".join(f'"{c}"' for c in extra)) if extra else None
            yield line, cells[:width], problem

    def _source(self):
        return self._xlsx_rows() if self.xlsx else self._csv_rows()

    def _read_header(self) -> list:
        source = self._source()
        first = next(source, None)
        source.close()
        if first is None or not _filled(first[1]):
            raise InputError(f"{self.path}: the file is empty; expected a header row and data rows")
        return ["" if c is None else str(c).strip() for c in first[1]]

    def _csv_rows(self):
        try:
            with open(self.path, encoding=self.encoding, newline="") as handle:
                reader = csv.reader(handle, delimiter=self._delimiter())
                for cells in reader:
                    yield reader.line_num, cells
        except UnicodeDecodeError:
            raise InputError(f"{self.path}: the file is not {self.encoding}; "
                             "expected UTF-8 or GBK, or pass --encoding") from None
        except LookupError:
            raise InputError(f"{self.path}: unknown encoding '{self.encoding}'; "
                             "expected one such as utf-8, gbk or gb18030") from None
        except csv.Error as error:
            raise InputError(f"{self.path}: cannot be read as CSV ({error})") from None
        except OSError as error:
            raise InputError(f"{self.path}: cannot be read ({error.strerror})") from None

    def _delimiter(self) -> str:
        # The header line decides: comma, semicolon (European Excel) or tab.
        with open(self.path, encoding=self.encoding, newline="") as handle:
            line = handle.readline()
        return max(",;\t", key=line.count)

    def _xlsx_rows(self):
        from openpyxl import load_workbook

        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise InputError(f"{self.path}: cannot be read as an Excel workbook ({type(error).__name__})") from None
        try:
            sheet = book[self.sheet] if self.sheet else book.worksheets[0]
        except KeyError:
            raise InputError(f"{self.path}: no sheet named '{self.sheet}'; expected one of: "
                             f"{', '.join(book.sheetnames)}") from None
        try:
            for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield line, list(cells)
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
            raise InputError(f"{table.path}: column '{names[0]}' is missing; expected a column named "
                             f"{' or '.join(repr(n) for n in names[:6])}, or --map {field}=YOUR_HEADER "
                             f"(the file has: {', '.join(table.header)})")
    return found


def _filled(cells) -> bool:
    return any(c is not None and c != "" for c in cells)
