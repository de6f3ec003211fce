"""The file engine: stream every input row to the output, in order, with the calculator's columns
and an `error` column; count what happened; show progress on a terminal; end with a summary.

Total and subtotal rows are written out, marked in the `error` column and never passed to the
calculator. Messages, labels and the summary are in the user's language (`lang`)."""

import sys
import time
from collections import Counter

from .errors import InputError
from .io import TOTAL
from .messages import column_names, say, word
from .output import format_of, open_writer

PROGRESS_EVERY = 25_000
# How many line numbers a summary line lists before "…".
LINES_SHOWN = 10


class Summary:
    """Rows read, scored and with errors, a count per label (tier, class, stage…), extra lines."""

    def __init__(self, label_name: str, lang: str = "en"):
        self.label_name, self.lang = label_name, lang
        self.read = self.scored = self.failed = 0
        self.width = 0  # how many values a row gets, so a row in error gets as many blanks
        self.labels = Counter()
        self.totals = []
        self.lines = []

    def say(self, code: str, **params):
        self.lines.append(say(code, self.lang, **params))

    def text(self) -> str:
        parts = [say("summary", self.lang, read=self.read, scored=self.scored, failed=self.failed)]
        if self.labels:
            counts = ", ".join(f"{k}: {v}" for k, v in sorted(self.labels.items(), key=lambda kv: str(kv[0])))
            parts.append(f"{word(self.label_name, self.lang)}: {counts}")
        if self.totals:
            parts.append(say("summary-totals", self.lang, count=len(self.totals), lines=line_list(self.totals)))
        return "\n".join(parts + self.lines)


def line_list(lines) -> str:
    shown = ", ".join(str(n) for n in lines[:LINES_SHOWN])
    return shown + (", …" if len(lines) > LINES_SHOWN else "")


def describe(table, summary: Summary):
    """Summary lines about the file itself: a title above the header, duplicated column names."""
    if table.header_line > 1:
        summary.say("summary-title", line=table.header_line)
    for name, columns in table.duplicates.items():
        summary.say("summary-duplicate", name=f"'{name}'", columns=", ".join(map(str, columns)))


class Progress:
    """A bar on stderr ('\\r[#####     ] 52% 123,456 rows'), every so often, when stderr is a terminal or
    `shown` says so; `expected` rows (an estimate) fills the bar."""

    def __init__(self, stream=None, expected: int = 0, shown: bool = None):
        self.stream = stream or sys.stderr
        self.on = self.stream.isatty() if shown is None else shown
        self.start, self.expected = time.monotonic(), expected

    def tick(self, rows: int, force: bool = False):
        if self.on and (force or rows % PROGRESS_EVERY == 0):
            rate = rows / max(time.monotonic() - self.start, 1e-6)
            share = min(rows / self.expected, 0.99) if self.expected else 0
            bar = f"[{'#' * round(20 * share):<20}] {share:4.0%} " if self.expected else ""
            self.stream.write(f"\r{bar}{rows:,} rows ({rate:,.0f}/s)")
            self.stream.flush()

    def done(self):
        if self.on:
            self.stream.write("\r" + " " * 60 + "\r")


def write_row(line: int, cells: list, problem, row, summary: Summary) -> list:
    """The added values and the error cell of one row (a total row, a row with a problem or one that
    `row(cells, line)` scores or rejects), counted in `summary` but for `read`."""
    if problem is TOTAL:
        summary.totals.append(line)
        return [""] * summary.width + [say("total-row", summary.lang)]
    if problem is None:
        try:
            values, label = row(cells, line)
        except InputError as error:
            problem = error
        else:
            summary.scored += 1
            if label is not None:
                summary.labels[label] += 1
            return values + [""]
    summary.failed += 1
    return [""] * summary.width + [say("line", summary.lang, line=line, message=problem.text(summary.lang))]


def expected_rows(table) -> int:
    """About how many rows a CSV file has, from the length of its first lines; 0 for .xlsx."""
    if table.xlsx:
        return 0
    with open(table.path, "rb") as handle:
        head = handle.read(1 << 16)
    return round(table.path.stat().st_size / max(len(head) / max(head.count(b"\n"), 1), 1))


def fast_way(table, out, fmt, plan):
    """`plan` when the file goes the fast way (calculators/engine.py), else None."""
    if plan is None:
        return None
    from . import engine

    return plan if engine.suitable(table, out, format_of(out, fmt)) else None


def stream(table, out, fmt, added: list, row, summary: Summary, plan=None, shown=None) -> Summary:
    """Write every row of `table`; `row(cells, line)` returns (added values, label) or raises InputError.

    With `plan` (the formulas as columns, calculators/columns/) a CSV file goes the fast way
    (calculators/engine.py), which may raise io.Unsuitable; the caller then runs without a plan."""
    summary.width, fmt = len(added), format_of(out, fmt)
    header = table.header + column_names(added, summary.lang)
    progress = Progress(expected=expected_rows(table), shown=shown)
    try:
        if fast_way(table, out, fmt, plan):
            from . import engine

            return engine.stream(table, out, header, row, summary, plan, progress)
        table.confirm()  # before a line is written
        writer = open_writer(out, header, fmt)
        try:
            for line, cells, problem in table.rows():
                summary.read += 1
                progress.tick(summary.read)
                writer.write(cells + write_row(line, cells, problem, row, summary))
        finally:
            writer.close()
    finally:
        progress.done()
    return summary
