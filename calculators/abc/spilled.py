"""abc's ranking of a file with more valued rows than ranks.HELD bands: the values, the ranks and the running sums go
through a temporary folder (columns/spill.py) a run of RUN rows at a time, so memory stays flat with the file's
length. The ranks are one stable sort's, as ranks.ranked gives them; the class shares are summed row by row in the
file's order, as the reference sums them."""

import polars as pl

from ..columns.spill import Blocks, Spill
from . import ranks
from .ranks import add_in_order, cumulative, cuts, running_sums, sorted_band

# Values a run holds, and a band about as many: what is held at once is some 50 bytes a value of one (a band's sort,
# a run's ranks gathered in the file's order). 10M rows: runs and bands of 1M peaked at 234 MB (one run, load 3), of
# 256k at 173–177 MB (main's, all in memory: 397 MB), for 1.07–1.14× main's CPU.
RUN = 1 << 18
# Values of each run kept for the band cuts: 1 in 256 (8 KB a run).
SAMPLE = 256


class Values:
    """The first pass's values, in the file's order: held as pieces up to ranks.HELD bands, then written in runs of
    RUN values (the folder made then), each with a sample for the band cuts."""

    def __init__(self):
        self.pieces, self.held, self.count = [], 0, 0
        self.spill, self.runs, self.sample = None, 0, []

    def add(self, values: pl.Series):
        self.pieces.append(values)
        self.held, self.count = self.held + len(values), self.count + len(values)
        if self.held >= (RUN if self.spill else ranks.BAND * ranks.HELD + 1):
            self._write(last=False)

    def done(self) -> list:
        """The pieces held (all the values, unless they were written: then none)."""
        if self.spill and self.held:
            self._write(last=True)
        return self.pieces

    def _write(self, last: bool):
        self.spill = self.spill or Spill()
        v = pl.concat(self.pieces)  # the pieces as chunks, not a copy
        whole = len(v) if last else len(v) // RUN * RUN
        for at in range(0, whole, RUN):
            run = v.slice(at, RUN)
            self.spill.write(run.to_frame("_key"), ("run",), self.runs)
            self.sample.append(run.gather_every(SAMPLE))
            self.runs += 1
        self.pieces = [v.slice(whole)] if whole < len(v) else []
        self.held = len(v) - whole

    def close(self):
        if self.spill:
            self.spill.close()


def classify(values: Values, limits: tuple) -> tuple:
    """(the ranks, read in the file's order as ranks.Held's; the total; each class's sum of values) of values written
    in runs: each run's values routed to their bands (`_route`), each band sorted (`_band`), each run's ranks and
    running sums gathered in the file's order (`_rows`)."""
    spill, runs = values.spill, values.runs
    high = cuts(pl.concat(values.sample), -(-values.count // RUN))
    sizes = [_route(spill, run, high) for run in range(runs)]
    written, total, done = [[] for _ in range(runs)], None, 0
    for band in range(len(high) + 1):
        total, done = _band(spill, band, [size.get(band, 0) for size in sizes], written, done, total)
    shares = dict.fromkeys("ABC", 0.0)
    if total:  # else the caller raises the reference's error
        for run, bands in enumerate(written):
            _rows(spill, run, bands, total, limits, shares)
    for run in range(runs):
        spill.remove(("in", run))
    spill.remove(("run",))
    empty = pl.DataFrame(schema={"rank": pl.UInt32, "running": pl.Float64})
    return Blocks(spill, ("rows",), RUN, empty), total, shares


def _bands(v: pl.Series, high: list) -> pl.Series:
    """Each value's band, 0 for the highest values: a band holds the values from its cut (`high`, the highest first)
    to the last band's."""
    return len(high) - pl.Series(high[::-1], dtype=pl.Float64).search_sorted(v, side="right")


def _route(spill: Spill, run: int, high: list) -> dict:
    """A run's values written by band to `in-<run>`, in the run's order, and the places they came from, band by band
    (`in-<run>`'s key None); {band: how many}."""
    frame = spill.read(("run",), run).with_row_index("i")
    frame = frame.with_columns(band=_bands(frame["_key"], high)).sort("band", maintain_order=True,
                                                                      multithreaded=False)
    spill.write(frame.select("i"), ("in", run), None)
    bands, counts = frame["band"].unique(maintain_order=True), frame["band"].unique_counts()
    start = 0
    for band, count in zip(bands, counts):
        spill.write(frame.select("_key").slice(start, count), ("in", run), band)
        start += count
    return dict(zip(bands, counts))


def _band(spill: Spill, band: int, counts: list, written: list, done: int, seed) -> tuple:
    """A band's values, from every run, sorted, ranked from done + 1 and summed from `seed` (the last band's end);
    each one's rank and running sum written to `part-<run>` in the run's order. (The last running sum, the values
    ranked.)"""
    found = [spill.read(("in", run), band) for run, n in enumerate(counts) if n]
    if not found:
        return seed, done
    sort = sorted_band(pl.concat(found).with_row_index("at"))
    del found
    n = len(sort)
    running = running_sums(sort["_key"], seed)
    last = running[-1]
    # back in the runs' order: each value's rank and running sum at its place in the band
    rank = pl.zeros(n, pl.UInt32, eager=True).scatter(sort["at"], pl.int_range(done + 1, done + 1 + n,
                                                                               dtype=pl.UInt32, eager=True))
    running = pl.zeros(n, pl.Float64, eager=True).scatter(sort["at"], running)
    del sort
    start = 0
    for run in (run for run, n in enumerate(counts) if n):
        part = pl.DataFrame({"rank": rank, "running": running}).slice(start, counts[run])
        spill.write(part, ("part", run), band)
        written[run].append(band)
        start += counts[run]
    return last, done + n


def _rows(spill: Spill, run: int, bands: list, total: float, limits: tuple, shares: dict):
    """A run's ranks and running sums in the file's order (`rows`), from its parts (one a band it has values in, in
    the run's order), and its values added to their classes' sums in that order (a class is the ranks whose
    cumulative share is within its limit)."""
    v = spill.read(("run",), run)["_key"]
    where = spill.read(("in", run), None)["i"]
    parts = pl.concat([spill.read(("part", run), b) for b in bands])
    spill.remove(("part", run))
    rank = pl.zeros(len(v), pl.UInt32, eager=True).scatter(where, parts["rank"])
    running = pl.zeros(len(v), pl.Float64, eager=True).scatter(where, parts["running"])
    del parts, where
    share, (a, b) = cumulative(running, total), limits
    for name, picked in (("A", share <= a), ("B", (share > a) & (share <= b)), ("C", share > b)):
        shares[name] = add_in_order(shares[name], v.filter(picked))
    spill.write(pl.DataFrame({"rank": rank, "running": running}), ("rows",), run)
