"""ABC classes as columns: a first pass ranks the values, then each row gets its class."""

import polars as pl

from .. import abc as abc_calc
from ..cells import is_total_row
from ..engine import batches, cell_names, plain_number, slow_cells
from ..seen import Seen
from ..errors import InputError, number
from ..columns.base import Columns, first_match, rounded


class AbcColumns(Columns):
    """cli.run_file: a first pass reads the value column in batches, the classes are computed as
    abc.classify_checked does (a stable sort, sums in its order), then each row is given its own."""

    types = {"share": pl.Float64, "cumulative": pl.Float64, "class": pl.String, "rank": pl.Int64}
    label = "class"
    keep = ["_share", "_cumulative"]
    rounding = {"share": ("_share", 4), "cumulative": ("_cumulative", 4)}

    def __init__(self, column: int, name: str, limits: tuple):
        self.column, self.name, self.limits = column, name, limits
        self.problems = {}
        self.clean = [f"c{column}"]

    def prepare(self, table) -> dict:
        """The first pass: every clean row's value, then the classes; {"value_share": …} for the summary."""
        names, extra = cell_names(table)
        value, good = plain_number(f"c{self.column}")
        found, self.seen_first, fast = [], Seen(), pl.col("_ok") & ~pl.col("_doubt")
        for frame in batches(table, self.clean, _v=value, _ok=good & (value >= 0)):
            self.seen_first.note(frame, fast)
            found.append(frame.select(pl.col("line", "_v").filter(fast)))  # not the cells
            slow = []
            for line, row in slow_cells(frame.filter(~fast), names, extra):
                if not is_total_row(row):
                    try:
                        slow.append((line, number(row[self.column], self.name, minimum=0)))
                    except InputError as error:
                        self.problems[line] = error
            found.append(pl.DataFrame(slow, schema={"line": pl.UInt32, "_v": pl.Float64}, orient="row"))
        self.seen_first.done()
        values = pl.concat(found).sort("line")
        found.clear()  # the pieces, once in `values`: 12 bytes a row less while the classes are computed
        return self._classify(values)

    def _classify(self, values: pl.DataFrame) -> dict:
        """Each value's unrounded share and cumulative share and its rank, in the file's order (the class and
        the rounding are computed per piece, from these): 24 bytes a row held between the passes."""
        v, (a, b), n = values["_v"], self.limits, len(values)
        # Stable (ties by row), highest first; -0.0 ties with 0.0 as in Python's sort. One key kept in order on
        # one thread: 0.12 s of CPU and 16 MB for 1M rows, against 0.15 s and 60 MB sorting by (key, row).
        ordered = pl.DataFrame({"_key": v + 0.0}).with_row_index("i").sort(
            "_key", descending=True, maintain_order=True, multithreaded=False)
        # Summed as sorted: adding 0.0 for -0.0 gives the same sums (no gather of `v`, held in the first pass's
        # pieces: 82 ms for 1M rows, measured).
        order, running = ordered["i"], ordered["_key"].cum_sum()
        del ordered  # each column is let go once used (`del`): at 10M rows each one is 40–80 MB
        total = running[-1] if n else 0.0
        if not n or total == 0:  # nothing to class, or the reference's error: its own words
            reference = abc_calc.classify_checked(v.to_list(), a, b)
            self.result = values.select("line").with_columns(
                **{k: pl.lit(None, t) for k, t in {"_share": pl.Float64, "_cumulative": pl.Float64,
                                                    "rank": pl.UInt32}.items()})
            return reference
        # Back in the file's order: each row's rank by a scatter (cheaper than a sort), the running shares by a gather
        # at the ranks (8 ms for 1M rows against 35–50 for a second scatter, measured).
        rank = pl.zeros(n, pl.UInt32, eager=True).scatter(order, pl.int_range(1, n + 1, dtype=pl.UInt32, eager=True))
        del order
        cumulative = (running / total * 100).gather(rank - 1)
        del running
        self.result = pl.DataFrame({"line": values["line"], "_share": v / total * 100, "_cumulative": cumulative,
                                    "rank": rank})
        in_a, in_b = cumulative <= a, cumulative <= b
        share = {}
        for c, inside in zip(abc_calc.CLASSES, (in_a, ~in_a & in_b, ~in_b)):  # summed in the file's order, as
            sums = v.filter(inside).cum_sum()  # the reference's sum() adds them (cum_sum is sequential)
            share[c] = (sums[-1] if len(sums) else 0) / total * 100
        return {"value_share": share}

    def columns(self, cells: pl.LazyFrame, lines: tuple) -> tuple:
        """Each row's share, cumulative share, class and rank by its line, from the first pass (the piece's
        lines only); the rounding of the shares is engine.stream's (`rounding`). A row is settled where the first
        pass settled it."""
        first, last = self.result["line"].search_sorted(pl.Series(lines, dtype=pl.UInt32)).to_list()
        found = cells.join(self.result[first:last + 1].lazy(), on="line", how="left", maintain_order="left")
        cumulative, (a, b) = pl.col("_cumulative"), self.limits
        found = found.with_columns(share=rounded(pl.col("_share"), 4)[0], cumulative=rounded(cumulative, 4)[0],
                                   rank=pl.col("rank").cast(pl.Int64),
                                   **{"class": first_match([(cumulative <= a, "A"), (cumulative <= b, "B")], "C")})
        return found, pl.col("rank").is_not_null() & ~self.seen_first.among("slow", lines)

    def slow_row(self, row):
        lines, (a, b) = self.result["line"], self.limits

        def looked_up(cells, line):
            if line in self.problems:
                raise self.problems[line]
            share, cumulative, rank = self.result.row(lines.search_sorted(line))[1:]
            label = "A" if cumulative <= a else ("B" if cumulative <= b else "C")
            return [round(share, 4), round(cumulative, 4), label, rank], label

        return looked_up
