"""RFM as columns: a first pass totals each customer's orders, then each order gets its scores."""

import polars as pl

from ..batch import expected_rows
from ..cells import is_total_row, safe_cell
from ..engine import batches, cell_names, plain_number, slow_cells
from ..seen import Seen
from ..errors import InputError
from . import spilled
from .ids import Ids
from .scores import Lookup, Scores
from .totals import Running
from ..columns.base import Columns, round_exact


# A customer cell Python's strip() would change, and a date the fast way reads (the reference's others).
_PADDED = r"^[\s\x1c-\x1f]|[\s\x1c-\x1f]$"
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_SCHEMA = {"line": pl.UInt32, "_customer": pl.String, "_day": pl.Date, "_amount": pl.Float64}
# Customers numbered in memory (60–100 bytes each): a file with more is read again, its orders through a
# temporary folder (spilled.py). 10M orders of 1.25M customers: 160 MB with 64k, 128k or 256k here (jemalloc
# purging at once); a 1M-row file's 125,000 customers stay in memory, the path as before.
CUSTOMERS = 1 << 18
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
        self.scores = self.orders = None
        self.clean = [self.date, self.amount]

    def _orders(self) -> tuple:
        """(ok, {customer, day, amount}) of a batch's orders the fast way."""
        customer, date = pl.col(self.customer), pl.col(self.date)
        day = date.str.to_date("%Y-%m-%d", strict=False)
        amount, good = plain_number(self.amount)
        ok = (customer.is_not_null() & ~customer.str.contains(_PADDED) & date.str.contains(_ISO_DATE) &
              day.is_not_null() & good & (amount >= 0)).fill_null(False)
        return ok, {"_customer": customer, "_day": day, "_amount": amount}

    def _first_pass(self, table):
        """Each piece of the first pass: (its first line, its rows, its orders in line order: `line`, `_customer`,
        `_day`, `_amount`, `_fast`)."""
        names, extra = cell_names(table)
        ok, values = self._orders()
        fast, self.seen_first = pl.col("_ok") & ~pl.col("_doubt"), Seen()
        for (first, _), frame in batches(table, self.clean, self.chunks, self.seen_first.spans, **values, _ok=ok):
            self.seen_first.note(frame, fast)
            slow = []
            for line, row in slow_cells(frame.filter(~fast), names, extra):
                try:
                    slow.append((line, *self.order(row))) if not is_total_row(row) else None
                except InputError:
                    pass  # the second pass writes the same error on the row
            orders = frame.select(pl.col(list(_SCHEMA)).filter(fast), _fast=True)
            if slow:
                orders = pl.concat([orders, pl.DataFrame(slow, schema=_SCHEMA, orient="row").with_columns(
                    _fast=False)]).sort("line")
            yield first, frame, orders
        self.seen_first.done()

    def prepare(self, table):
        """The first pass: each customer's last day, count and amount (summed in line order) of the orders, by the
        customer's number (`Ids`), and the numbers of the rows it settled for the second pass, the first KEPT rows'
        (`kept`, by the piece's first line). Past CUSTOMERS customers, the file is read again the spilled way."""
        running, self.ids, self.kept = Running(), Ids(), {}
        pieces = self._first_pass(table)
        for first, frame, orders in pieces:
            numbers = self.ids.number(orders["_customer"])
            if self.ids.size > CUSTOMERS:
                pieces.close()
                del running, numbers
                self.ids = self.kept = None
                return self._spilled(table)
            running.add(orders.select("_day", "_amount", _code=numbers))
            if sum(map(len, self.kept.values())) < KEPT:
                self.kept[first] = pl.repeat(None, len(frame), dtype=pl.UInt32, eager=True).scatter(
                    frame.select(pl.col("_ok") & ~pl.col("_doubt")).to_series().arg_true(),
                    numbers.filter(orders["_fast"]))
        return Scores(running.totals())

    def _spilled(self, table) -> spilled.Orders:
        """The first pass again, each order to a temporary folder by its customer (spilled.py), its row known by its
        place among the file's non-blank rows; the rows read the reference way noted by line (`slow`)."""
        self.orders = spilled.Orders(max(1, expected_rows(table) // spilled.PART))
        self.pieces, self.slow, self.looked, start = {}, {}, {}, 0
        for first, frame, orders in self._first_pass(table):
            self.pieces[first] = start, len(frame)
            orders = orders.with_columns(_at=frame["line"].search_sorted(orders["line"]))  # its place in the piece
            slow = orders.filter(~pl.col("_fast"))
            if len(slow):
                self.slow[first] = dict(zip(slow["line"], slow["_at"]))
            self.orders.add(orders.with_columns(pl.col("_at") + start))
            start += len(frame)
        self.orders.done(start)
        return self.orders

    def customers(self, customers, titles: dict):
        """Each customer's output columns, from the scores (`customers`, by number; the segment an Enum of the rules'
        keys, in the order of `titles`); the lookup the rows in doubt read them from. Spilled: their count."""
        self.titles = pl.Series([safe_cell(t) for t in titles.values()], dtype=pl.String)
        self.named = list(titles.values())
        if self.orders is not None:
            return customers
        self.scores = customers.with_columns(monetary=round_exact(customers["monetary"], 2))
        return Lookup(customers, self.ids)

    def columns(self, cells: pl.LazyFrame, lines: tuple) -> tuple:
        """Each order's customer's scores, picked by the customer's number (kept by the first pass, else `Ids.find`
        in the thread that collects the piece), or read by the row's place when spilled. A row is settled where the
        first pass settled it."""
        if self.orders is not None:
            picked = {name: pl.lit(values) for name, values in self._read(lines[0]).items()}
            segment = picked["segment"]
        else:
            kept = self.kept.pop(lines[0], None)
            number = pl.col(self.customer).map_batches(self.ids.find, return_dtype=pl.UInt32) if kept is None else (
                pl.lit(kept))
            cells = cells.with_columns(_row=number)
            picked = {name: pl.lit(self.scores[name]).gather(pl.col("_row")) for name in self.scores.columns}
            segment = picked["segment"].to_physical()
        found = cells.with_columns(
            **{name: value.cast(self.types[name]) for name, value in picked.items() if name != "segment"},
            segment=pl.lit(self.titles).gather(segment))
        return found, ~self.seen_first.among("slow", lines) & pl.col("segment").is_not_null()

    def _read(self, first: int) -> dict:
        """A piece's rows' scores (spilled.SCORED, null for a row with no order), by the piece's first line; those of
        its rows read the reference way kept for `slow_row` (`looked`: two pieces' at most, as abc's)."""
        start, count = self.pieces.pop(first)
        scores = self.orders.rows.take(start, count)
        for line, at in self.slow.pop(first, {}).items():
            self.looked[line] = scores.row(at, named=True)
        return scores.to_dict()

    def slow_row(self, row):
        """cli.run_file's row function; spilled, a row the first pass read as an order gets the scores kept."""
        if self.orders is None:
            return row

        def looked_up(cells, line):
            if line not in self.looked:  # not an order: the row function's error
                return row(cells, line)
            c = self.looked.pop(line)
            title = self.named[c["segment"]]
            return [c["recency"], c["frequency"], c["monetary"], c["r"], c["f"], c["m"], title], title

        return looked_up

    def close(self):
        """The temporary folder removed, if the orders went to one: run_file's `finally`."""
        if self.orders is not None:
            self.orders.close()
