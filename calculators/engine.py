"""The fast path of file scoring: a polars lazy plan per piece of a CSV file (about 1 MB; 2 MB for `score`) reads its
rows, computes a calculator's columns (calculators/columns/), neutralises the cells and flags every
row it cannot settle exactly; only the flagged rows go through the calculator's pure-Python row
function before the piece is written, so the file is the reference's, byte for byte. Pieces, not
polars' streaming engine over the whole file: that maps the file and runs ahead of a slower writer,
and memory grew with the file's length (688 MB at 3M rows against 364 MB, measured).

A row is flagged when it may be a total row, has a cell that is not a plain number where a number is
wanted (86万, 12,5x, 22%, a space), a value out of range, or a result on a rounding edge. A file the
plan cannot read as the reference does (.xlsx, GBK, output that is not a CSV file, a cell holding a line
break, cells beyond the header) raises Unsuitable, before or while writing, and the command runs again
the reference way. polars rather than DuckDB: see README, "How a file is scored".
"""

import codecs
import csv
import io
from concurrent.futures import ThreadPoolExecutor

import polars as pl

from .batch import Progress, write_row
from .cells import _NUMERIC, is_total_row, safe_cell
from .io import TOTAL, Unsuitable
from .pieces import line_ends, pieces
from .rounding import exact_round

# Cells read beyond the header's width; a row with a filled one goes the reference way, whole file.
EXTRA = 4
# Text of these characters only is read alike by polars' cast and Python's float(), number or not, and
# polars' cast reads no other text as a finite number (tests/calculators/test_calc_engine.py tries both).
PLAIN = r"^[0-9.eE+\-]+$"
# Whatever cells.is_total_row may take for a total label (it removes whitespace first): a superset.
_SPACE = r"[\s\x1c-\x1f]*"
TOTAL_HINT = r"(?i)t" + _SPACE + "o" + _SPACE + "t" + _SPACE + "a" + _SPACE + "l|计"
# cells._RISKY as a regular expression; a risky cell with a character beyond ASCII goes the reference way
# (Python's \d and the regex crate's may differ on a digit of a newer Unicode).
RISKY = r"^[=+\-@\t\r]"
RISKY_WIDE = r"(?s)^[=+\-@\t\r].*[^\x00-\x7f]"
# A cell that puts its row in doubt: a total label, a line break (the file then goes the reference way),
# a risky cell beyond ASCII.
DOUBT = TOTAL_HINT + r"|[\r\n]|" + RISKY_WIDE
# A cell to look at again: one that may put its row in doubt or be neutralised. One search per cell of every
# row (each polars string search costs some 20–35 ms per 1M cells, whatever its pattern); DOUBT and RISKY only
# in the few rows it finds (`settle`).
ODD = TOTAL_HINT + r"|[\r\n]|" + RISKY
# cells._NUMERIC for a cell starting with a sign: the only risky cells it lets through.
SIGNED = _NUMERIC.pattern.replace("^[+-]?", "^[+-]")


def suitable(table, out, fmt: str) -> bool:
    utf8 = table.encoding and codecs.lookup(table.encoding).name in ("utf-8", "utf-8-sig")
    return bool(utf8) and out is not None and fmt == "csv"


def plain_number(name: str) -> tuple:
    """(value, ok) of a column of cells: ok where the cell is a plain, finite number (of PLAIN characters)."""
    value = pl.col(name).cast(pl.Float64, strict=False)
    return value, value.is_finite().fill_null(False)


def plain_numbers(columns: dict) -> tuple:
    """({name: value}, {name: ok}) for {name: column of cells}, to compute once, before the formulas."""
    pairs = {name: plain_number(column) for name, column in columns.items()}
    return ({name: v for name, (v, _) in pairs.items()}, {f"{name}_ok": ok for name, (_, ok) in pairs.items()})


def safe_text(cell: pl.Expr) -> pl.Expr:
    """cells.safe_cell as an expression (for cells without a character beyond ASCII after a risky start)."""
    return pl.when(cell.str.contains(RISKY) & ~cell.str.contains(SIGNED)).then("'" + cell).otherwise(cell)


def safe(cells: pl.Series) -> pl.Series:
    """cells.safe_cell on a column of text, in Python: for the rows in doubt."""
    return pl.Series(cells.name, [safe_cell(c) for c in cells], dtype=pl.String)


