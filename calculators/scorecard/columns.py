"""A scorecard (`score`) as columns: the scorecard's score and tier of each row."""

import polars as pl

from ..cells import safe_cell
from ..engine import plain_numbers
from ..columns.base import Columns, first_match, rounded


class ScoreColumns(Columns):
    """cli.run_file: a weighted scorecard's score and tier, and its share-or-percent watchers."""

    label = "tier"
    types = {"score": pl.Float64, "tier": pl.String}
    rounding = {"score": ("_total", 2)}
    # Pieces of 2 MB: each piece costs about 3 ms besides its rows. At 1M rows, in turns (4 runs, load 5), CPU
    # 2.03–2.45 s (median 2.28) in pieces of 1 MB, 1.66–2.04 (2.00) of 2 MB, 1.96–2.12 (2.09) of 4 MB, for a
    # peak 25–35 MB higher at 2 MB and 60–70 at 4 MB (1 MB: 0.19× pandas'; the target is 0.5×).
    chunks = 2

    def __init__(self, scorer, index: list, titles: dict, watch: list):
        self.scorer, self.index, self.titles, self.watch = scorer, index, titles, watch
        self.clean = [f"c{i}" for i in index]

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
        score, _ = rounded(pl.col("_total"), 2)
        tier = first_match([(pl.col("_total") >= minimum, safe_cell(self.titles[key])) for minimum, key in s.tiers],
                           None)
        return ok, [{**values, **oks}, {"_total": total}, {"score": score, "tier": tier}]

    @property
    def keep(self) -> list:
        """Columns `seen` and the rounding read besides the cells."""
        return ["_total"] + [f"_v{k}" for k, _ in self.watch]

    def seen(self, fast: pl.LazyFrame):
        """The watchers see the rows scored the fast way: plain numbers, so a share is 0 < |v| < 1. A watcher
        whose kind is full of lines before this batch's first takes none of it: batches come in line order."""
        first = fast.select(pl.col("line").min()).collect(engine="in-memory").item() if self.watch else None
        for k, watcher in self.watch:
            value = pl.col(f"_v{k}")
            for kind, rows in (("share", (value.abs() < 1) & (value != 0)), ("percent", value.abs() >= 1)):
                kept = getattr(watcher, kind)
                if first is None or len(kept) >= watcher.KEEP and kept[-1][0] < first:
                    continue
                picked = fast.filter(rows).head(watcher.KEEP).select("line", f"c{self.index[k]}").collect(engine="in-memory")
                watcher.add(kind, list(picked.iter_rows()))
