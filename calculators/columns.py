"""The file calculators' formulas as polars expressions over a batch of cells, for calculators/engine.py.

Each plan mirrors its calculator's pure-Python row function step for step, in the same floating-point
order, and marks `ok` only the rows it settles exactly; the others go through that row function.
tests/test_calc_engine.py proves both write the same file. Cells are the columns c0, c1, … (text).
"""

import polars as pl

from . import abc as abc_calc
from .cells import is_total_row, safe_cell
from .engine import cell_names, plain_number, plain_numbers, read, slow_cells
from .errors import InputError, number
from .pipeline import NONE
from .rfm import Totals

# A result this close to a rounding half goes the reference way: polars rounds the binary value's
# decimal approximation, Python's round() the exact binary value (2.675 → 2.67).
HALF_EDGE = 1e-6


def rounded(value: pl.Expr, places: int) -> tuple:
    """(value rounded as round(value, places) does, ok where that is certain)."""
    scaled = value * 10**places
    edge = ((scaled - scaled.floor()) - 0.5).abs() < HALF_EDGE
    return value.round(places), ~edge.fill_null(True)


def first_match(cases, default) -> pl.Expr:
    """pl.when(c1).then(v1).when(c2).then(v2)… otherwise `default`."""
    chain = pl
    for condition, value in cases:
        chain = chain.when(condition).then(pl.lit(value))
    return chain.otherwise(pl.lit(default)) if cases else pl.lit(default)


class Columns:
    """What engine.stream asks of a plan: `types` of the added columns (in order), the `label` column
    counted in the summary, `formulas(cells)` → (ok, [stages of named expressions]), the `keep`
    columns `seen` reads; `slow_row(row)`, the row function for the rows in doubt; `seen(fast rows)`
    after each batch and `done()` at the end."""

    label = None
    keep = []
    rounding = {}  # output column → (its unrounded column, places): Python's round() where on an edge

    def prepare(self, table):
        """A first pass over the file, for a calculator that needs every row before it can score one."""

    def slow_row(self, row):
        return row

    def seen(self, fast: pl.LazyFrame):
        pass

    def done(self):
        pass


class ScoreColumns(Columns):
    """runners.score: a weighted scorecard's score and tier, and its share-or-percent watchers."""

    label = "tier"
    types = {"score": pl.Float64, "tier": pl.String}
    rounding = {"score": ("_total", 2)}

    def __init__(self, scorer, index: list, titles: dict, watch: list):
        self.scorer, self.index, self.titles, self.watch = scorer, index, titles, watch

    def formulas(self, cells=None) -> tuple:
        s = self.scorer
        values, oks = plain_numbers({f"_v{k}": f"c{i}" for k, i in enumerate(self.index)})
        ok, weighted, offset = pl.lit(True), pl.lit(0.0), s.lo if s.card.normalise else 0.0
        for k, (w, breaks, scores, negative, _, _) in enumerate(s.plan):
            value, good = pl.col(f"_v{k}"), pl.col(f"_v{k}_ok")
            if not negative:
                good = good & (value >= 0)
            if breaks:
                points = first_match([(value >= b, p) for b, p in reversed(list(zip(breaks, scores[1:])))],
                                     scores[0])
            else:
                good, points = good & (value >= s.lo) & (value <= s.hi), value
            ok = ok & good
            weighted = weighted + w * (points - offset)
        total = 100 * weighted / s.span if s.card.normalise else weighted
        score, _ = rounded(pl.col("_total"), 2)
        tier = first_match([(pl.col("_total") >= minimum, safe_cell(self.titles[key])) for minimum, key in s.tiers],
                           None)
        return ok, [{**values, **oks}, {"_total": total}, {"score": score, "tier": tier}]

    @property
    def keep(self) -> list:
        """Columns `seen` and the rounding read besides the cells."""
        return ["_total"] + [f"_v{k}" for k, _ in self.watch]

    def seen(self, fast: pl.LazyFrame):
        """The watchers see the rows scored the fast way: plain numbers, so a share is 0 < |v| < 1."""
        for k, watcher in self.watch:
            value = pl.col(f"_v{k}")
            for kind, rows in (("share", (value.abs() < 1) & (value != 0)), ("percent", value.abs() >= 1)):
                picked = fast.filter(rows).head(watcher.KEEP).select("line", f"c{self.index[k]}").collect()
                watcher.add(kind, list(picked.iter_rows()))


