"""The fast path of file scoring: polars reads a CSV file in batches and a calculator's formulas run on
whole columns (calculators/columns/); every row the columns cannot settle exactly goes through the
calculator's pure-Python row function, so the file written is the reference's, byte for byte.

A row goes the reference way when it may be a total row, has a cell that is not a plain number where a
number is wanted (86万, 12,5x, 22%, a space), a value out of range, or a result on a rounding edge. A
file the columns cannot read as the reference does (.xlsx, GBK, output that is not a CSV file, a cell
holding a line break, cells beyond the header) raises Unsuitable, before or while writing, and the
command runs again the reference way. polars rather than DuckDB: measured alike on speed
(benchmarks/score_bench.py), and its expressions run per batch from Python, which the fallback needs.
"""

import codecs
import re
import csv
import io

import polars as pl

from .batch import Progress, Unsuitable, write_row
from .cells import is_total_row, safe_cell
from .io import TOTAL

# Bytes of the file per batch (about 100,000 rows of a customer file): memory stays flat.
CHUNK = 4 << 20
# Cells read beyond the header's width; a row with a filled one goes the reference way, whole file.
EXTRA = 4
# Text of these characters only is read alike by polars' cast and Python's float(), number or not
# (tests/test_calc_engine.py tries every such text up to 4 characters); cheaper than a number's pattern.
PLAIN = r"^[0-9.eE+\-]+$"
# Whatever cells.is_total_row may take for a total label (it removes whitespace first): a superset.
_SPACE = r"[\s\x1c-\x1f]*"
TOTAL_HINT = r"(?i)t" + _SPACE + "o" + _SPACE + "t" + _SPACE + "a" + _SPACE + "l|计"
# A cell that puts its row in doubt: a total label, or a line break (the file then goes the reference way).
DOUBT = TOTAL_HINT + r"|[\r\n]"
# The same on a piece of the file, as UTF-8 bytes: a piece without a match needs no look at its cells.
# Python's \s, which is_total_row removes, spelt out in UTF-8; a line break in a cell needs quotes
# (or a lone CR, a line end to Python's reader and none to polars').
_SPACE_BYTES = rb"(?:[\s\x1c-\x1f]|\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80)*"
PIECE_DOUBT = re.compile(rb"(?i)t" + _SPACE_BYTES + b"o" + _SPACE_BYTES + b"t" + _SPACE_BYTES + b"a" + _SPACE_BYTES +
                         rb"l|\xe8\xae\xa1|\"|\r(?!\n)")
# cells._RISKY as a regular expression.
RISKY = r"^[=+\-@\t\r]"


def suitable(table, out, fmt: str) -> bool:
    utf8 = table.encoding and codecs.lookup(table.encoding).name in ("utf-8", "utf-8-sig")
    return bool(utf8) and out is not None and fmt == "csv"


def plain_number(name: str) -> tuple:
    """(value, ok) of a column of cells: ok where the cell is a plain, finite number."""
    cell = pl.col(name)
    value = cell.cast(pl.Float64, strict=False)
    return value, (cell.str.contains(PLAIN) & value.is_finite()).fill_null(False)


def plain_numbers(columns: dict) -> tuple:
    """({name: value}, {name: ok}) for {name: column of cells}, to compute once, before the formulas."""
    pairs = {name: plain_number(column) for name, column in columns.items()}
    return ({name: v for name, (v, _) in pairs.items()}, {f"{name}_ok": ok for name, (_, ok) in pairs.items()})


def safe(cells: pl.Series) -> pl.Series:
    """cells.safe_cell on a column of text: the cells starting with a risky character through it."""
    risky = cells.str.contains(RISKY).fill_null(False).arg_true()
    if not len(risky):
        return cells
    return cells.scatter(risky, pl.Series([safe_cell(c) for c in cells.gather(risky)], dtype=pl.String))


def cell_names(table) -> tuple:
    """(the header's columns, the extra columns) as named in a batch: c0, c1, …"""
    width = len(table.header)
    return [f"c{i}" for i in range(width)], [f"c{i}" for i in range(width, width + EXTRA)]


def read(table):
    """The file's non-blank rows in batches: `line`, the cells c0, c1, … (text or null) and `_doubt`, true
    for a row that may be a total row, holds a line break in a cell or has cells beyond the header."""
    names, extra = cell_names(table)
    extra_cells = pl.any_horizontal([pl.col(n).is_not_null() for n in extra])
    doubt = (pl.any_horizontal([pl.col(n).str.contains(DOUBT) for n in names]) | extra_cells).fill_null(False)
    schema = {n: pl.String for n in names + extra}
    try:
        for line, piece in pieces(table.path, table.header_line):
            yield (pl.scan_csv(piece, has_header=False, separator=table.delimiter(), schema=schema,
                               missing_columns="insert", raise_if_empty=False)
                   .with_row_index("line", offset=line)
                   .filter(pl.any_horizontal([pl.col(n) != "" for n in names + extra]).fill_null(False))
                   .with_columns(_doubt=doubt if PIECE_DOUBT.search(piece) else extra_cells).collect())
    except pl.exceptions.PolarsError as error:  # a row longer than the cells read, bad UTF-8…
        raise Unsuitable(str(error)) from None


