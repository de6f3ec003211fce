"""abc's ranking of a long file through a temporary folder (calculators/abc/spilled.py, calculators/columns/spill.py):
the same ranks, running sums and class sums as one stable sort in memory, the same file as the in-memory path and
the pure-Python reference, and no folder left behind, however the run ends. Runs and bands of about 100 values
stand in for those of 256k, so a file of 3,000 rows goes the spilled way."""

import itertools
import random
import tempfile
from pathlib import Path

import polars as pl
import pytest

from calculators import abc, engine
from calculators import pieces as file_pieces
from calculators.abc import cli as abc_cli
from calculators.abc import ranks, spilled
from calculators.cli import main

from .random_files import abc_rows, write_file
from .spill_folders import listed_folders


@pytest.fixture
def small_runs(monkeypatch, tmp_path):
    """Runs of 101 values, in-memory bands of 97 (so more than 194 values spill), the temporary folders made under
    tmp_path/"tmp" and listed, to check they are gone."""
    monkeypatch.setattr(spilled, "RUN", 101)
    monkeypatch.setattr(ranks, "BAND", 97)
    monkeypatch.setattr(file_pieces, "CHUNK", 9973)  # bytes: a dozen pieces
    return listed_folders(monkeypatch, tmp_path, spilled)


def values_of(rng, n: int) -> list:
    """Values with many ties (0 to 9, and 0.0 often) and a long tail, as a customer file's."""
    return [float(rng.randint(0, 9)) if rng.random() < 0.5 else round(rng.lognormvariate(5, 2), rng.randint(0, 2))
            for _ in range(n)]


@pytest.mark.parametrize("seed", [1, 2])
def test_spilled_ranks_are_one_stable_sorts_band_after_band(small_runs, seed):
    """Each value's rank and running sum, read back in pieces of any size, are those of Python's stable sort,
    highest first, summed value by value; the class sums are the reference's to the last bit. It fails with the
    bands merged lowest first or a band's sums not seeded with the last band's end (tried)."""
    rng = random.Random(seed)
    values = values_of(rng, 5000)
    kept = spilled.Values()
    try:
        for start, end in pieces(rng, len(values)):
            kept.add(pl.Series(values[start:end], dtype=pl.Float64))
        assert kept.done() == [] and kept.runs == 50
        rows, total, shares = spilled.classify(kept, (70, 95))
        order = sorted(range(len(values)), key=lambda i: -values[i])
        rank = [r + 1 for _, r in sorted(zip(order, range(len(values))))]
        running = list(itertools.accumulate(values[i] for i in order))
        read = [rows.take(start, end - start) for start, end in pieces(rng, len(values))]
        assert pl.concat(read)["rank"].to_list() == rank
        assert pl.concat(read)["running"].to_list() == [running[r - 1] for r in rank]
        reference = abc.classify_checked(values, 70, 95)
        assert total == running[-1]
        assert {c: s / total * 100 for c, s in shares.items()} == reference["value_share"]
    finally:
        kept.close()
    assert len(small_runs) == 1 and not list(Path(tempfile.gettempdir()).iterdir())


def pieces(rng, n: int):
    """(start, end) of consecutive pieces of 0 to 300 values covering range(n)."""
    start = 0
    while start < n:
        end = min(n, start + rng.randint(0, 300))
        yield start, end
        start = end


def scored(tmp_path, source, name: str, engine_name: str = "polars", *options) -> tuple:
    out = tmp_path / f"out-{name}.csv"
    code = main(["abc", str(source), "--a", "70", *options, "--engine", engine_name, "-o", str(out)])
    return code, out.read_bytes() if out.exists() else None


@pytest.mark.parametrize("seed", [3, 4])
def test_a_spilled_file_is_the_in_memory_and_the_references_byte_for_byte(capsys, monkeypatch, tmp_path,
                                                                          small_runs, seed):
    """Ties, blanks, bad values, total rows, 万 and % cells: the file and the summary (its class shares printed
    from sums compared exactly) are the same by the three ways, and the folder is gone after the run."""
    rng = random.Random(seed)
    header, rows = abc_rows(rng)
    source = tmp_path / "in.csv"
    write_file(source, header, rows[:3000], rng)
    shares = []
    monkeypatch.setattr(abc_cli, "say", lambda key, lang, **found: shares.append(found) or key)
    spilled_file = scored(tmp_path, source, "spilled")
    assert len(small_runs) == 1
    monkeypatch.setattr(ranks, "HELD", 1000)  # 97,000 values held: in memory
    held_file = scored(tmp_path, source, "held")
    reference_file = scored(tmp_path, source, "reference", "python")
    assert len(small_runs) == 1
    assert spilled_file == held_file == reference_file and spilled_file[0] == 0
    assert shares[0] == shares[1] == shares[2]
    assert not list((tmp_path / "tmp").iterdir())


def test_the_folder_is_removed_when_a_run_fails(capsys, monkeypatch, tmp_path, small_runs):
    """A cell with a line break late in the file (the run starts again the reference way), values that add up to 0
    (the reference's error), Ctrl-C while the rows are written: each after the values went to a folder."""
    rows = "customer,amount\n" + "".join(f"c{i},{i % 7}\n" for i in range(3000))  # 3 pieces
    broken, zeros, good = (tmp_path / f"{name}.csv" for name in ("broken", "zeros", "good"))
    broken.write_text(rows + '"a\nb",5\n', encoding="utf-8")
    zeros.write_text("customer,amount\n" + "c,0\n" * 3000, encoding="utf-8")
    good.write_text(rows, encoding="utf-8")
    assert scored(tmp_path, broken, "broken") == scored(tmp_path, broken, "reference", "python")
    assert scored(tmp_path, zeros, "zeros")[0] == 2
    assert "add up to 0" in capsys.readouterr().err

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "stream", interrupted)
    with pytest.raises(KeyboardInterrupt) as caught:  # its frames hold the run's objects: no finaliser has run
        scored(tmp_path, good, "interrupted")
    assert len(small_runs) == 3 and caught.traceback
    assert not list((tmp_path / "tmp").iterdir())