class PipelineColumns(Columns):
    """runners.pipeline: each deal's probability and weighted amount, and the roll-up, summed deal by deal
    in line order as pipeline.Rollup does (a sum seeded with the running total, so not a bit differs)."""

    types = {"probability": pl.Float64, "weighted": pl.Float64}
    label = "_label"
    keep = ["_amount", "_weighted", "_stage", "_person", "_region"]
    rounding = {"weighted": ("_weighted", 2)}

    def __init__(self, rollup, deal, titles: dict, amount: int, stage: int, person, region):
        self.rollup, self.deal, self.titles = rollup, deal, titles
        self.amount, self.stage, self.person, self.region = amount, stage, person, region
        self.pending = []

    def formulas(self, cells: pl.DataFrame) -> tuple:
        stages = self.rollup.stages
        keys = {}
        for text in cells[f"c{self.stage}"].unique().to_list():  # a few distinct names: read as the reference does
            try:
                keys[text] = stages.key(text)
            except InputError:
                pass
        values, oks = plain_numbers({"_amount": f"c{self.amount}"})
        stage = pl.col(f"c{self.stage}").replace_strict(keys, default=None, return_dtype=pl.String)
        probability = pl.col("_stage").replace_strict(stages.probability, default=None, return_dtype=pl.Float64)
        weighted, _ = rounded(pl.col("_weighted"), 2)
        label = pl.col("_stage").replace_strict({k: self.titles.get(k, k) for k in stages.probability},
                                                default=None, return_dtype=pl.String)
        ok = pl.col("_amount_ok") & (pl.col("_amount") >= 0) & pl.col("_stage").is_not_null()
        return ok, [{**values, **oks, "_stage": stage, "_person": self._text(self.person),
                     "_region": self._text(self.region)},
                    {"_probability": probability}, {"_weighted": pl.col("_amount") * pl.col("_probability")},
                    {"probability": pl.col("_probability"), "weighted": weighted, "_label": label}]

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
        deals = pl.concat([fast.select("line", *self.keep).collect(),
                           pl.DataFrame(self.pending, schema={"line": pl.UInt32, **dict.fromkeys(self.keep[:2], pl.Float64),
                                                              **dict.fromkeys(self.keep[2:], pl.String)}, orient="row")])
        self.pending = []
        deals = deals.sort("line")
        by = self.rollup.by
        for buckets, key in ((by["stage"], pl.col("_stage")), (by["salesperson"], _named(pl.col("_person"))),
                             (by["region"], _named(pl.col("_region"))), ({"": self.rollup.total}, pl.lit(""))):
            _add(buckets, deals, key)


def _named(text: pl.Expr) -> pl.Expr:
    return pl.when(text == "").then(pl.lit(NONE)).otherwise(text)


def _add(buckets: dict, deals: pl.DataFrame, key: pl.Expr):
    """Each deal's amount and weighted amount added to its bucket one after the other, as Rollup.add does:
    a running sum (cum_sum is sequential) that starts from the bucket's value."""
    seeds = pl.DataFrame({"key": list(buckets), "amount": [b["amount"] for b in buckets.values()],
                          "weighted": [b["weighted"] for b in buckets.values()],
                          "deals": [b["deals"] for b in buckets.values()]},
                         schema={"key": pl.String, "amount": pl.Float64, "weighted": pl.Float64, "deals": pl.Int64})
    rows = deals.select(key.alias("key"), pl.col("_amount").alias("amount"), pl.col("_weighted").alias("weighted"),
                        pl.lit(1, pl.Int64).alias("deals"))
    sums = pl.concat([seeds, rows]).group_by("key", maintain_order=True).agg(
        pl.col("amount").cum_sum().last(), pl.col("weighted").cum_sum().last(), pl.col("deals").sum())
    for name, amount, weighted, count in sums.iter_rows():
        bucket = buckets.setdefault(name, {})
        bucket.update(deals=count, amount=amount, weighted=weighted)