def cell_names(table) -> tuple:
    """(the header's columns, the extra columns) as named in a batch: c0, c1, …"""
    width = len(table.header)
    return [f"c{i}" for i in range(width)], [f"c{i}" for i in range(width, width + EXTRA)]


def read(table, clean=(), look=True, chunks=1, spans=None):
    """The file's non-blank rows after the header, piece by piece: (first and last line of the piece, a
    lazy frame of `line`, the cells c0, c1, … (text or null) and `_odd`), `_odd` true for a row that
    may be a total row, holds a line break or a risky cell, or has cells beyond the header (`settle`
    tells which of them are in doubt; not with `look` false, for a second pass told by the first: `Seen`).
    The `clean` columns are not looked at: a row goes the fast way only with a plain number or date in them (or a
    cell its plan searched). Pieces of `chunks` times CHUNK bytes, noted in `spans` or read from them (`pieces`)."""
    names, extra = cell_names(table)
    odd = _flagged(ODD, names, extra, clean)
    line_ends(table.path)
    schema = {n: pl.String for n in names + extra}
    for line, piece, count in pieces(table.path, table.header_line, chunks, spans):
        cells = pl.scan_csv(piece, has_header=False, separator=table.delimiter(), schema=schema,
                            missing_columns="insert", raise_if_empty=False)
        cells = (cells.with_row_index("line", offset=line)
                 .filter(pl.any_horizontal([pl.col(n) != "" for n in names + extra]).fill_null(False)))
        yield (line, line + count), cells.with_columns(_odd=odd) if look else cells


def _flagged(pattern: str, names: list, extra: list, clean) -> pl.Expr:
    """True for a row with a cell beyond the header or a cell outside `clean` that `pattern` finds."""
    return (pl.any_horizontal([pl.col(n).str.contains(pattern) for n in names if n not in clean] + [False]) |
            pl.any_horizontal([pl.col(n).is_not_null() for n in extra])).fill_null(False)


def settle(frame: pl.DataFrame, table, clean) -> pl.Series:
    """`_doubt` of a collected piece of `read`: its odd rows that may be a total row, hold a line break or a
    risky wide cell or have cells beyond the header, searched in the odd rows only."""
    odd = frame["_odd"]
    where = odd.arg_true()
    if not len(where):
        return odd.alias("_doubt")
    names, extra = cell_names(table)
    doubt = frame[where].select(_flagged(DOUBT, names, extra, clean)).to_series()
    return odd.scatter(where, doubt).alias("_doubt")


def collected(frame: pl.LazyFrame) -> pl.DataFrame:
    """The piece in memory: polars' default engine (streaming, in polars 2) costs more CPU on a piece of
    4 MB (RFM's join 35 ms in memory against 91 ms; the whole RFM run 18 % less CPU, measured)."""
    try:
        return frame.collect(engine="in-memory")
    except pl.exceptions.PolarsError as error:  # a row longer than the cells read, bad UTF-8…
        raise Unsuitable(str(error)) from None


def batches(table, clean=(), chunks=1, spans=None, **columns):
    """(first and last line, as `read` gives them) and each piece of `read`, with the named `columns`
    (expressions) computed and `_doubt` (`settle`), as a DataFrame: the next piece is computed while the caller
    works on the last (`ahead`), as in the second pass. Pieces and `spans` as `read`'s."""
    taken = []  # the lines of the pieces `ahead` has taken and not yet given: two at most

    def planned():
        for lines, cells in read(table, clean, chunks=chunks, spans=spans):
            taken.append(lines)
            yield cells.with_columns(**columns)

    for frame in ahead(planned()):
        yield taken.pop(0), frame.with_columns(settle(frame, table, clean))


def stream(table, out, header: list, row, summary, plan, progress: Progress):
    """Write every row of `table` under `header` as batch.stream does; `plan` gives the columns' formulas."""
    names, extra = cell_names(table)
    with open(out, "wb") as handle:
        handle.write(_header(header))
        for batch in ahead(_scored(table, plan, names, extra)):
            batch, columns = _settled(batch, table, plan.clean)
            frame = _batch(batch, columns, names, extra, plan.slow_row(row), summary, plan)
            frame.write_csv(handle, include_header=False, line_terminator="\r\n", quote_style="necessary")
            progress.tick(summary.read, force=True)
    plan.done()
    return summary