def stream(table, out, added: list, row, summary, plan, progress: Progress):
    """Write every row of `table` as batch.stream does; `plan` gives the columns' formulas."""
    names, extra = cell_names(table)
    computed = [*plan.types, *([plan.label] if plan.label and plan.label not in plan.types else [])]

    def scored(cells: pl.DataFrame) -> pl.DataFrame:
        ok, stages = plan.formulas(cells)
        return (cells.lazy().pipe(_staged, stages).with_columns(ok=ok & ~pl.col("_doubt"))
                .with_columns([pl.when(pl.col("ok")).then(pl.col(n)).alias(n) for n in computed] +
                              [pl.lit(None, pl.String).alias("error")])
                .select("line", "ok", *names, *extra, *computed, "error", *plan.keep).collect())

    with open(out, "wb") as handle:
        handle.write(_header(table.header + added + ["error"]))
        for cells in read(table):
            handle.write(_batch(scored(cells), names, extra, plan.slow_row(row), summary, plan))
            progress.tick(summary.read, force=True)
    plan.done()
    return summary


def slow_cells(frame: pl.DataFrame, names: list, extra: list):
    """(line, cells as the reference reads them) of rows of a batch; Unsuitable for a line break in a cell
    or cells beyond the header, which only the reference reads right."""
    for line, *cells in frame.select("line", *names, *extra).iter_rows():
        if any(c is not None and ("\n" in c or "\r" in c) for c in cells) or any(cells[len(names):]):
            raise Unsuitable("a cell with a line break or cells beyond the header")
        yield line, ["" if c is None else c for c in cells[:len(names)]]


def pieces(path, skip: int):
    """(line number of its first line, bytes) of a file in pieces of whole lines, CHUNK bytes or so each,
    after `skip` lines. A piece ends at a line end outside quotes (an even count of " before it), so no
    cell is cut; polars is handed one piece at a time, which keeps memory flat (a whole file it maps)."""
    with open(path, "rb") as handle:
        for _ in range(skip):
            handle.readline()
        line, rest = skip + 1, b""
        while block := handle.read(CHUNK):
            data = rest + block
            cut = _record_end(data)
            if cut:
                yield line, data[:cut]
                line += data.count(b"\n", 0, cut)
            rest = data[cut:]
        if rest:
            yield line, rest


def _record_end(data: bytes) -> int:
    """Where the last whole record of `data` ends: after a line end with an even count of " before it."""
    cut = data.rfind(b"\n") + 1
    quotes = data.count(b'"', 0, cut)
    while quotes % 2 and cut:
        earlier = data.rfind(b"\n", 0, cut - 1) + 1
        quotes -= data.count(b'"', earlier, cut)
        cut = earlier
    return cut


def _staged(frame, stages: list):
    for stage in stages:  # each stage's columns computed once, then named by the next
        frame = frame.with_columns(**stage)
    return frame


def _batch(batch, names: list, extra: list, row, summary, plan) -> bytes:
    """One batch counted, its rows in doubt scored the reference way, as CSV lines."""
    ok = batch["ok"]
    summary.read += len(batch)
    summary.scored += ok.sum()
    if plan.label:
        summary.labels.update(dict(batch[plan.label].drop_nulls().value_counts().iter_rows()))
    doubtful = ok.not_().arg_true()
    columns = {n: batch[n] for n in [*plan.types, "error"]}
    if len(doubtful):
        results = zip(*(_slow(line, cells, row, summary) for line, cells in slow_cells(batch[doubtful], names, extra)))
        for name, values in zip(columns, results):
            columns[name] = columns[name].scatter(doubtful, pl.Series(name, values, columns[name].dtype))
    plan.seen(batch.lazy().filter("ok"))  # after the rows in doubt, which the plan may have noted
    for name, (source, places) in plan.rounding.items():
        columns[name] = exact_round(columns[name], batch[source], places, ok)
    text = io.BytesIO()
    pl.DataFrame([safe(batch[n].clone()) for n in names] + list(columns.values())).write_csv(
        text, include_header=False, line_terminator="\r\n", quote_style="necessary")
    return text.getvalue()


def exact_round(rounded: pl.Series, values: pl.Series, places: int, ok: pl.Series) -> pl.Series:
    """`rounded` (polars' round of `values`) with Python's round(value, places) where a value is within
    a hair of a rounding half: polars rounds a decimal approximation (2.675 → 2.68), Python the exact
    binary value (2.67), and the reference writes Python's."""
    scaled = values * 10**places
    edges = (((scaled - scaled.floor()) - 0.5).abs() < 1e-6).fill_null(False) & ok
    where = edges.arg_true()
    if not len(where):
        return rounded
    return rounded.scatter(where, pl.Series([round(v, places) for v in values.gather(where)], dtype=pl.Float64))


def _slow(line: int, cells: list, row, summary) -> list:
    """One row the reference way: (added values, error), blanks as nulls for the typed columns."""
    problem = TOTAL if is_total_row(cells) else None
    return [None if v == "" else safe_cell(v) for v in write_row(line, cells, problem, row, summary)]


def _header(cells) -> bytes:
    """The header line as output.CsvWriter writes it, after the BOM."""
    text = io.StringIO()
    text.write("\ufeff")
    csv.writer(text).writerow([safe_cell(c) for c in cells])
    return text.getvalue().encode("utf-8")