def round_exact(values: pl.Series, places: int) -> pl.Series:
    """round(v, places) of each value: polars' round, and Python's where a value is on a rounding edge."""
    value, exact = rounded(pl.lit(values), places)
    result, exact = pl.select(value.alias("value"), exact.alias("exact")).get_columns()
    edges = exact.not_().arg_true()
    if len(edges):
        result = result.scatter(edges, pl.Series([round(v, places) for v in values.gather(edges)], dtype=pl.Float64))
    return result


class AbcColumns(Columns):
    """runners.abc: a first pass reads the value column in batches, the classes are computed as
    abc.classify_checked does (a stable sort, sums in its order), then each row is given its own."""

    types = {"share": pl.Float64, "cumulative": pl.Float64, "class": pl.String, "rank": pl.Int64}
    label = "class"

    def __init__(self, column: int, name: str, limits: tuple):
        self.column, self.name, self.limits = column, name, limits
        self.problems = {}

    def prepare(self, table) -> dict:
        """The first pass: every clean row's value, then the classes; {"value_share": …} for the summary."""
        names, extra = cell_names(table)
        found = []
        for cells in read(table):
            value, good = plain_number(f"c{self.column}")
            frame = cells.with_columns(_v=value, _ok=good & (value >= 0) & ~pl.col("_doubt"))
            found.append(frame.filter("_ok").select("line", "_v"))
            slow = []
            for line, row in slow_cells(frame.filter(~pl.col("_ok")), names, extra):
                if not is_total_row(row):
                    try:
                        slow.append((line, number(row[self.column], self.name, minimum=0)))
                    except InputError as error:
                        self.problems[line] = error
            found.append(pl.DataFrame(slow, schema={"line": pl.UInt32, "_v": pl.Float64}, orient="row"))
        values = pl.concat(found).sort("line")
        return self._classify(values)

    def _classify(self, values: pl.DataFrame) -> dict:
        v, (a, b) = values["_v"], self.limits
        # Stable, highest first; -0.0 ties with 0.0 as in Python's sort.
        order = values.with_row_index("i").with_columns(_key=pl.col("_v") + 0.0).sort(
            "_key", descending=True, maintain_order=True)
        running = order["_v"].cum_sum()
        total = running[-1] if len(running) else 0.0
        if not len(v) or total == 0:  # nothing to class, or the reference's error: its own words
            reference = abc_calc.classify_checked(v.to_list(), a, b)
            self.result = values.select("line").with_columns(**{k: pl.lit(None, t) for k, t in self.types.items()})
            return reference
        cumulative = running / total * 100
        classes = pl.select(first_match([(pl.lit(cumulative) <= a, "A"), (pl.lit(cumulative) <= b, "B")], "C")).to_series()
        ranked = pl.DataFrame({"i": order["i"], "cumulative": round_exact(cumulative, 4), "class": classes,
                               "rank": pl.int_range(1, len(v) + 1, eager=True)}).sort("i")
        self.result = values.select("line", share=round_exact(v / total * 100, 4)).hstack(ranked.drop("i"))
        share = {}
        for c in abc_calc.CLASSES:  # summed in the file's order, as the reference's sum() does
            sums = v.filter(self.result["class"] == c).cum_sum()
            share[c] = (sums[-1] if len(sums) else 0) / total * 100
        return {"value_share": share}

    def formulas(self, cells: pl.DataFrame) -> tuple:
        found = cells.select("line").join(self.result, on="line", how="left", maintain_order="left")
        return (pl.lit(found["rank"]).is_not_null(),
                [{k: pl.lit(found[k]) for k in self.types}])

    def slow_row(self, row):
        lines = self.result["line"]

        def looked_up(cells, line):
            if line in self.problems:
                raise self.problems[line]
            share, cumulative, label, rank = self.result.row(lines.search_sorted(line))[1:]
            return [share, cumulative, label, rank], label

        return looked_up