def _scored(table, plan, names: list, extra: list):
    """Each piece's lazy plan: the cells as read, the computed columns (of any row: `_batch` replaces those
    of the rows in doubt), `_ok` where the formulas settle the row, `_odd` (`read`), `error`."""
    computed = [*plan.types, *([plan.label] if plan.label and plan.label not in plan.types else [])]
    seen = plan.seen_first  # what a first pass saw (abc, rfm): its odd rows, no search again
    for lines, cells in read(table, plan.clean, seen is None, plan.chunks, seen and seen.spans):
        if seen is not None:
            cells = cells.with_columns(_odd=seen.among("odd", lines))
        frame, ok = plan.columns(cells, lines)
        yield (frame.with_columns(_ok=ok.fill_null(False), error=pl.lit(None, pl.String))
               .select("line", "_ok", "_odd", *names, *extra, *computed, "error", *plan.keep))


def _settled(batch: pl.DataFrame, table, clean) -> tuple:
    """(the batch with `ok`, the cells as written): `ok` where the formulas settle a row not in doubt
    (`settle`); the cells outside `clean` of an odd row so settled neutralised as a column (`safe_text`).
    The rows not `ok` are `_batch`'s."""
    names, _ = cell_names(table)
    ok = batch["_ok"] & ~settle(batch, table, clean)
    columns = {n: batch[n] for n in names}
    risky = (ok & batch["_odd"]).arg_true()
    if len(risky):
        made = batch[risky].select(safe_text(pl.col(n)).alias(n) for n in names if n not in clean)
        for name in made.columns:
            columns[name] = columns[name].scatter(risky, made[name])
    return batch.with_columns(ok=ok), columns


def ahead(frames):
    """The lazy frames collected, the next one in a thread while the caller works on the last (polars
    releases the GIL): the Python part of a piece overlaps the engine's work on the next."""
    with ThreadPoolExecutor(1) as pool:
        coming = None
        for frame in frames:
            following = pool.submit(collected, frame)
            if coming is not None:
                yield coming.result()
            coming = following
        if coming is not None:
            yield coming.result()


def slow_cells(frame: pl.DataFrame, names: list, extra: list):
    """(line, cells as the reference reads them) of rows of a batch; Unsuitable for a line break in a cell
    or cells beyond the header, which only the reference reads right."""
    for line, *cells in frame.select("line", *names, *extra).iter_rows():
        if any(c is not None and ("\n" in c or "\r" in c) for c in cells) or any(cells[len(names):]):
            raise Unsuitable("a cell with a line break or cells beyond the header")
        yield line, ["" if c is None else c for c in cells[:len(names)]]


def _batch(batch, written: dict, names: list, extra: list, row, summary, plan) -> pl.DataFrame:
    """One batch counted, its rows in doubt scored the reference way, as the frame to write; `written`: the
    cells to write (`_settled`)."""
    ok = batch["ok"]
    summary.read += len(batch)
    summary.scored += ok.sum()
    if plan.label:
        summary.labels.update(dict(batch[plan.label].filter(ok).drop_nulls().value_counts().iter_rows()))
    doubtful = ok.not_().arg_true()
    columns = written | {n: batch[n] for n in [*plan.types, "error"]}
    if len(doubtful):
        results = zip(*(_slow(line, cells, row, summary) for line, cells in slow_cells(batch[doubtful], names, extra)))
        for name, values in zip([*plan.types, "error"], results):
            columns[name] = columns[name].scatter(doubtful, pl.Series(name, values, columns[name].dtype))
        for name in names:
            cells = columns[name].gather(doubtful)
            if not (made := safe(cells)).equals(cells):  # most rows in doubt have nothing to neutralise
                columns[name] = columns[name].scatter(doubtful, made)
    plan.seen(batch.lazy().filter("ok"))  # after the rows in doubt, which the plan may have noted
    for name, (source, places) in plan.rounding.items():
        columns[name] = exact_round(columns[name], batch[source], places, ok)
    return pl.DataFrame(list(columns.values()))


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
