"""rfm's first pass through a temporary folder (calculators/rfm/spilled.py) for a file of many customers: the same
file and summary as the in-memory path and the pure-Python reference, byte for byte, and no folder left behind,
however the run ends. 60 customers stand in for columns.CUSTOMERS, parts of ~100 orders and blocks of 101 rows for
those of 256k, so a file of 3,000 orders of ~300 customers goes the spilled way in ~30 parts."""

import random
from pathlib import Path
from types import SimpleNamespace

import polars as pl
import pytest

from calculators import engine
from calculators import pieces as file_pieces
from calculators.cli import main
from calculators.rfm import columns as rfm_columns
from calculators.rfm import ids as rfm_ids
from calculators.rfm import spilled

from .random_files import rfm_rows, write_file
from .spill_folders import listed_folders


@pytest.fixture
def small_parts(monkeypatch, tmp_path):
    """Shrunk thresholds; the temporary folders made under tmp_path/"tmp" and listed, to check they are gone."""
    monkeypatch.setattr(rfm_columns, "CUSTOMERS", 60)
    monkeypatch.setattr(spilled, "PART", 97)
    monkeypatch.setattr(spilled, "RUN", 101)
    monkeypatch.setattr(file_pieces, "CHUNK", 9973)  # bytes: a dozen pieces
    return listed_folders(monkeypatch, tmp_path, spilled)


def scored(capsys, tmp_path, source, name: str, engine_name: str = "polars", *options) -> tuple:
    out = tmp_path / f"out-{name}.csv"
    code = main(["rfm", str(source), "--date-format", "dmy", *options, "--engine", engine_name, "-o", str(out)])
    return code, out.read_bytes() if out.exists() else None, capsys.readouterr().err


def orders_file(tmp_path, seed: int, rows: int = 3000) -> Path:
    """Orders of ~300 customers (ties in every dimension) with blank, bad and total rows, 万/元 amounts, padded
    names, dates the reference reads its own way, a customer whose amounts are -0 (summed from 0.0: 0.0), bad rows
    last."""
    rng = random.Random(seed)
    header, found = rfm_rows(rng)
    source = tmp_path / f"in-{seed}.csv"
    write_file(source, header, found[:rows] + [["客户007", "2024-05-01", "1.2万元"], ["零", "2024-05-01", "-0"],
                                                    ["零", "2024-05-02", "-0.0"], ["客户9", "x", "1"]], rng)
    return source


@pytest.mark.parametrize("seed, options", [(1, []), (2, ["--ties", "r-rfm", "--analysis-date", "2025-01-01"]),
                                           (3, ["--thresholds", "frequency=1,2,3,20"])])
def test_a_spilled_file_is_the_in_memory_and_the_references_byte_for_byte(capsys, monkeypatch, tmp_path,
                                                                          small_parts, seed, options):
    """The file and the summary (customers, segment counts, breaks) are the same by the three ways, a row read the
    reference way given its customer's scores by its line; the folder is gone after the run."""
    source = orders_file(tmp_path, seed)
    spilled_file = scored(capsys, tmp_path, source, "spilled", "polars", *options)
    assert len(small_parts) == 1
    monkeypatch.setattr(rfm_columns, "CUSTOMERS", 1 << 18)
    held_file = scored(capsys, tmp_path, source, "held", "polars", *options)
    reference_file = scored(capsys, tmp_path, source, "reference", "python", *options)
    assert len(small_parts) == 1 and spilled_file[0] == 0
    assert spilled_file == held_file == reference_file
    assert "1.2万元" in spilled_file[1].decode("utf-8-sig")
    assert not list((tmp_path / "tmp").iterdir())


def test_the_folder_is_removed_when_a_run_fails(capsys, monkeypatch, tmp_path, small_parts):
    """An order after the analysis date and names that share a first hash (by their length here, in the spilled
    pass only) send the file the reference way, which writes its error or its file; Ctrl-C while the rows are
    written: each after the orders went to a folder."""
    source = orders_file(tmp_path, 4)
    late = scored(capsys, tmp_path, source, "late", "polars", "--analysis-date", "2023-06-01")
    assert late[0] == 2 and "before the last order of customer" in late[2]
    assert late == scored(capsys, tmp_path, source, "reference", "python", "--analysis-date", "2023-06-01")
    monkeypatch.setattr(spilled, "ids", SimpleNamespace(SEEDS=rfm_ids.SEEDS, hashed=lambda names, seed: (
        names.str.len_bytes().cast(pl.UInt64) if seed == rfm_ids.SEEDS[0] else rfm_ids.hashed(names, seed))))
    clash = scored(capsys, tmp_path, source, "clash")
    monkeypatch.setattr(spilled, "ids", rfm_ids)
    assert clash == scored(capsys, tmp_path, source, "reference", "python")
    assert len(small_parts) == 2

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "stream", interrupted)
    with pytest.raises(KeyboardInterrupt) as caught:  # its frames hold the run's objects: no finaliser has run
        scored(capsys, tmp_path, source, "interrupted")
    assert len(small_parts) == 3 and caught.traceback
    assert not list((tmp_path / "tmp").iterdir())


def test_counted_reads_as_the_sorted_column():
    """Values and their counts, a value in several frames: len() and every [i] as the sorted column's."""
    rng = random.Random(6)
    column = [rng.randrange(30) for _ in range(500)]
    frames = [pl.DataFrame({"v": column[k::3]}).group_by("v").len() for k in range(3)]
    counted = spilled.Counted(pl.concat(frames))
    assert len(counted) == len(column)
    assert [counted[i] for i in range(len(column))] == sorted(column)
