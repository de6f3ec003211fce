"""Each customer's last day, count and amount as the first pass reads the orders, piece by piece, in arrays by the
customer's number (its code, rfm/ids.py: in order of first appearance): 20 bytes a customer, nothing a row, and no
roll-up that groups every customer again. The amounts are added in line order, as rfm.Totals.add adds them."""

import polars as pl

# A customer's first orders in a piece are added in waves, one order of each customer at a time (a gather and a
# scatter); its orders past this many, by a running sum over them, seeded with its total so far. A wave costs about
# 1 ms a piece however few orders it holds: the first pass's additions of 1M orders took 0.24–0.29 s of CPU with 3
# against 0.30–0.35 with 8 (125,000 customers) and 0.21–0.25 against 0.36–0.38 (997 customers), the same at 10M
# (2.8–3.2 s; 3 runs each, in one process).
WAVES = 3


class Running:
    """The totals so far, indexed by code."""

    def __init__(self):
        self.size = 0
        self.day, self.amount = pl.Series("_day", [], pl.Date), pl.Series("_amount", [], pl.Float64)
        self.count = pl.Series("_count", [], pl.Int64)

    def add(self, orders: pl.DataFrame):
        """A piece's orders (`_code`, `_day`, `_amount`), in line order."""
        if not len(orders):
            return
        # Each customer's orders side by side in line order (a stable sort), `_n` counting them from 0.
        orders = orders.sort("_code", maintain_order=True, multithreaded=False)
        begins = (pl.col("_code") != pl.col("_code").shift()).fill_null(True)
        start = pl.when(begins).then(pl.int_range(pl.len(), dtype=pl.UInt32)).forward_fill()
        orders = orders.with_columns(_n=pl.int_range(pl.len(), dtype=pl.UInt32) - start)
        self.size = max(self.size, int(orders["_code"].max()) + 1)
        self._grow(self.size)
        for n in range(min(int(orders["_n"].max()) + 1, WAVES)):
            self._wave(orders.filter(pl.col("_n") == n))
        late = orders.filter(pl.col("_n") >= WAVES)
        if len(late):  # each customer's orders after its first WAVES, side by side in line order
            self._late(late)

    def _wave(self, orders: pl.DataFrame):
        """Order n of each customer of the piece (each customer once) added to its totals."""
        code = orders["_code"]
        count = self.count.gather(code)
        self.count = self.count.scatter(code, count + 1)
        self.amount = self.amount.scatter(code, self.amount.gather(code) + orders["_amount"])
        day = self.day.gather(code)
        self.day = self.day.scatter(code, day.zip_with((day >= orders["_day"]).fill_null(False), orders["_day"]))

    def _late(self, orders: pl.DataFrame):
        """The rest of each customer's orders: a running sum (cum_sum is sequential) seeded with its total so far."""
        code = orders["_code"].unique(maintain_order=True)
        seeds = pl.DataFrame({"_code": code, "_amount": self.amount.gather(code), "_day": self.day.gather(code),
                              "_count": self.count.gather(code)})
        rows = orders.select("_code", "_amount", "_day", _count=pl.lit(1, pl.Int64))
        sums = pl.concat([seeds, rows]).group_by("_code", maintain_order=True).agg(
            pl.col("_amount").cum_sum().last(), pl.col("_day").max(), pl.col("_count").sum())
        code = sums["_code"]
        self.amount = self.amount.scatter(code, sums["_amount"])
        self.day, self.count = self.day.scatter(code, sums["_day"]), self.count.scatter(code, sums["_count"])

    def _grow(self, size: int):
        """Room for codes up to `size`, doubling: each growth copies the arrays."""
        have = len(self.count)
        if size > have:
            more = max(size, 2 * have) - have
            self.day = self.day.extend_constant(None, more).rechunk()
            self.amount = self.amount.extend_constant(0.0, more).rechunk()
            self.count = self.count.extend_constant(0, more).rechunk()

    def totals(self) -> pl.DataFrame:
        """`_day`, `_amount`, `_count` of every customer, by code (in order of first appearance)."""
        return pl.DataFrame([self.day, self.amount, self.count]).head(self.size)
