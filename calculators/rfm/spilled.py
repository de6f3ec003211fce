"""rfm's first pass over a file of more than columns.CUSTOMERS customers, with memory flat in the file's length: its
orders go to a temporary folder (columns/spill.py) in parts by the first hash of the customer's name, each part's
customers are totalled alone (their orders in line order), the breaks are taken from every customer's totals
(recency and frequency as counts of each value, the amounts as one sorted column: 8 bytes a customer), each part's
orders get their customer's scores, written back by the row's place, and the second pass reads them in the file's
order (20 bytes a row on disk). 10M orders of 1.25M customers peaked at 163–169 MB against 257–260 in memory
(100k orders: 140–146), for 1.07–1.20× the CPU (benchmarks/score_bench.py, 3 runs in turns, load 14–23)."""

import polars as pl

from .. import rfm as rfm_calc
from ..columns.base import round_exact
from ..columns.spill import Blocks, Spill
from ..io import Unsuitable
from . import ids
from .scores import cuts_of, day_of, rated

# Orders held before they go to their parts, and rows of scores a block of the second pass holds: 10M orders
# peaked at 176 MB with 256k (jemalloc purging at once, against 160 MB with 64k; 100k orders: 138).
RUN = 1 << 16
# Orders of a part, about (from the file's length): what a part's totals and scores hold at once.
PART = 1 << 18
# The scores of a row as the second pass reads them (the segment by its place among the rules).
SCORED = {"recency": pl.Int32, "frequency": pl.UInt32, "monetary": pl.Float64, "r": pl.UInt8, "f": pl.UInt8,
          "m": pl.UInt8, "segment": pl.UInt32}


