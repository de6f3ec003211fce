"""rfm's customer numbers (calculators/rfm/ids.py), a hash table of polars arrays: the numbers a dict gives in order
of first appearance, whatever the table's size and the names' hashes; a file whose names share a hash is the
reference's, byte for byte."""

import random

import polars as pl
import pytest

from calculators import pieces as file_pieces
from calculators.rfm import columns as rfm_columns
from calculators.rfm import ids as rfm_ids
from calculators.rfm import totals as rfm_totals

from .random_files import rfm_rows, write_file
from .test_calc_engine import both, fast_path_used  # noqa: F401 (a fixture)


def _names(rng: random.Random, count: int) -> list:
    pick = [lambda: f"客户{rng.randrange(400):03d}", lambda: f"c{rng.randrange(40)}", lambda: " 客户001",
            lambda: "客户001 ", lambda: "", lambda: "x"]
    return [rng.choice(pick)() for _ in range(count)]


@pytest.mark.parametrize("slots", [4, 64, 1 << 16])
def test_numbers_are_a_dicts_in_order_of_first_appearance(slots):
    """Pieces of names, a name again in its piece and in later ones; a table of 4 slots grows a dozen times, and
    in 64 slots many names share a first slot."""
    rng, ids, numbers = random.Random(slots), rfm_ids.Ids(slots), {}
    for size in [0, 1, 300, 5, 2000, 700, 3000]:
        names = _names(rng, size)
        assert ids.number(pl.Series(names, dtype=pl.String)).to_list() == [numbers.setdefault(n, len(numbers))
                                                                           for n in names]
    assert ids.size == len(numbers) and len(ids.slots) >= rfm_ids.SPREAD * len(numbers)
    known = list(numbers)
    assert ids.find(pl.Series([*known, "never", None], dtype=pl.String)).to_list() == [*range(len(known)), None, None]


def test_names_sharing_a_first_hash_go_the_reference_way(monkeypatch):
    """Two names are told apart by the second hash when the first is the same (here: by length only)."""
    real = rfm_ids.hashed
    monkeypatch.setattr(rfm_ids, "hashed", lambda names, seed: names.str.len_bytes().cast(pl.UInt64)
                        if seed == rfm_ids.SEEDS[0] else real(names, seed))
    ids = rfm_ids.Ids(4)
    assert ids.number(pl.Series(["ab", "cde", "ab"])).to_list() == [0, 1, 0]
    with pytest.raises(rfm_ids.Unsuitable):
        ids.number(pl.Series(["xy"]))


def _orders(tmp_path, rng):
    """3,000 orders of ~300 customers (ties in every dimension), with blank, bad and total rows, 万/元 amounts,
    padded names and dates the reference reads its own way."""
    header, rows = rfm_rows(rng)
    rows = rows[:3000] + [["客户007", "2024-05-01", "1.2万元"], [" 客户007 ", "2024-05-02", "86万"]]
    source = tmp_path / "in.csv"
    write_file(source, header, rows, rng)
    return source


@pytest.mark.parametrize("clash", ["slots", "first hash"])
def test_a_file_is_the_references_when_names_clash(capsys, tmp_path, fast_path_used, monkeypatch, clash):  # noqa: F811
    """Pieces of ~10 KB, a customer's third order in a piece added by the running sum, the rows' numbers of the
    first 1,000 rows kept for the second pass (the others found again), and a table that starts at 4 slots: names
    that share slots give the reference's file the fast way; names that share a first hash (by their length here)
    are found out and the file goes the reference way, the same file again."""
    monkeypatch.setattr(file_pieces, "CHUNK", 9973)
    monkeypatch.setattr(rfm_totals, "WAVES", 2)
    monkeypatch.setattr(rfm_columns, "KEPT", 1000)
    monkeypatch.setattr(rfm_ids, "SLOTS", 4)
    if clash == "first hash":
        real = rfm_ids.hashed
        monkeypatch.setattr(rfm_ids, "hashed", lambda names, seed: names.str.len_bytes().cast(pl.UInt64)
                            if seed == rfm_ids.SEEDS[0] else real(names, seed))
    source = _orders(tmp_path, random.Random(5))
    (fast, fast_err), (reference, reference_err) = both(capsys, tmp_path, "rfm", source, ["--date-format", "dmy"])
    assert fast_path_used == ([True] if clash == "slots" else [])
    assert (fast, fast_err) == (reference, reference_err)
    assert "1.2万元" in fast.decode("utf-8-sig")
