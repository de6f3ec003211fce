"""rfm.Totals.score on the customers' totals as columns: the same breaks (rfm.quantile on the sorted
column), bands, recency and segments, for every customer at once. tests/calculators/test_calc_engine.py proves the
file and the summary equal to the reference's."""

import datetime as dt

import polars as pl

from .. import rfm as rfm_calc
from ..cells import parse_date
from ..io import Unsuitable

COLUMNS = {"recency": "_recency", "frequency": "_count", "monetary": "_amount"}


class Scores:
    """The customers' totals (`_day`, `_amount`, `_count`, by number: in order of first appearance), scored as
    rfm.Totals does; `score` gives the reference's result with `customers` as a DataFrame."""

    def __init__(self, totals: pl.DataFrame):
        self.totals = totals

    def score(self, analysis_date=None, segments=None, thresholds=None, ties="above") -> dict:
        rules, fixed = rfm_calc._segments(segments), rfm_calc.fixed_breaks(thresholds)
        day = day_of(analysis_date, self.totals["_day"].max())
        if ties not in rfm_calc.TIES or day is None:  # the reference's error, or no customer at all
            return rfm_calc.Totals().score(analysis_date, segments, thresholds, ties)
        if (self.totals["_day"] > day).any():  # its error names a customer: the names are not kept
            raise Unsuitable("an order after the analysis date")
        frame = self.totals.with_columns(_recency=(pl.lit(day) - pl.col("_day")).dt.total_days())
        cuts = cuts_of(fixed, ties, {k: lambda c=c: frame[c].sort() for k, c in COLUMNS.items()})
        customers = rated(frame, cuts, rules, ties)
        counts = dict.fromkeys((s.key for s in rules), 0)
        counts.update(dict(customers["segment"].value_counts().iter_rows()))
        return {"analysis_date": day.isoformat(), "breaks": cuts, "customers": customers,
                "segments": {s.key: counts[s.key] for s in rules},
                "analysis_date_source": "given" if analysis_date is not None else "day after the last order"}


def day_of(analysis_date, latest):
    """The analysis date: the given one, else the day after the last order (None without one)."""
    if analysis_date is not None:
        return parse_date(analysis_date, "analysis date")
    return latest + dt.timedelta(days=1) if latest else None


def rated(frame: pl.DataFrame, cuts: dict, rules, ties: str, keep=()) -> pl.DataFrame:
    """Each customer's recency, frequency, monetary, r, f, m and segment (an Enum of the rules' keys) from its
    `_recency`, `_count` and `_amount`, and the `keep` columns. 20 bytes a customer, not 64: the scores as bytes,
    the segment as a number."""
    bands = {k: _band(pl.col(c), cuts[k], ties) for k, c in COLUMNS.items()}
    frame = frame.with_columns(r=pl.lit(6, pl.UInt8) - bands["recency"], f=bands["frequency"], m=bands["monetary"])
    keys = pl.Series([s.key for s in rules], dtype=pl.Enum(list(dict.fromkeys(s.key for s in rules))))
    return frame.with_columns(segment=pl.lit(keys).gather(_rule(rules))).select(
        pl.col("_recency").cast(pl.Int32).alias("recency"), pl.col("_count").cast(pl.UInt32).alias("frequency"),
        pl.col("_amount").alias("monetary"), "r", "f", "m", "segment", *keep)


def cuts_of(fixed: dict, ties: str, ordered: dict) -> dict:
    """Each dimension's breaks: the fixed ones, else rfm.breaks of its sorted column (`ordered`: a function giving
    it, with len() and [i] as a list's, each value a Python number as rfm.quantile reads it)."""
    shift = 1 if ties == "r-rfm" else 0
    return {k: fixed.get(k) or [b + shift for b in _breaks(ordered[k]())] for k in COLUMNS}


def _breaks(ordered) -> list:
    return [rfm_calc.quantile(ordered, p) for p in rfm_calc.QUANTILES]


def _band(value: pl.Expr, cuts: list, ties: str) -> pl.Expr:
    """rfm.band: 1 + how many breaks the value is above (or at least, for r-rfm), a byte."""
    above = [(value >= cut) if ties == "r-rfm" else (value > cut) for cut in cuts]
    return pl.sum_horizontal([pl.lit(1, pl.UInt8), *[a.cast(pl.UInt8) for a in above]])


def _rule(rules) -> pl.Expr:
    """The place of the first rule a customer matches (the last rule matches every customer)."""
    chain = pl
    for i, rule in enumerate(rules):
        chain = chain.when(_matches(rule)).then(pl.lit(i, pl.UInt16))
    return chain.otherwise(None)


def _matches(rule) -> pl.Expr:
    """Segment.matches as an expression."""
    test = pl.lit(True)
    for bounds, score in ((rule.r, "r"), (rule.f, "f"), (rule.m, "m")):
        if bounds is not None:
            test = test & pl.col(score).is_between(bounds[0], bounds[1])
    return test


class Lookup:
    """customer → the reference's dict of that customer, for the rows in doubt; len() as a dict's. Found by the
    customer's number (rfm/ids.py), no table of the names: a dict of 125,000 customers held 24 MB more (measured)."""

    def __init__(self, customers: pl.DataFrame, ids):
        self.customers, self.ids = customers, ids

    def __getitem__(self, customer: str) -> dict:
        number = self.ids.find(pl.Series([customer]))[0]
        if number is None:
            raise KeyError(customer)
        return self.customers.row(number, named=True)

    def __len__(self) -> int:
        return len(self.customers)
