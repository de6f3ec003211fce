"""The file engine: stream every input row to the output, in order, with the calculator's columns
and an `error` column; count what happened; show progress on a terminal; end with a summary."""

import sys
import time
from collections import Counter

from .errors import InputError
from .output import format_of, open_writer

PROGRESS_EVERY = 25_000


class Summary:
    """Rows read, scored and with errors, a count per label (tier, class, stage…), extra lines."""

    def __init__(self, label_name: str):
        self.label_name = label_name
        self.read = self.scored = self.failed = 0
        self.labels = Counter()
        self.lines = []

    def text(self) -> str:
        parts = [f"rows read: {self.read}, scored: {self.scored}, with errors: {self.failed}"]
        if self.labels:
            counts = ", ".join(f"{k}: {v}" for k, v in sorted(self.labels.items(), key=lambda kv: str(kv[0])))
            parts.append(f"{self.label_name}: {counts}")
        return "\n".join(parts + self.lines)


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
    """Write every row of `table`; `row(cells)` returns (added values, label) or raises InputError."""
    writer = open_writer(out, table.header + added + ["error"], format_of(out, fmt))
    blank, progress, write = [""] * len(added), Progress(), writer.write
    try:
        for line, cells, problem in table.rows():
            summary.read += 1
            progress.tick(summary.read)
            if problem is None:
                try:
                    values, label = row(cells)
                except InputError as error:
                    problem = str(error)
                else:
                    summary.scored += 1
                    if label is not None:
                        summary.labels[label] += 1
                    write(cells + values + [""])
                    continue
            summary.failed += 1
            write(cells + blank + [f"line {line}: {problem}"])
    finally:
        progress.done()
        writer.close()
    return summary
