"""The pipeline as columns: each deal's probability and weighted amount, the roll-up deal by deal."""

import polars as pl

from ..engine import ODD, plain_numbers
from ..errors import InputError
from ..pipeline import NONE
from ..columns.base import Columns, rounded


class PipelineColumns(Columns):
    """cli.run_file: each deal's probability and weighted amount, and the roll-up, summed deal by deal
    in line order as pipeline.Rollup does (a sum seeded with the running total, so not a bit differs)."""

    types = {"probability": pl.Float64, "weighted": pl.Float64}
    label = "_label"
    keep = ["_amount", "_weighted", "_stage", "_person", "_region"]
    rounding = {"weighted": ("_weighted", 2)}

    def __init__(self, rollup, deal, titles: dict, amount: int, stage: int, person, region):
        self.rollup, self.deal, self.titles = rollup, deal, titles
        self.amount, self.stage, self.person, self.region = amount, stage, person, region
        self.pending = []
        self.clean = [f"c{amount}", f"c{stage}"]  # the stage cells `_indices` looks at itself

    def formulas(self) -> tuple:
        keys = list(self.rollup.stages.probability)
        labels = [self.titles.get(k, k) for k in keys]
        values, oks = plain_numbers({"_amount": f"c{self.amount}"})
        index = pl.col(f"c{self.stage}").map_batches(self._indices, pl.UInt32, is_elementwise=True)

        def of(items: list, dtype) -> pl.Expr:  # each row's item at its stage's place: a gather, not a join
            return pl.lit(pl.Series(items, dtype=dtype)).gather(pl.col("_index"))

        weighted, _ = rounded(pl.col("_weighted"), 2)
        ok = pl.col("_amount_ok") & (pl.col("_amount") >= 0) & pl.col("_index").is_not_null()
        return ok, [{**values, **oks, "_index": index, "_person": self._text(self.person),
                     "_region": self._text(self.region)},
                    {"_stage": of(keys, pl.String),
                     "_probability": of([self.rollup.stages.probability[k] for k in keys], pl.Float64)},
                    {"_weighted": pl.col("_amount") * pl.col("_probability")},
                    {"probability": pl.col("_probability"), "weighted": weighted,
                     "_label": of(labels, pl.Enum(list(dict.fromkeys(labels))))}]  # counted as numbers

    def _indices(self, cells: pl.Series) -> pl.Series:
        """Each cell's stage, as its place among the stages, read as the reference does (a few distinct names),
        null for one it rejects: one join of the cells, then gathers (two joins on the key cost 1-2 ms more a
        piece of 31,000 deals). Null too for a name the cells' search would find (engine.ODD: a total label, a line
        break, a risky start such as a tab before "won"), so the reference takes its row: the search of the few
        names, not of every cell (about 50 ms per 1M rows)."""
        places, keys = {}, {k: i for i, k in enumerate(self.rollup.stages.probability)}
        names = cells.unique().drop_nulls()
        for text in names.filter(~names.str.contains(ODD)).to_list():
            try:
                places[text] = keys[self.rollup.stages.key(text)]
            except InputError:
                pass
        return cells.replace_strict(places, default=None, return_dtype=pl.UInt32)

    @staticmethod
    def _text(column) -> pl.Expr:
        return pl.col(f"c{column}").fill_null("") if column is not None else pl.lit("")

    def slow_row(self, row):
        def noted(cells, line):  # the reference's row, its deal noted for the roll-up in line order
            amount, stage, person, region = self.deal(cells)
            probability = self.rollup.stages.probability[stage]
            weighted = amount * probability
            self.pending.append((line, amount, weighted, stage, person, region))
            return [probability, round(weighted, 2)], self.titles.get(stage, stage)

        return noted

    def seen(self, fast: pl.LazyFrame):
        deals = pl.concat([fast.select("line", *self.keep).collect(engine="in-memory"),
                           pl.DataFrame(self.pending, schema={"line": pl.UInt32, **dict.fromkeys(self.keep[:2], pl.Float64),
                                                              **dict.fromkeys(self.keep[2:], pl.String)}, orient="row")])
        if self.pending:  # the fast rows are in line order
            deals = deals.sort("line")
        self.pending = []
        by = self.rollup.by
        for buckets, key in ((by["stage"], pl.col("_stage")), (by["salesperson"], _named(pl.col("_person"))),
                             (by["region"], _named(pl.col("_region")))):
            _add(buckets, deals, key)
        total = self.rollup.total  # one bucket: a running sum, no group-by (about 1 ms a piece less)
        for name, column in (("amount", "_amount"), ("weighted", "_weighted")):
            total[name] = pl.concat([pl.Series([total[name]]), deals[column]]).cum_sum()[-1]
        total["deals"] += len(deals)


def _named(text: pl.Expr) -> pl.Expr:
    return pl.when(text == "").then(pl.lit(NONE)).otherwise(text)


def _add(buckets: dict, deals: pl.DataFrame, key: pl.Expr):
    """Each deal's amount and weighted amount added to its bucket one after the other, as Rollup.add does:
    a running sum (cum_sum is sequential) that starts from the bucket's value, the bucket's first row. Both sums
    in one expression and the deals counted by the group's length, not a column of ones (1M deals: 0.20-0.39 s
    of CPU against 0.23-0.44)."""
    seeds = pl.DataFrame({"key": list(buckets), "amount": [b["amount"] for b in buckets.values()],
                          "weighted": [b["weighted"] for b in buckets.values()]},
                         schema={"key": pl.String, "amount": pl.Float64, "weighted": pl.Float64})
    rows = deals.select(key.alias("key"), pl.col("_amount").alias("amount"), pl.col("_weighted").alias("weighted"))
    sums = pl.concat([seeds, rows]).group_by("key", maintain_order=True).agg(
        pl.col("amount", "weighted").cum_sum().last(), pl.len())
    for name, amount, weighted, count in sums.iter_rows():
        bucket = buckets.setdefault(name, {"deals": 1})  # a new bucket has no seed row to discount
        bucket.update(deals=bucket["deals"] + count - 1, amount=amount, weighted=weighted)
