"""The file calculators' formulas as polars expressions over a batch of cells, for calculators/engine.py.

Each plan mirrors its calculator's pure-Python row function step for step, in the same floating-point
order, and marks `ok` only the rows it settles exactly; the others go through that row function.
tests/test_calc_engine.py proves both write the same file. Cells are the columns c0, c1, … (text).
"""

import polars as pl

from .cells import safe_cell
from .engine import plain_numbers

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


class ScoreColumns:
    """runners.score: a weighted scorecard's score and tier, and its share-or-percent watchers."""

    label = "tier"
    types = {"score": pl.Float64, "tier": pl.String}

    def __init__(self, scorer, index: list, titles: dict, watch: list):
        self.scorer, self.index, self.titles, self.watch = scorer, index, titles, watch

    def formulas(self) -> tuple:
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
        score, exact = rounded(pl.col("_total"), 2)
        tier = first_match([(pl.col("_total") >= minimum, safe_cell(self.titles[key])) for minimum, key in s.tiers],
                           None)
        return ok & exact, [{**values, **oks}, {"_total": total}, {"score": score, "tier": tier}]

    @property
    def keep(self) -> list:
        """Columns `seen` reads besides the cells."""
        return [f"_v{k}" for k, _ in self.watch]

    def seen(self, fast: pl.LazyFrame):
        """The watchers see the rows scored the fast way: plain numbers, so a share is 0 < |v| < 1."""
        for k, watcher in self.watch:
            value = pl.col(f"_v{k}")
            for kind, rows in (("share", (value.abs() < 1) & (value != 0)), ("percent", value.abs() >= 1)):
                picked = fast.filter(rows).head(watcher.KEEP).select("line", f"c{self.index[k]}").collect()
                watcher.add(kind, list(picked.iter_rows()))
