"""RFM as columns: a first pass totals each customer's orders, then each order gets its scores."""

import polars as pl

from ..cells import is_total_row, safe_cell
from ..engine import batches, cell_names, plain_number, slow_cells
from ..seen import Seen
from ..errors import InputError
from .ids import Ids
from .scores import Lookup, Scores
from .totals import Running
from ..columns.base import Columns, round_exact


# A customer cell Python's strip() would change, and a date the fast way reads (the reference's others).
_PADDED = r"^[\s\x1c-\x1f]|[\s\x1c-\x1f]$"
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# Rows whose customer's number the first pass keeps for the second (4 bytes each: 8 MB at most, a 1M-row file's
# all); the second finds the others' again, some 15 ms of CPU a piece of 60,000 rows (1M rows: 3.21–3.38 s of CPU
# with none kept, main's 2.54–2.96, measured in turns).
KEPT = 1 << 21


class RfmColumns(Columns):
    """cli.run_file: a first pass adds every order to its customer's totals (sums in the file's order, as
    rfm.Totals.add does), the reference scores the customers, then each order gets its customer's scores."""

    types = {"recency": pl.Int64, "frequency": pl.Int64, "monetary": pl.Float64, "r": pl.Int64, "f": pl.Int64,
             "m": pl.Int64, "segment": pl.String}
    label = "segment"
    chunks = 2

    def __init__(self, customer: int, date: int, amount: int, order):
        self.customer, self.date, self.amount, self.order = f"c{customer}", f"c{date}", f"c{amount}", order
        self.scores = None
        self.clean = [self.date, self.amount]

    def _orders(self) -> tuple:
        """(ok, {customer, day, amount}) of a batch's orders the fast way."""
        customer, date = pl.col(self.customer), pl.col(self.date)
        day = date.str.to_date("%Y-%m-%d", strict=False)
        amount, good = plain_number(self.amount)
        ok = (customer.is_not_null() & ~customer.str.contains(_PADDED) & date.str.contains(_ISO_DATE) &
              day.is_not_null() & good & (amount >= 0)).fill_null(False)
        return ok, {"_customer": customer, "_day": day, "_amount": amount}

    def prepare(self, table):
        """The first pass: each customer's last day, count and amount (summed in line order) of the orders, by the
        customer's number (`Ids`), and the numbers of the rows it settled for the second pass, the first KEPT rows'
        (`kept`, by the piece's first line)."""
        names, extra = cell_names(table)
        schema = {"line": pl.UInt32, "_customer": pl.String, "_day": pl.Date, "_amount": pl.Float64}
        running, self.ids = Running(), Ids()
        ok, values = self._orders()
        fast, self.seen_first, self.kept = pl.col("_ok") & ~pl.col("_doubt"), Seen(), {}
        for (first, _), frame in batches(table, self.clean, self.chunks, self.seen_first.spans, **values, _ok=ok):
            self.seen_first.note(frame, fast)
            slow = []
            for line, row in slow_cells(frame.filter(~fast), names, extra):
                try:
                    slow.append((line, *self.order(row))) if not is_total_row(row) else None
                except InputError:
                    pass  # the second pass writes the same error on the row
            orders = frame.select(pl.col(list(schema)).filter(fast), _fast=True)
            if slow:
                orders = pl.concat([orders, pl.DataFrame(slow, schema=schema, orient="row").with_columns(
                    _fast=False)]).sort("line")
            numbers = self.ids.number(orders["_customer"])
            running.add(orders.select("_day", "_amount", _code=numbers))
            if sum(map(len, self.kept.values())) < KEPT:
                self.kept[first] = pl.repeat(None, len(frame), dtype=pl.UInt32, eager=True).scatter(
                    frame.select(fast).to_series().arg_true(), numbers.filter(orders["_fast"]))
        self.seen_first.done()
        return Scores(running.totals())

    def customers(self, customers: pl.DataFrame, titles: dict) -> Lookup:
        """Each customer's output columns, from the scores (`customers`, by number; the segment an Enum of the rules'
        keys, in the order of `titles`); the lookup the rows in doubt read them from."""
        self.scores = customers.with_columns(monetary=round_exact(customers["monetary"], 2))
        self.titles = pl.Series([safe_cell(t) for t in titles.values()], dtype=pl.String)
        return Lookup(customers, self.ids)

    def columns(self, cells: pl.LazyFrame, lines: tuple) -> tuple:
        """Each order's customer's scores, picked by the customer's number (kept by the first pass, else `Ids.find`
        in the thread that collects the piece). A row is settled where the first pass settled it."""
        kept = self.kept.pop(lines[0], None)
        number = pl.col(self.customer).map_batches(self.ids.find, return_dtype=pl.UInt32) if kept is None else (
            pl.lit(kept))
        picked = {name: pl.lit(self.scores[name]).gather(pl.col("_row")) for name in self.scores.columns}
        found = cells.with_columns(_row=number).with_columns(
            **{name: value.cast(self.types[name]) for name, value in picked.items() if name != "segment"},
            segment=pl.lit(self.titles).gather(picked["segment"].to_physical()))
        return found, ~self.seen_first.among("slow", lines) & pl.col("segment").is_not_null()
