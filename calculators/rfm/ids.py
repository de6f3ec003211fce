"""Each customer's number (0, 1, … in order of first appearance) by its name, for rfm's two passes, in a hash table
of polars arrays (open addressing: a slot holds a number + 1, 0 when empty). It replaces polars' categories, which
held ~99 bytes a name (118 MB for the 10M-row file's 1.25M customers) and took ~200 ns a cell to name (measured);
here 4 bytes a slot (4 to 8 slots a name) and two 64-bit hashes a name (hashing 60,000 names ~0.5 ms, finding them
11–17 ms of CPU, in rounds of one slot each, measured). A name is known
by both hashes: the first finds it, the second, checked on every order of the first pass, sends the file the
reference way (io.Unsuitable) when two names share the first; two names alike in all 128 bits would be taken for one
customer, odds of ~1e-26 for 1.25M names. Both passes hash in one process, so polars' hash (not stable across
versions) serves."""

import polars as pl

from ..io import Unsuitable

SEEDS = (27, 72)
# Slots to start with, doubled as the names come.
SLOTS = 1 << 16
# At least this many slots a name: at most a quarter full, a search of 60,000 names took 10–13 ms of CPU against
# 18–33 half full (its longest chain of full slots sets its rounds; 125,000 and 1.25M names, measured).
SPREAD = 4
# Names placed at a time when the table grows: placing 1.05M at once held 178 MB more for a moment (measured).
PLACED = 1 << 16


class Ids:
    def __init__(self, slots: int = None):
        self.size = 0
        self.slots = pl.zeros(slots or SLOTS, pl.UInt32, eager=True)
        # Each number's hashes at number + 1: a slot's content indexes them, an empty slot (0) a dummy.
        self.first, self.second = (pl.zeros(1, pl.UInt64, eager=True) for _ in SEEDS)

    def number(self, names: pl.Series) -> pl.Series:
        """Each name's number, a name not seen before numbered after the others in order of first appearance."""
        first, second = (hashed(names, seed) for seed in SEEDS)
        found = self._find(first)
        missing = found.is_null()
        if missing.any():
            new = pl.DataFrame({"first": first.filter(missing), "second": second.filter(missing)}).unique(
                "first", keep="first", maintain_order=True)
            self._add(new)
            found = found.scatter(missing.arg_true(), self._find(first.filter(missing)))
        if (self.second.gather(found + 1) != second).any():
            raise Unsuitable("two customers' names share a 64-bit hash")
        return found

    def find(self, names: pl.Series) -> pl.Series:
        """Each name's number, null for a name (or null) not numbered; a name checked by `number` before."""
        return self._find(hashed(names, SEEDS[0]))

    def _find(self, keys: pl.Series) -> pl.Series:
        """The numbers of these first hashes: each looked for from its slot on, to its own or an empty slot."""
        found = pl.repeat(None, len(keys), dtype=pl.UInt32, eager=True)
        probe = pl.DataFrame({"row": pl.int_range(len(keys), dtype=pl.UInt32, eager=True), "key": keys}).with_columns(
            **self._start())
        while len(probe):
            probe = probe.lazy().with_columns(held=pl.lit(self.slots).gather("slot")).with_columns(number=pl.when(
                (pl.col("held") > 0) & (pl.lit(self.first).gather("held") == pl.col("key"))).then(pl.col("held") - 1)
            ).collect()
            found = found.scatter(probe["row"], probe["number"])  # null where not found yet
            probe = probe.filter(pl.col("number").is_null() & (pl.col("held") > 0)).select(
                "row", "key", "step", slot=self._next())
        return found

    def _add(self, new: pl.DataFrame):
        """New names' hashes numbered from `size` on, room made by doubling (each growth copies the arrays)."""
        numbers = pl.int_range(self.size, self.size + len(new), dtype=pl.UInt32, eager=True)
        self.size += len(new)
        if self.size >= len(self.first):
            more = max(self.size + 1, 2 * len(self.first)) - len(self.first)
            self.first, self.second = (k.extend_constant(0, more).rechunk() for k in (self.first, self.second))
        self.first = self.first.scatter(numbers + 1, new["first"])
        self.second = self.second.scatter(numbers + 1, new["second"])
        if SPREAD * self.size > len(self.slots):
            size = 2 * len(self.slots)
            while SPREAD * self.size > size:
                size *= 2
            self.slots = pl.zeros(size, pl.UInt32, eager=True)
            numbers = pl.int_range(self.size, dtype=pl.UInt32, eager=True)
        for start in range(0, len(numbers), PLACED):
            part = numbers.slice(start, PLACED) + 1
            self._place(self.first.gather(part), part)

    def _place(self, keys: pl.Series, held: pl.Series):
        """Numbers + 1 into their keys' first empty slots; of those that want the same slot, the first gets it."""
        place = pl.DataFrame({"key": keys, "held": held}).select("held", **self._start())
        while len(place):
            free = place.filter(pl.lit(self.slots).gather("slot") == 0).unique("slot", keep="first",
                                                                                maintain_order=True)
            self.slots = self.slots.scatter(free["slot"], free["held"])
            place = place.filter(pl.lit(self.slots).gather("slot") != pl.col("held")).with_columns(slot=self._next())

    def _start(self) -> dict:
        """A key's first slot (its low bits) and the step to the next (its high bits, odd: every slot in turn). Steps
        that differ by key, not +1, keep runs of full slots short: a search takes as many rounds as its longest."""
        mask = len(self.slots) - 1
        return {"slot": (pl.col("key") & mask).cast(pl.UInt32),
                "step": ((pl.col("key") // (1 << 32)) & mask | 1).cast(pl.UInt32)}

    def _next(self) -> pl.Expr:
        return (pl.col("slot") + pl.col("step")) & (len(self.slots) - 1)


def hashed(names: pl.Series, seed: int) -> pl.Series:
    return names.hash(seed)
