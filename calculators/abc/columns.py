"""ABC classes as columns: a first pass ranks the values, then each row gets its class."""

import polars as pl

from .. import abc as abc_calc
from ..cells import is_total_row
from ..engine import batches, cell_names, plain_number, slow_cells
from ..seen import Seen
from ..errors import InputError, number
from ..columns.base import Columns, first_match, rounded


# Rows per step where a column of every row is divided or summed: its temporaries stay a few MB.
STEP = 1 << 20
# Values sorted at once (`_ranked`): polars' stable sort holds some 30 bytes a value while it runs, which was the
# peak of a long file. 10M rows (load 2–12): 413–432 MB in bands of 1M values, 461 MB of 2M, 585 MB in one sort, for
# about the same CPU (14.9–16.3 s against 15.3–17.6).
BAND = 1 << 20


class AbcColumns(Columns):
    """cli.run_file: a first pass reads the value column in batches, the classes are computed as
    abc.classify_checked does (a stable sort, sums in its order), then each row is given its own.

    Between the passes, 12 bytes a valued row: its rank (in the file's order) and the running sum at each rank; a
    row is known by its place among the file's non-blank rows (both passes read the same pieces), its share is
    computed again from its cell (the value of a row the first pass read the reference way is kept, in `slow`)."""

    types = {"share": pl.Float64, "cumulative": pl.Float64, "class": pl.String, "rank": pl.Int64}
    label = "class"
    keep = ["_share", "_cumulative"]
    rounding = {"share": ("_share", 4), "cumulative": ("_cumulative", 4)}
    chunks = 2

    def __init__(self, column: int, name: str, limits: tuple):
        self.column, self.name, self.limits = column, name, limits
        self.problems, self.slow, self.pieces = {}, {}, {}
        self.clean = [f"c{column}"]

    def prepare(self, table) -> dict:
        """The first pass: every row's value (null for none), then the classes; {"value_share": …} for the summary.
        A value plus 0.0: -0.0 ties with 0.0 in the sort, as in Python's, and sums alike."""
        names, extra = cell_names(table)
        value, good = plain_number(f"c{self.column}")
        found, valid, self.seen_first, fast = [], [], Seen(), pl.col("_ok") & ~pl.col("_doubt")
        start = valued = 0
        for (first, _), frame in batches(table, self.clean, self.chunks, self.seen_first.spans, _v=value + 0.0,
                                         _ok=good & (value >= 0)):
            self.seen_first.note(frame, fast)
            values, slow = frame.select(pl.when(fast).then(pl.col("_v")), ~fast).get_columns()
            where, places, read, lines = slow.arg_true().to_list(), [], [], []
            for k, (line, row) in zip(where, slow_cells(frame[where], names, extra) if where else ()):
                if not is_total_row(row):
                    try:
                        read.append(number(row[self.column], self.name, minimum=0))
                    except InputError as error:
                        self.problems[line] = error
                    else:
                        places.append(k)
                        lines.append(line)
            if places:  # each such row's value as read, and its place among the valued rows
                values = values.scatter(places, [x + 0.0 for x in read])
                before = values.is_not_null().cum_sum().gather(places) - 1
                self.slow.update(zip(lines, zip((valued + before).to_list(), read)))
            self.pieces[first] = (start, valued)
            found.append(values.drop_nulls())  # not the cells
            valid.append(values.is_not_null())
            start, valued = start + len(values), valued + len(found[-1])
        self.seen_first.done()
        self.valid = pl.concat(valid) if valid else pl.Series([], dtype=pl.Boolean)
        return self._classify(found)

    def _classify(self, found: list) -> dict:
        """Each valued row's rank, in the file's order, and the running sum at each rank, from the pieces' values. The
        class, the shares and their rounding are computed per piece, from these."""
        v = pl.concat(found, rechunk=False) if found else pl.Series([], dtype=pl.Float64)  # the pieces, not a copy
        found.clear()
        (a, b), n = self.limits, len(v)
        self.rank, self.running = _ranked(v)
        self.total = total = self.running[-1] if n else 0.0
        if not n or total == 0:  # nothing to class, or the reference's error: its own words
            self.rank, self.running = pl.Series([], dtype=pl.UInt32), pl.Series([], dtype=pl.Float64)
            return abc_calc.classify_checked(v.to_list(), a, b)
        # The cumulative share grows with the rank: a class is the ranks up to a count.
        last = [sum(int((_cumulative(part, total) <= limit).sum()) for part in _steps(self.running))
                for limit in (a, b)]
        share = dict.fromkeys(abc_calc.CLASSES, 0.0)
        for rank, value in zip(_steps(self.rank), _steps(v)):  # each value in the file's order, its class by its
            # rank, summed as the reference's sum() adds them (cum_sum is sequential)
            for c, (low, high) in zip(abc_calc.CLASSES, ((0, last[0]), (last[0], last[1]), (last[1], n))):
                picked = value.filter((rank > low) & (rank <= high))
                share[c] = pl.concat([pl.Series([share[c]]), picked]).cum_sum()[-1]
        return {"value_share": {c: v / total * 100 for c, v in share.items()}}

    def columns(self, cells: pl.LazyFrame, lines: tuple) -> tuple:
        """Each row's share (of its cell's value), cumulative share, class and rank by its place, from the first
        pass; the rounding of the shares is engine.stream's (`rounding`). A row is settled where the first pass
        settled it."""
        (start, valued), end = self.pieces[lines[0]], self.pieces.get(lines[1], (len(self.valid), 0))[0]
        valid = self.valid.slice(start, end - start)
        rank = self.rank.slice(valued, valid.sum())  # the piece's valued rows, in order
        if len(rank) < len(valid):  # null for the rows without a value
            rank = pl.repeat(None, len(valid), dtype=pl.UInt32, eager=True).scatter(valid.arg_true(), rank)
        value, _ = plain_number(f"c{self.column}")
        found = cells.with_columns(rank=pl.lit(rank), _cumulative=pl.lit(_cumulative(self.running.gather(rank - 1),
                                                                                      self.total)),
                                   _share=value / pl.lit(_repeat(self.total, len(valid))) * 100)
        cumulative, (a, b) = pl.col("_cumulative"), self.limits
        found = found.with_columns(share=rounded(pl.col("_share"), 4)[0], cumulative=rounded(cumulative, 4)[0],
                                   rank=pl.col("rank").cast(pl.Int64),
                                   **{"class": first_match([(cumulative <= a, "A"), (cumulative <= b, "B")], "C")})
        return found, pl.col("rank").is_not_null() & ~self.seen_first.among("slow", lines)

    def slow_row(self, row):
        (a, b), total = self.limits, self.total

        def looked_up(cells, line):
            if line in self.problems:
                raise self.problems[line]
            place, value = self.slow[line]
            rank = self.rank[place]
            cumulative = self.running[rank - 1] / total * 100
            label = "A" if cumulative <= a else ("B" if cumulative <= b else "C")
            return [round(value / total * 100, 4), round(cumulative, 4), label, rank], label

        return looked_up


