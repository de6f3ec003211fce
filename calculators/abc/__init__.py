"""Pareto / ABC classification of customers by a value column.

Sort by value, highest first; ties keep their order in the input (a stable sort), so a run is
reproducible and tied customers at a boundary may fall in different classes. An item's cumulative
share includes itself and is computed as running sum / total × 100 (in that order, so the last is
exactly 100), summing in sorted order.
cumulative ≤ A threshold → A; ≤ B threshold → B; else C. Defaults 80 / 95 (abc.yml).
"""

from ..data import settings
from ..errors import InputError, call, number, number_list

CLASSES = ("A", "B", "C")


def thresholds(a=None, b=None) -> tuple:
    """The A and B thresholds in percent, defaults from playbook_data/calculators/abc.yml."""
    defaults = settings("abc")
    a = number(defaults.value("a_threshold") if a is None else a, "A threshold", minimum=0)
    b = number(defaults.value("b_threshold") if b is None else b, "B threshold", minimum=0)
    if not 0 < a <= b <= 100:
        raise InputError(f"thresholds A {a:g} and B {b:g} are out of order; "
                         "expected 0 < A ≤ B ≤ 100, such as 80 and 95")
    return a, b


def classify_checked(values: list, a: float, b: float) -> dict:
    """Classes of numbers already checked (non-negative, finite); used by the command line."""
    n = len(values)
    order = sorted(range(n), key=values.__getitem__, reverse=True)
    # sorted(reverse=True) keeps ties in input order, as a stable descending sort must.
    total = 0.0
    for k in order:
        total += values[k]
    if n and total == 0:
        raise InputError("the values add up to 0; expected at least one value above 0")
    share, cumulative, classes, rank = [0.0] * n, [0.0] * n, [""] * n, [0] * n
    running = 0.0
    for position, k in enumerate(order, start=1):
        running += values[k]
        share[k] = values[k] / total * 100
        cumulative[k] = running / total * 100
        classes[k] = "A" if cumulative[k] <= a else ("B" if cumulative[k] <= b else "C")
        rank[k] = position
    return {"share": share, "cumulative": cumulative, "classes": classes, "rank": rank,
            "counts": {c: classes.count(c) for c in CLASSES},
            "value_share": {c: sum(v for v, k in zip(values, classes) if k == c) / total * 100
                            if n else 0.0 for c in CLASSES},
            "thresholds": {"A": a, "B": b}}


def classify(values, a=None, b=None) -> dict:
    checked = number_list(values, "value", minimum=0)
    return classify_checked(checked, *thresholds(a, b))


def calculate(inputs: dict) -> dict:
    """Registry entry: {"values": [...], "a": 80, "b": 95}."""
    return call(classify, inputs, "abc")
