"""RFM as columns: a first pass totals each customer's orders, then each order gets its scores."""

import polars as pl

from ..cells import is_total_row, safe_cell
from ..engine import cell_names, plain_number, read, slow_cells
from ..errors import InputError
from ..rfm import Totals
from .base import Columns


# A customer cell Python's strip() would change, and a date the fast way reads (the reference's others).
_PADDED = r"^[\s\x1c-\x1f]|[\s\x1c-\x1f]$"
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class RfmColumns(Columns):
    """runners.rfm: a first pass adds every order to its customer's totals (sums in the file's order, as
    rfm.Totals.add does), the reference scores the customers, then each order gets its customer's scores."""

    types = {"recency": pl.Int64, "frequency": pl.Int64, "monetary": pl.Float64, "r": pl.Int64, "f": pl.Int64,
             "m": pl.Int64, "segment": pl.String}
    label = "segment"

    def __init__(self, customer: int, date: int, amount: int, order):
        self.customer, self.date, self.amount, self.order = f"c{customer}", f"c{date}", f"c{amount}", order
        self.scores = None

    def _orders(self) -> tuple:
        """(ok, {customer, day, amount}) of a batch's orders the fast way."""
        customer, date = pl.col(self.customer), pl.col(self.date)
        day = date.str.to_date("%Y-%m-%d", strict=False)
        amount, good = plain_number(self.amount)
        ok = (customer.is_not_null() & ~customer.str.contains(_PADDED) & date.str.contains(_ISO_DATE) &
              day.is_not_null() & good & (amount >= 0)).fill_null(False)
        return ok, {"_customer": customer, "_day": day, "_amount": amount}

    def prepare(self, table):
        names, extra = cell_names(table)
        schema = {"line": pl.UInt32, "_customer": pl.String, "_day": pl.Date, "_amount": pl.Float64}
        totals = pl.DataFrame(schema={k: v for k, v in schema.items() if k != "line"} | {"_count": pl.Int64})
        ok, values = self._orders()
        for cells in read(table):
            frame = cells.with_columns(**values, _ok=ok & ~pl.col("_doubt"))
            slow = []
            for line, row in slow_cells(frame.filter(~pl.col("_ok")), names, extra):
                try:
                    slow.append((line, *self.order(row))) if not is_total_row(row) else None
                except InputError:
                    pass  # the second pass writes the same error on the row
            orders = pl.concat([frame.filter("_ok").select(list(schema)),
                                pl.DataFrame(slow, schema=schema, orient="row")]).sort("line")
            totals = pl.concat([totals, orders.select(*list(schema)[1:], _count=pl.lit(1, pl.Int64))]).group_by(
                "_customer", maintain_order=True).agg(pl.col("_day").max(), pl.col("_amount").cum_sum().last(),
                                                      pl.col("_count").sum())
        return self._totals(totals)

    @staticmethod
    def _totals(frame: pl.DataFrame) -> Totals:
        totals, customers = Totals(), frame["_customer"].to_list()
        totals.last = dict(zip(customers, frame["_day"].to_list()))
        totals.count = dict(zip(customers, frame["_count"].to_list()))
        totals.amount = dict(zip(customers, frame["_amount"].to_list()))
        return totals

    def customers(self, scored: list, titles: dict):
        """Each customer's output columns, from the reference's scores."""
        self.scores = pl.DataFrame(
            [(c["customer"], c["recency"], c["frequency"], round(c["monetary"], 2), c["r"], c["f"], c["m"],
              safe_cell(titles[c["segment"]])) for c in scored],
            schema={"_customer": pl.String, **self.types}, orient="row")

    def formulas(self, cells: pl.DataFrame) -> tuple:
        ok, values = self._orders()
        found = cells.select(pl.col(self.customer).alias("_customer")).join(
            self.scores, on="_customer", how="left", maintain_order="left")
        return ok & pl.lit(found["segment"]).is_not_null(), [{k: pl.lit(found[k]) for k in self.types}]