def _ranked(v: pl.Series) -> tuple:
    """(each value's rank, in v's order, and the running sum at each rank) as one stable sort, highest first, gives
    them for finite values: sorted a band of values at a time, the highest first (a band holds all of its values'
    ties, in v's order), its running sums seeded with the last band's end. One key kept in order on one thread: 0.12
    s of CPU and 16 MB for 1M rows, against 0.15 s and 60 MB sorting by (key, row)."""
    rank, running, done = pl.zeros(len(v), pl.UInt32, eager=True), pl.zeros(len(v), pl.Float64, eager=True), 0
    for band in _bands(v):
        part = (pl.DataFrame({"_key": v}).with_row_index("i") if band is None else
                pl.DataFrame({"_key": v.filter(band), "i": band.arg_true()})).sort(
            "_key", descending=True, maintain_order=True, multithreaded=False)
        places = pl.int_range(done, done + len(part), dtype=pl.UInt32, eager=True)
        rank.scatter(part["i"], places + 1)  # in place, as the sums: no copy of either
        keys = part["_key"]
        del part
        seed = pl.Series([running[done - 1]] if done else [], dtype=pl.Float64)
        running.scatter(places, pl.concat([seed, keys]).cum_sum().slice(len(seed)))
        done += len(keys)
    return rank, running


def _bands(v: pl.Series):
    """Masks of v's values by range, the highest first, about BAND values each (cut at values of a sample of v);
    None for all of them in one."""
    count = -(-len(v) // BAND)
    if count <= 1:
        yield None
        return
    sample = v.gather_every(max(len(v) // 4096, 1)).sort(descending=True)
    cuts = sorted({sample[len(sample) * k // count] for k in range(1, count)}, reverse=True)
    every = pl.repeat(True, len(v), eager=True)
    for high, low in zip([None, *cuts], [*cuts, None]):
        yield (every if high is None else v < high) & (every if low is None else v >= low)


def _cumulative(running: pl.Series, total: float) -> pl.Series:
    """running / total * 100 as Python computes it: divided by a column (by a number polars multiplies by its
    inverse, which may differ in the last bit)."""
    return running / _repeat(total, len(running)) * 100


def _steps(column: pl.Series):
    return (column.slice(at, STEP) for at in range(0, len(column), STEP))


def _repeat(total: float, n: int) -> pl.Series:
    return pl.repeat(total, n, dtype=pl.Float64, eager=True)
