"""The columns of the polars fast path (calculators/engine.py, rounding.py) read, round and neutralise cells as
the pure-Python reference does, on the shared cell vectors and on every short text of the characters that matter
(tests/calculators/test_calc_engine.py: whole files)."""

import itertools
import math
import random

import polars as pl
import pytest

from calculators import engine, rounding
from calculators.cells import is_total_row, safe_cell

from .cell_vectors import TOTALS
from .cell_vectors import cases as vector_cases


def test_text_of_plain_characters_reads_as_python_reads_it():
    texts = ["".join(t) for n in range(1, 5) for t in itertools.product("1.eE+-", repeat=n)]
    texts += ["0", "007", "1e308", "1e309", "12.5e-1", "-0.0"]
    values = pl.Series(texts).cast(pl.Float64, strict=False).to_list()
    for text, value in zip(texts, values):
        try:
            expected = float(text)
        except ValueError:
            expected = None
        assert value == expected or value != value and expected != expected, text


@pytest.mark.parametrize("places", [2, 4])
def test_python_round_as_columns_is_pythons_round(places):
    """rounding.python_round, the columns' round on a rounding edge, gives round(v, places) to the last bit:
    on halves and the floats either side of them (2.675 is below its half), deal amounts times a stage's
    probability, negatives, and values that round to -0.0."""
    rng = random.Random(places)
    half = 0.5 / 10**places
    values = [2.675, 0.125, 1.005, -2.675, -0.125, 0.5, 2.5, -0.005, 1234.565, 0.0049999999, -0.0049999999]
    for _ in range(20_000):
        value = rng.randrange(-10**9, 10**9) / 10**places + half
        for _ in range(rng.randrange(3)):
            value = math.nextafter(value, rng.choice([-math.inf, math.inf]))
        values += [value, round(rng.lognormvariate(11, 1.2), 2) * rng.choice([0.1, 0.25, 0.35, 0.5, 0.75, 0.9])]
    found = rounding.python_round(pl.Series(values, dtype=pl.Float64), places).to_list()
    wrong = [(v, f) for v, f in zip(values, found) if repr(f) != repr(round(v, places))]
    assert not wrong, wrong[:5]


def test_polars_reads_no_other_text_as_a_finite_number():
    """plain_number trusts polars' cast alone: a text it reads as a finite number is of PLAIN characters."""
    alphabet = "1.eE+-_ xinfa,%\t١０d"  # a digit, what a number may hold, what it may not
    texts = ["".join(t) for n in range(1, 5) for t in itertools.product(alphabet, repeat=n)]
    texts += ["infinity", "-Infinity", "NaN", "0x10", "1_000", " 12", "12 ", "١٢", "1d5", "0b1", "+inf", "1e5 "]
    frame = pl.DataFrame({"c": texts}, schema={"c": pl.String})
    value, ok = engine.plain_number("c")
    read = frame.filter(ok)["c"]
    assert len(read) > 40  # 1, 1.1, -1e1, inf… (inf and nan are not finite)
    assert read.str.contains(engine.PLAIN).all(), read.filter(~read.str.contains(engine.PLAIN)).to_list()[:5]


def test_safe_cell_vectors_through_the_columns():
    cases = [c for c in vector_cases("safe-cell") if isinstance(c["input"]["value"], str)]
    assert cases
    frame = pl.DataFrame({"c": [c["input"]["value"] for c in cases]}, schema={"c": pl.String})
    wide = frame["c"].str.contains(engine.RISKY_WIDE)
    column = frame.select(engine.safe_text(pl.col("c")).alias("c"))["c"]
    assert [c for c, w in zip(column, wide) if not w] == [c["output"] for c, w in zip(cases, wide) if not w]
    assert engine.safe(frame["c"]).to_list() == [c["output"] for c in cases]


def test_number_vectors_are_read_by_the_columns_as_the_reference_or_left_to_it():
    from calculators.errors import number

    cases = [c for c in vector_cases("number") if isinstance(c["input"]["value"], str) and not c["input"].get("percent")]
    assert cases
    frame = pl.DataFrame({"c": [c["input"]["value"] for c in cases]})
    value, ok = engine.plain_number("c")
    got = frame.select(value.alias("v"), ok.alias("ok"))
    for case, (v, fine) in zip(cases, got.iter_rows()):
        if fine:
            assert v == number(case["input"]["value"], "value"), case["name"]


def test_safe_cell_is_what_the_columns_use():
    cells = ["=1", "-5", "x", "+1,234.5%", "-1,23", "\tx", "@a", "-.5e3", "--1", "-٣", "=٣"]
    frame = pl.DataFrame({"c": cells})
    wide = frame["c"].str.contains(engine.RISKY_WIDE).to_list()
    assert wide == [False] * 9 + [True, True]  # beyond ASCII after a risky start: the reference's way
    assert frame.select(engine.safe_text(pl.col("c")).alias("c"))["c"].to_list()[:9] == [safe_cell(c) for c in cells[:9]]


def test_every_total_row_of_the_vectors_is_in_doubt():
    """The columns hand every total row to the reference: the doubt pattern matches a superset."""
    cases = vector_cases("total-row") + [{"input": {"cells": [t]}, "output": True} for t in TOTALS]
    for case in cases:
        cells = [c for c in case["input"]["cells"] if isinstance(c, str)]
        if is_total_row(cells):
            assert pl.Series(cells).str.contains(engine.DOUBT).any(), cells


@pytest.mark.parametrize("band", [1 << 21, 500, 7])
def test_abc_ranks_band_by_band_as_one_stable_sort(monkeypatch, band):
    """abc sorts its values a band of values at a time (`_ranked`): each value's rank and the running sum at each
    rank are those of one stable sort, highest first (ties in the values' order), summed value by value."""
    from calculators.abc import ranks

    monkeypatch.setattr(ranks, "BAND", band)
    rng = random.Random(band)
    values = [float(rng.randint(0, 9)) if rng.random() < 0.5 else round(rng.lognormvariate(5, 2), rng.randint(0, 2))
              for _ in range(20_000)] + [0.0] * 30
    rng.shuffle(values)
    rank, running = ranks.ranked(pl.Series(values, dtype=pl.Float64))
    order = sorted(range(len(values)), key=lambda i: -values[i])  # stable
    assert rank.to_list() == [r + 1 for _, r in sorted(zip(order, range(len(values))))]
    assert running.to_list() == list(itertools.accumulate(values[i] for i in order))
