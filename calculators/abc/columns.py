"""ABC classes as columns: a first pass ranks the values, then each row gets its class."""

import polars as pl

from .. import abc as abc_calc
from ..cells import is_total_row
from ..engine import batches, cell_names, plain_number, slow_cells
from ..seen import Seen
from ..errors import InputError, number
from ..columns.base import Columns, first_match, rounded
from . import spilled
from .ranks import Held, add_in_order, cumulative, ranked, repeat, steps


class AbcColumns(Columns):
    """cli.run_file: a first pass reads the value column in batches, the classes are computed as
    abc.classify_checked does (a stable sort, sums in its order), then each row is given its own.

    Between the passes, a valued row's rank (in the file's order) and the running sum at each rank: 12 bytes a row
    in memory (ranks.Held) or, past ranks.HELD bands of values, in a temporary folder (spilled.py) that `close()`
    removes, read back piece by piece; a row is known by its place among the file's non-blank rows (both passes
    read the same pieces), its share is computed again from its cell (the value of a row the first pass read the
    reference way is kept, in `slow`, by piece)."""

    types = {"share": pl.Float64, "cumulative": pl.Float64, "class": pl.String, "rank": pl.Int64}
    label = "class"
    keep = ["_share", "_cumulative"]
    rounding = {"share": ("_share", 4), "cumulative": ("_cumulative", 4)}
    chunks = 2

    def __init__(self, column: int, name: str, limits: tuple):
        self.column, self.name, self.limits = column, name, limits
        self.slow, self.pieces, self.looked = {}, {}, {}
        self.values = spilled.Values()
        self.clean = [f"c{column}"]

    def prepare(self, table) -> dict:
        """The first pass: every row's value (null for none), then the classes; {"value_share": …} for the summary.
        A value plus 0.0: -0.0 ties with 0.0 in the sort, as in Python's, and sums alike."""
        names, extra = cell_names(table)
        value, good = plain_number(f"c{self.column}")
        valid, self.seen_first, fast = [], Seen(), pl.col("_ok") & ~pl.col("_doubt")
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
                    except InputError:  # raised again by `slow_row`: 2.4 KB an error held (its context's frames)
                        continue
                    places.append(k)
                    lines.append(line)
            if places:  # each such row's value as read, and its place among the valued rows
                values = values.scatter(places, [x + 0.0 for x in read])
                before = values.is_not_null().cum_sum().gather(places) - 1
                self.slow[first] = dict(zip(lines, zip((valued + before).to_list(), read)))
            self.pieces[first] = (start, valued)
            self.values.add(values.drop_nulls())  # not the cells
            valid.append(values.is_not_null())
            start, valued = start + len(values), self.values.count
        self.seen_first.done()
        self.valid = pl.concat(valid) if valid else pl.Series([], dtype=pl.Boolean)
        found = self.values.done()
        result = self._spilled() if self.values.spill else self._classify(found)
        self.totals = repeat(self.total, max(len(v) for v in valid) if valid else 0)  # sliced for each piece
        return result

    def _spilled(self) -> dict:
        self.ranks, self.total, share = spilled.classify(self.values, self.limits)
        if not self.total:  # all zeros: the reference's error, in its own words
            abc_calc.classify_checked([0.0], *self.limits)
        return {"value_share": {c: v / self.total * 100 for c, v in share.items()}}

    def _classify(self, found: list) -> dict:
        """Each valued row's rank, in the file's order, and the running sum at each rank, from the pieces' values. The
        class, the shares and their rounding are computed per piece, from these."""
        v = pl.concat(found, rechunk=False) if found else pl.Series([], dtype=pl.Float64)  # the pieces, not a copy
        found.clear()
        (a, b), n = self.limits, len(v)
        rank, running = ranked(v)
        self.total = total = running[-1] if n else 0.0
        if not n or total == 0:  # nothing to class, or the reference's error: its own words
            self.ranks = Held(pl.Series([], dtype=pl.UInt32), pl.Series([], dtype=pl.Float64))
            return abc_calc.classify_checked(v.to_list(), a, b)
        self.ranks = Held(rank, running)
        # The cumulative share grows with the rank: a class is the ranks up to a count.
        last = [sum(int((cumulative(part, total) <= limit).sum()) for part in steps(running)) for limit in (a, b)]
        share = dict.fromkeys(abc_calc.CLASSES, 0.0)
        for rank, value in zip(steps(rank), steps(v)):  # each value in the file's order, its class by its rank
            for c, (low, high) in zip(abc_calc.CLASSES, ((0, last[0]), (last[0], last[1]), (last[1], n))):
                share[c] = add_in_order(share[c], value.filter((rank > low) & (rank <= high)))
        return {"value_share": {c: v / total * 100 for c, v in share.items()}}

    def columns(self, cells: pl.LazyFrame, lines: tuple) -> tuple:
        """Each row's share (of its cell's value), cumulative share, class and rank by its place, from the first
        pass; the rounding of the shares is engine.stream's (`rounding`). A row is settled where the first pass
        settled it. Computed in the piece's plan, which the engine collects in its thread while this one writes the
        last piece: this thread's CPU here at 1M rows 0.02–0.03 s, against 0.05–0.07 computing them as Series
        (each piece's columns with nulls scattered in, the total repeated twice a piece; measured)."""
        (start, valued), end = self.pieces[lines[0]], self.pieces.get(lines[1], (len(self.valid), 0))[0]
        valid = self.valid.slice(start, end - start)
        rank, running = self.ranks.take(valued, valid.sum())  # the piece's valued rows, in order
        self._look_up(lines[0], valued, rank, running)
        short, rank, running = len(rank) < len(valid), pl.lit(rank), pl.lit(running)
        if short:  # null for the rows without a value: each other row's place among the valued
            at = pl.when(pl.lit(valid)).then(pl.lit(valid).cum_sum() - 1)
            rank, running = rank.gather(at), running.gather(at)
        value, _ = plain_number(f"c{self.column}")
        total = pl.lit(self.totals.slice(0, len(valid)))  # running / total as ranks.cumulative divides it
        share, (a, b) = pl.col("_cumulative"), self.limits
        found = cells.with_columns(rank=rank.cast(pl.Int64), _cumulative=running / total * 100,
                                   _share=value / total * 100)
        found = found.with_columns(share=rounded(pl.col("_share"), 4)[0], cumulative=rounded(share, 4)[0],
                                   **{"class": first_match([(share <= a, "A"), (share <= b, "B")], "C")})
        return found, pl.col("rank").is_not_null() & ~self.seen_first.among("slow", lines)

    def slow_row(self, row):
        (a, b), total = self.limits, self.total

        def looked_up(cells, line):
            if line not in self.looked:  # a value the first pass could not read: its error
                number(cells[self.column], self.name, minimum=0)
            value, rank, running = self.looked.pop(line)
            share = running / total * 100
            label = "A" if share <= a else ("B" if share <= b else "C")
            return [round(value / total * 100, 4), round(share, 4), label, rank], label

        return looked_up

    def _look_up(self, first: int, valued: int, rank: pl.Series, running: pl.Series):
        """The rank and running sum of the piece's rows read the reference way, for `slow_row` (which the engine
        calls for a piece after this for the next: `looked` holds two pieces' at most)."""
        for line, (place, value) in self.slow.pop(first, {}).items():
            self.looked[line] = value, rank[place - valued], running[place - valued]

    def close(self):
        """The temporary folder removed, if the values went to one: run_file's `finally`."""
        self.values.close()


