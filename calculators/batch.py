"""The file engine: stream every input row to the output, in order, with the calculator's columns
and an `error` column; count what happened; show progress on a terminal; end with a summary.

Total and subtotal rows are written out, marked in the `error` column and never passed to the
calculator. Messages, labels and the summary are in the user's language (`lang`)."""

import sys
import time
from collections import Counter

from .errors import InputError
from .io import TOTAL
from .messages import say, word
from .output import format_of, open_writer

PROGRESS_EVERY = 25_000
# How many line numbers a summary line lists before "…".
LINES_SHOWN = 10


class Summary:
    """Rows read, scored and with errors, a count per label (tier, class, stage…), extra lines."""

    def __init__(self, label_name: str, lang: str = "en"):
        self.label_name, self.lang = label_name, lang
        self.read = self.scored = self.failed = 0
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
    """'\\r123,456 rows' on stderr every so often, only when stderr is a terminal."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.on = self.stream.isatty()
        self.start = time.monotonic()

    def tick(self, rows: int):
        if self.on and rows % PROGRESS_EVERY == 0:
            rate = rows / max(time.monotonic() - self.start, 1e-6)
            self.stream.write(f"\r{rows:,} rows ({rate:,.0f}/s)")
            self.stream.flush()

    def done(self):
        if self.on:
            self.stream.write("\r" + " " * 40 + "\r")


def stream(table, out, fmt, added: list, row, summary: Summary) -> Summary:
    """Write every row of `table`; `row(cells, line)` returns (added values, label) or raises InputError."""
    writer = open_writer(out, table.header + added + ["error"], format_of(out, fmt))
    blank, progress, write, lang = [""] * len(added), Progress(), writer.write, summary.lang
    try:
        for line, cells, problem in table.rows():
            summary.read += 1
            progress.tick(summary.read)
            if problem is TOTAL:
                summary.totals.append(line)
                write(cells + blank + [say("total-row", lang)])
                continue
            if problem is None:
                try:
                    values, label = row(cells, line)
                except InputError as error:
                    problem = error
                else:
                    summary.scored += 1
                    if label is not None:
                        summary.labels[label] += 1
                    write(cells + values + [""])
                    continue
            summary.failed += 1
            write(cells + blank + [say("line", lang, line=line, message=problem.text(lang))])
    finally:
        progress.done()
        writer.close()
    return summary
