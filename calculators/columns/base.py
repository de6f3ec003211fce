"""What every calculator's columns share: the plan engine.stream asks of, and exact rounding."""

import polars as pl

from ..rounding import python_round

# A result this close to a rounding half goes the reference way: polars rounds the binary value's
# decimal approximation, Python's round() the exact binary value (2.675 → 2.67).
HALF_EDGE = 1e-6


def rounded(value: pl.Expr, places: int) -> tuple:
    """(value rounded as round(value, places) does, ok where that is certain)."""
    scaled = value * 10**places
    edge = ((scaled - scaled.floor()) - 0.5).abs() < HALF_EDGE
    return value.round(places), ~edge.fill_null(True)


def round_exact(values: pl.Series, places: int) -> pl.Series:
    """round(v, places) of each value: polars' round, and Python's where a value is on a rounding edge."""
    value, exact = rounded(pl.lit(values), places)
    result, exact = pl.select(value.alias("value"), exact.alias("exact")).get_columns()
    edges = exact.not_().arg_true()
    if len(edges):
        result = result.scatter(edges, python_round(values.gather(edges), places))
    return result


def first_match(cases, default) -> pl.Expr:
    """pl.when(c1).then(v1).when(c2).then(v2)… otherwise `default`."""
    chain = pl
    for condition, value in cases:
        chain = chain.when(condition).then(pl.lit(value))
    return chain.otherwise(pl.lit(default)) if cases else pl.lit(default)


class Columns:
    """What engine.stream asks of a plan: `types` of the added columns (in order), the `label` column
    counted in the summary, `columns(cells, (first, last line))` → (the lazy cells of a piece with the
    computed columns, ok) (from `formulas()` → (ok, [stages of named expressions])), the `clean` cells,
    the `keep` columns `seen` reads;
    `slow_row(row)`, the row function for the rows in doubt; `seen(fast rows)` after each batch and
    `done()` at the end."""

    label = None
    seen_first = None  # seen.Seen of a first pass (`prepare`), if any
    chunks = 1  # bytes of a piece of the file, in engine.CHUNK: more, less CPU (each piece costs ~3 ms) for memory
    keep = []
    clean = []  # cells a row goes the fast way only with a plain number or date in (or a cell the plan searched)
    rounding = {}  # output column → (its unrounded column, places): Python's round() where on an edge

    def columns(self, cells: pl.LazyFrame, lines: tuple) -> tuple:
        if not hasattr(self, "_formulas"):  # built once, not once a piece (5 ms each for `score`)
            self._formulas = self.formulas()
        ok, stages = self._formulas
        for stage in stages:  # each stage's columns computed once, then named by the next
            cells = cells.with_columns(**stage)
        return cells, ok

    def prepare(self, table):
        """A first pass over the file, for a calculator that needs every row before it can score one."""

    def slow_row(self, row):
        return row

    def seen(self, fast: pl.LazyFrame):
        pass

    def done(self):
        pass