# A customer cell Python's strip() would change, and a date the fast way reads (the reference's others).
_PADDED = r"^[\s\x1c-\x1f]|[\s\x1c-\x1f]$"
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class RfmColumns(Columns):
    """runners.rfm: a first pass adds every order to its customer's totals (sums in the file's order, as
    rfm.Totals.add does), the reference scores the customers, then each order gets its customer's scores."""

    types = {"recency": pl.Int64, "frequency": pl.Int64, "monetary": pl.Float64, "r": pl.Int64, "f": pl.Int64,
             "m": pl.Int64, "segment": pl.String}
    label = "segment"

    def __init__(self, customer: int, date: int, amount: int, order):
        self.customer, self.date, self.amount, self.order = f"c{customer}", f"c{date}", f"c{amount}", order
        self.scores = None

    def _orders(self) -> tuple:
        """(ok, {customer, day, amount}) of a batch's orders the fast way."""
        customer, date = pl.col(self.customer), pl.col(self.date)
        day = date.str.to_date("%Y-%m-%d", strict=False)
        amount, good = plain_number(self.amount)
        ok = (customer.is_not_null() & ~customer.str.contains(_PADDED) & date.str.contains(_ISO_DATE) &
              day.is_not_null() & good & (amount >= 0)).fill_null(False)
        return ok, {"_customer": customer, "_day": day, "_amount": amount}

    def prepare(self, table):
        names, extra = cell_names(table)
        schema = {"line": pl.UInt32, "_customer": pl.String, "_day": pl.Date, "_amount": pl.Float64}
        totals = pl.DataFrame(schema={k: v for k, v in schema.items() if k != "line"} | {"_count": pl.Int64})
        ok, values = self._orders()
        for cells in read(table):
            frame = cells.with_columns(**values, _ok=ok & ~pl.col("_doubt"))
            slow = []
            for line, row in slow_cells(frame.filter(~pl.col("_ok")), names, extra):
                try:
                    slow.append((line, *self.order(row))) if not is_total_row(row) else None
                except InputError:
                    pass  # the second pass writes the same error on the row
            orders = pl.concat([frame.filter("_ok").select(list(schema)),
                                pl.DataFrame(slow, schema=schema, orient="row")]).sort("line")
            totals = pl.concat([totals, orders.select(*list(schema)[1:], _count=pl.lit(1, pl.Int64))]).group_by(
                "_customer", maintain_order=True).agg(pl.col("_day").max(), pl.col("_amount").cum_sum().last(),
                                                      pl.col("_count").sum())
        return self._totals(totals)

    @staticmethod
    def _totals(frame: pl.DataFrame) -> Totals:
        totals, customers = Totals(), frame["_customer"].to_list()
        totals.last = dict(zip(customers, frame["_day"].to_list()))
        totals.count = dict(zip(customers, frame["_count"].to_list()))
        totals.amount = dict(zip(customers, frame["_amount"].to_list()))
        return totals

    def customers(self, scored: list, titles: dict):
        """Each customer's output columns, from the reference's scores."""
        self.scores = pl.DataFrame(
            [(c["customer"], c["recency"], c["frequency"], round(c["monetary"], 2), c["r"], c["f"], c["m"],
              safe_cell(titles[c["segment"]])) for c in scored],
            schema={"_customer": pl.String, **self.types}, orient="row")

    def formulas(self, cells: pl.DataFrame) -> tuple:
        ok, values = self._orders()
        found = cells.select(pl.col(self.customer).alias("_customer")).join(
            self.scores, on="_customer", how="left", maintain_order="left")
        return ok & pl.lit(found["segment"]).is_not_null(), [{k: pl.lit(found[k]) for k in self.types}]
