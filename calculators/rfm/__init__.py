"""RFM: recency, frequency and monetary value per customer, scored 1–5, then a named segment.

Recency = days from the analysis date (default: the day after the last order) to the customer's
last order; frequency = number of orders; monetary = sum of amounts. Breaks are the 20/40/60/80 %
quantiles of the customers' values, linear interpolation: h = (n − 1) × p, q = x[⌊h⌋] +
(h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). Score = 1 + number of breaks strictly below the value (equal values
always score the same); recency is reversed (6 − score: the most recent score 5).
Segments: the first rule in rfm.yml (or the given list) that matches wins.

`thresholds` gives fixed breaks instead ({"recency": [30, 60, 90, 180], ...}, four rising numbers).
`ties="r-rfm"` follows the R package rfm (rfm_table_order, rsquaredacademy): the same quantiles, each
plus 1 (its R code adds 1 to quantile()'s breaks), and a value reaches a band when it is at least
the break, so a customer at 1.4 orders' break plus 1 (2.4) is not lifted by 2 orders; fixed
thresholds are used as given. Either way equal values always score the same.
"""

import datetime as dt
import math

from ..cells import parse_date
from ..data import settings, validate
from ..errors import InputError, call, number, number_list
from ..settings import Segment

QUANTILES = (0.2, 0.4, 0.6, 0.8)
TIES = ("above", "r-rfm")
DIMENSIONS = ("recency", "frequency", "monetary")


def quantile(ordered: list, p: float) -> float:
    """The p-quantile of an ascending list, linear interpolation between neighbours."""
    h = (len(ordered) - 1) * p
    low = math.floor(h)
    if low + 1 >= len(ordered):
        return float(ordered[low])
    return ordered[low] + (h - low) * (ordered[low + 1] - ordered[low])


def breaks(values) -> list:
    ordered = sorted(values)
    return [quantile(ordered, p) for p in QUANTILES] if ordered else []


def band(value, cuts, ties="above") -> int:
    if ties == "r-rfm":
        return 1 + sum(1 for cut in cuts if value >= cut)
    return 1 + sum(1 for cut in cuts if value > cut)


def fixed_breaks(thresholds) -> dict:
    """{dimension: four rising numbers} checked; None when not given."""
    if thresholds is None:
        return {}
    if not isinstance(thresholds, dict) or not set(thresholds) <= set(DIMENSIONS):
        raise InputError(f"thresholds: expected a mapping of {', '.join(DIMENSIONS)} to four rising numbers")
    cuts = {k: number_list(v, f"thresholds {k}") for k, v in thresholds.items()}
    for k, v in cuts.items():
        if len(v) != 4 or any(b < a for a, b in zip(v, v[1:])):
            raise InputError(f"thresholds {k}: expected four rising numbers such as 30,60,90,180")
    return cuts


class Totals:
    """Per-customer last order, count and sum, in order of first appearance (fed row by row)."""

    def __init__(self):
        self.last, self.count, self.amount = {}, {}, {}

    def add(self, customer: str, day: dt.date, amount: float):
        if customer not in self.count:
            self.last[customer], self.count[customer], self.amount[customer] = day, 0, 0.0
        self.last[customer] = max(self.last[customer], day)
        self.count[customer] += 1
        self.amount[customer] += amount

    def score(self, analysis_date=None, segments=None, thresholds=None, ties="above") -> dict:
        rules, fixed = _segments(segments), fixed_breaks(thresholds)
        if ties not in TIES:
            raise InputError(f"ties {ties!r} is unknown; expected one of: {', '.join(TIES)}")
        if analysis_date is None:
            latest = max(self.last.values(), default=None)
            day = latest + dt.timedelta(days=1) if latest else None
            source = "day after the last order"
        else:
            day, source = parse_date(analysis_date, "analysis date"), "given"
            late = [c for c, d in self.last.items() if d > day]
            if late:
                raise InputError(f"analysis date {day} is before the last order of customer "
                                 f"'{late[0]}' ({self.last[late[0]]}); expected a date on or after it")
        recency = {c: (day - d).days for c, d in self.last.items()}
        values = {"recency": recency.values(), "frequency": self.count.values(), "monetary": self.amount.values()}
        shift = 1 if ties == "r-rfm" else 0
        cuts = {k: fixed.get(k) or [b + shift for b in breaks(v)] for k, v in values.items()}
        customers = [self._customer(c, recency[c], cuts, rules, ties) for c in self.count]
        counts = {s.key: 0 for s in rules}
        for row in customers:
            counts[row["segment"]] += 1
        return {"analysis_date": day.isoformat() if day else None, "analysis_date_source": source,
                "breaks": cuts, "customers": customers, "segments": counts}

    def _customer(self, c, recency, cuts, rules, ties) -> dict:
        r = 6 - band(recency, cuts["recency"], ties)
        f = band(self.count[c], cuts["frequency"], ties)
        m = band(self.amount[c], cuts["monetary"], ties)
        segment = next(s.key for s in rules if s.matches(r, f, m))
        return {"customer": c, "last_order": self.last[c].isoformat(), "recency": recency,
                "frequency": self.count[c], "monetary": self.amount[c], "r": r, "f": f, "m": m,
                "segment": segment}


def _segments(given) -> list:
    if given is None:
        return settings("rfm").segments
    rules = [validate(s, Segment, f"segments[{i + 1}]") for i, s in enumerate(given)]
    if not rules or any((rules[-1].r, rules[-1].f, rules[-1].m)):
        raise InputError("segments: expected a last segment without r, f or m that catches every customer")
    return rules


def analyse(orders, analysis_date=None, segments=None, thresholds=None, ties="above") -> dict:
    """RFM of a list of orders {customer, date, amount}."""
    if not isinstance(orders, list):
        raise InputError("orders is not a list; expected a list of {customer, date, amount}")
    totals = Totals()
    for i, order in enumerate(orders, start=1):
        customer = str(order.get("customer", "")).strip()
        if not customer:
            raise InputError(f"order {i}: customer is empty; expected a customer name or id")
        totals.add(customer, parse_date(order.get("date"), f"order {i}: date"),
                   number(order.get("amount"), f"order {i}: amount", minimum=0))
    return totals.score(analysis_date, segments, thresholds, ties)


def calculate(inputs: dict) -> dict:
    """Registry entry: {"orders": [...], "analysis_date": "2024-06-30", "segments": [...],
    "thresholds": {"recency": [...]}, "ties": "above" or "r-rfm"}."""
    return call(analyse, inputs, "rfm")
