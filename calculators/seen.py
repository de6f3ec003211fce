"""What the first pass over a file (abc, rfm) saw of its rows, for the second (calculators/engine.py)."""

import polars as pl


class Seen:
    """What a first pass (abc, rfm) saw of the rows, so that the second need not look again: the lines of
    the odd rows (`engine.read`) and of the rows it did not settle the fast way, in order (a few: 4 bytes each), and
    where its pieces lie in the file (`spans`, engine.pieces), which the second reads again."""

    def __init__(self):
        self.odd, self.slow, self.spans = [], [], []

    def note(self, frame: pl.DataFrame, fast: pl.Expr):
        """A piece of `batches`, the rows `fast` settled."""
        self.odd.append(frame["line"].filter(frame["_odd"]))
        self.slow.append(frame.select(pl.col("line").filter(~fast)).to_series())

    def done(self):
        self.odd, self.slow = (pl.concat(kind) if kind else pl.Series([], dtype=pl.UInt32)
                               for kind in (self.odd, self.slow))

    def among(self, kind: str, lines: tuple) -> pl.Expr:
        """True for the rows of a piece (`lines`: its first line, the next piece's) noted as `kind`."""
        noted = getattr(self, kind)
        first, last = noted.search_sorted(pl.Series(lines, dtype=pl.UInt32), side="left").to_list()
        return pl.col("line").is_in(pl.lit(noted[first:last]).implode())
