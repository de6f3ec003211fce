"""Python's round(value, places) on polars columns, to the last bit: the reference writes Python's rounding, and
polars rounds a decimal approximation (2.675 → 2.68 where Python gives 2.67)."""

import polars as pl


def exact_round(rounded: pl.Series, values: pl.Series, places: int, ok: pl.Series) -> pl.Series:
    """`rounded` (polars' round of `values`) with Python's round(value, places) where a value `ok` is within
    a hair of a rounding half."""
    scaled = values * 10**places
    edges = (((scaled - scaled.floor()) - 0.5).abs() < 1e-6).fill_null(False) & ok
    where = edges.arg_true()
    if not len(where):
        return rounded
    return rounded.scatter(where, python_round(values.gather(where), places))


def python_round(values: pl.Series, places: int) -> pl.Series:
    """round(v, places) of each value as Python rounds it (the exact binary value to the nearest, ties to
    even), as column arithmetic, no loop: |v|·10^places is a float p plus an error e that Dekker's product
    gives exactly (Veltkamp's split of |v|); p - floor(p) settles it but at a half, where e's sign does, or
    at zero the evenness of floor(p). The quotient by 10^places is correctly rounded, as Python's result.
    For |v|·10^places < 2^52 (p then holds its halves), as on a rounding edge. Series arithmetic, step by
    step: as one expression its tree, each step repeated where used, took 3 ms for 4,000 values (measured)."""
    scale = float(10**places)
    size = values.abs()
    split = size * 134217729.0  # 2^27 + 1
    high = split - (split - size)
    product = size * scale
    error = (high * scale - product) + (size - high) * scale
    floor = product.floor()
    part = product - floor
    odd = (floor / 2).floor() * 2 != floor
    up = (part > 0.5) | ((part == 0.5) & ((error > 0) | ((error == 0) & odd)))
    # By a column: by a number polars multiplies by 1/n.
    size = (floor + up.cast(pl.Float64)) / pl.repeat(scale, len(values), dtype=pl.Float64, eager=True)
    return (-size).zip_with(values < 0, size).alias(values.name)