class Orders:
    """The first pass's orders (`_at`, the row's place among the file's non-blank rows; `_day`; `_amount`; the
    name's two hashes), in `parts` files; `score` gives the reference's result, the rows' scores in `rows`."""

    def __init__(self, parts: int):
        self.spill, self.parts = Spill(), parts
        self.held, self.runs, self.latest, self.rows, self.places = [], 0, None, None, 0
        self.empty = pl.DataFrame(schema={"_at": pl.UInt32, "_day": pl.Date, "_amount": pl.Float64,
                                          "_h1": pl.UInt64, "_h2": pl.UInt64})

    def add(self, orders: pl.DataFrame):
        """A piece's orders (`_at`, `_customer`, `_day`, `_amount`), in line order."""
        names = orders["_customer"]
        self.held.append(orders.select(pl.col("_at").cast(pl.UInt32), "_day", "_amount").with_columns(
            _h1=ids.hashed(names, ids.SEEDS[0]), _h2=ids.hashed(names, ids.SEEDS[1])))
        latest = orders["_day"].max()
        self.latest = latest if self.latest is None or (latest is not None and latest > self.latest) else self.latest
        if sum(map(len, self.held)) >= RUN:
            self._write()

    def _write(self):
        """The orders held, each to its part's file, in line order."""
        frame = pl.concat(self.held).with_columns(_part=(pl.col("_h1") % self.parts).cast(pl.UInt32))
        self.held = []
        for (part,), orders in frame.partition_by("_part", as_dict=True, include_key=False).items():
            self.spill.write(orders, ("in", part), self.runs)
        self.runs += 1

    def done(self, places: int):
        """The orders all added, of `places` non-blank rows."""
        self.places = places
        if self.held:
            self._write()

    def _read(self, file: tuple, empty: pl.DataFrame) -> pl.DataFrame:
        return pl.concat([empty, *(self.spill.read(file, key) for key in self.spill.where.get(file, ()))])

    def _totals(self, part: int) -> pl.DataFrame:
        """A part's customers' last day, count and amount (summed in line order from 0.0, as rfm.Totals.add: -0
        amounts sum to 0.0), by the first hash; Unsuitable when two names share it."""
        totals = self._read(("in", part), self.empty).group_by("_h1").agg(
            pl.col("_day").max(), pl.len().alias("_count"), pl.col("_amount").cum_sum().last(),
            _same=pl.col("_h2").min() == pl.col("_h2").max())
        if not totals["_same"].all():
            raise Unsuitable("two customers' names share a 64-bit hash")
        return totals.drop("_same")

    def score(self, analysis_date=None, segments=None, thresholds=None, ties="above") -> dict:
        """scores.Scores.score of the customers in the parts, `customers` their count; each row's scores in `rows`
        (Blocks of SCORED, by place)."""
        rules, fixed = rfm_calc._segments(segments), rfm_calc.fixed_breaks(thresholds)
        day = day_of(analysis_date, self.latest)
        if ties not in rfm_calc.TIES:  # the reference's error
            return rfm_calc.Totals().score(analysis_date, segments, thresholds, ties)
        if self.latest > day:  # its error names a customer: the names are not kept
            raise Unsuitable("an order after the analysis date")
        days, counts, amounts = [], [], []
        for part in range(self.parts):
            totals = self._totals(part)
            days.append(totals.group_by("_day").len())
            counts.append(totals.group_by("_count").len())
            amounts.append(totals["_amount"])
            self.spill.write(totals, ("totals", part))
        recency = pl.concat(days).select((pl.lit(day) - pl.col("_day")).dt.total_days(), "len")
        cuts = cuts_of(fixed, ties, {"recency": lambda: Counted(recency), "frequency": lambda: Counted(
            pl.concat(counts)), "monetary": lambda: pl.concat(amounts).sort()})
        del days, counts, amounts
        found = dict.fromkeys((s.key for s in rules), 0)
        for part in range(self.parts):
            segments = self._scored(part, day, cuts, rules, ties)
            found.update({k: found[k] + n for k, n in segments.value_counts().iter_rows()})
        self.rows = self._in_order()
        return {"analysis_date": day.isoformat(), "breaks": cuts, "customers": Counts(sum(found.values())),
                "segments": {s.key: found[s.key] for s in rules},
                "analysis_date_source": "given" if analysis_date is not None else "day after the last order"}

    def _scored(self, part: int, day, cuts: dict, rules, ties: str) -> pl.Series:
        """A part's orders given their customer's scores, written by block of places to `out-<block>`; the
        segments of its customers."""
        totals = self.spill.read(("totals", part)).with_columns(
            _recency=(pl.lit(day) - pl.col("_day")).dt.total_days())
        self.spill.remove(("totals", part))
        customers = rated(totals, cuts, rules, ties, keep=["_h1"])
        del totals
        segments = customers["segment"]
        customers = customers.with_columns(monetary=round_exact(customers["monetary"], 2),
                                           segment=pl.col("segment").to_physical().cast(pl.UInt32))
        rows = self._read(("in", part), self.empty).select("_at", "_h1").join(customers, on="_h1").drop("_h1")
        if ("in", part) in self.spill.where:
            self.spill.remove(("in", part))
        rows = rows.with_columns(_block=pl.col("_at") // RUN)
        for (block,), found in rows.partition_by("_block", as_dict=True, include_key=False).items():
            self.spill.write(found, ("out", block), part)
        return segments

    def _in_order(self) -> Blocks:
        """Each block of places' scores, null for a row with no order, in the places' order."""
        empty = pl.DataFrame(schema={"_at": pl.UInt32, **SCORED})
        for block in range(-(-self.places // RUN)):
            found = self._read(("out", block), empty)
            at = found["_at"] - block * RUN
            size = min(RUN, self.places - block * RUN)
            self.spill.write(pl.DataFrame({name: pl.repeat(None, size, dtype=dtype, eager=True).scatter(
                at, found[name]) for name, dtype in SCORED.items()}), ("rows",), block)
            if ("out", block) in self.spill.where:
                self.spill.remove(("out", block))
        return Blocks(self.spill, ("rows",), RUN, pl.DataFrame(schema=SCORED))

    def close(self):
        self.spill.close()


class Counted:
    """A sorted column given as each value and how many times it comes (a frame of the two, in any order, a value
    perhaps more than once): len() and [i] as the sorted column's."""

    def __init__(self, counts: pl.DataFrame):
        value, n = counts.columns
        counts = counts.group_by(value).agg(pl.col(n).sum()).sort(value)
        self.values, self.ends = counts[value], counts[n].cum_sum()

    def __len__(self) -> int:
        return self.ends[-1]

    def __getitem__(self, i: int):
        return self.values[self.ends.search_sorted(i, side="right")]


class Counts:
    """The customers of a spilled run, as cli.run_file reads them: how many; no name is looked up (each row's
    scores are read by its place)."""

    def __init__(self, count: int):
        self.count = count

    def __len__(self) -> int:
        return self.count
