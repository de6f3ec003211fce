"""abc's ranking: each valued row's rank (one stable sort, highest first) and the running sum at its rank, sorted a
band of values at a time; in memory here, through a temporary folder for a long file (spilled.py)."""

import polars as pl

# Rows per step where a column of every row is divided or summed: its temporaries stay a few MB.
STEP = 1 << 20
# Values sorted at once (`ranked`): polars' stable sort holds some 30 bytes a value while it runs, which was the
# peak of a long file. 10M rows (load 2–12): 413–432 MB in bands of 1M values, 461 MB of 2M, 585 MB in one sort, for
# about the same CPU (14.9–16.3 s against 15.3–17.6).
BAND = 1 << 20
# Bands of values held in memory; a file with more valued rows goes through a temporary folder (spilled.py), so
# memory stays flat with its length: 10M rows peak at 167–177 MB so, at 392–400 MB all in memory (1M: 169–172).
HELD = 2


class Held:
    """The ranks in memory: each valued row's rank in the file's order and the running sum at each rank."""

    def __init__(self, rank: pl.Series, running: pl.Series):
        self.rank, self.running = rank, running

    def take(self, start: int, count: int) -> tuple:
        """(rank, running sum at it) of `count` valued rows from the `start`th, in the file's order."""
        rank = self.rank.slice(start, count)
        return rank, self.running.gather(rank - 1)


def ranked(v: pl.Series) -> tuple:
    """(each value's rank, in v's order, and the running sum at each rank) as one stable sort, highest first, gives
    them for finite values: sorted a band of values at a time, the highest first (a band holds all of its values'
    ties, in v's order), its running sums seeded with the last band's end. One key kept in order on one thread: 0.12
    s of CPU and 16 MB for 1M rows, against 0.15 s and 60 MB sorting by (key, row). The running sums are the bands'
    own, one after the other: 111–130 ms of CPU (medians of 15) against 117–132 filling a column of zeros."""
    rank, running, done, seed = pl.zeros(len(v), pl.UInt32, eager=True), [], 0, None
    for band in _bands(v):
        part = sorted_band(pl.DataFrame({"_key": v}).with_row_index("i") if band is None else
                           pl.DataFrame({"_key": v.filter(band), "i": band.arg_true()}))
        rank.scatter(part["i"], pl.int_range(done + 1, done + 1 + len(part), dtype=pl.UInt32, eager=True))  # in place
        keys = part["_key"]
        del part
        running.append(running_sums(keys, seed))
        seed, done = running[-1][-1] if len(keys) else seed, done + len(keys)  # a band may be empty
    return rank, pl.concat(running, rechunk=False) if running else pl.Series([], dtype=pl.Float64)


def sorted_band(band: pl.DataFrame) -> pl.DataFrame:
    """A band's rows by `_key`, highest first, ties in their order (Python's sorted(reverse=True))."""
    return band.sort("_key", descending=True, maintain_order=True, multithreaded=False)


def running_sums(keys: pl.Series, seed) -> pl.Series:
    """The running sums of `keys` from `seed` (the last band's end, None for the first), added one by one."""
    seeded = pl.Series([] if seed is None else [seed], dtype=pl.Float64)
    return pl.concat([seeded, keys]).cum_sum().slice(len(seeded))


def _bands(v: pl.Series):
    """Masks of v's values by range, the highest first, about BAND values each (cut at values of a sample of v);
    None for all of them in one."""
    count = -(-len(v) // BAND)
    if count <= 1:
        yield None
        return
    every = pl.repeat(True, len(v), eager=True)
    for high, low in ranges(v.gather_every(max(len(v) // 4096, 1)), count):
        yield (every if high is None else v < high) & (every if low is None else v >= low)


def ranges(sample: pl.Series, count: int) -> list:
    """(high, low) of `count` bands of values or fewer, the highest first (`cuts`): a band holds the values v with
    low <= v < high (None: no bound)."""
    high = cuts(sample, count)
    return list(zip([None, *high], [*high, None]))


def cuts(sample: pl.Series, count: int) -> list:
    """The values that cut `count` bands or fewer of about as many of `sample`'s values, the highest first."""
    sample = sample.sort(descending=True)
    return sorted({sample[len(sample) * k // count] for k in range(1, count)}, reverse=True)


def cumulative(running: pl.Series, total: float) -> pl.Series:
    """running / total * 100 as Python computes it: divided by a column (by a number polars multiplies by its
    inverse, which may differ in the last bit)."""
    return running / repeat(total, len(running)) * 100


def steps(column: pl.Series):
    return (column.slice(at, STEP) for at in range(0, len(column), STEP))


def repeat(total: float, n: int) -> pl.Series:
    return pl.repeat(total, n, dtype=pl.Float64, eager=True)


def add_in_order(total: float, values: pl.Series) -> float:
    """total + each of `values` in turn, as Python's sum() adds them (cum_sum is sequential)."""
    return pl.concat([pl.Series([total]), values]).cum_sum()[-1]
