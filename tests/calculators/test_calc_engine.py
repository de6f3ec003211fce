"""The polars fast path of file scoring (calculators/engine.py, calculators/columns/) is proven equal to
the pure-Python reference (`--engine python`): on 10,000 random rows per calculator, messy cells and all,
the two write the same file byte for byte and the same summary; and on the shared vectors."""

import csv
import functools
import json
import random
import sys

import pytest

from calculators import engine
from calculators import pieces as file_pieces
from calculators import io as calculators_io
from calculators.abc import ranks as abc_ranks
from calculators.cli import main
from calculators.data import scorecard_names
from calculators.registry import folder
from calculators.rfm import totals as rfm_totals
from tests.conftest import ROOT
from tests.kept import cache_folder, files_hash, kept

from .random_files import GENERATORS, ROWS, pipeline_rows, rfm_rows, write_file

SEEDS = [1, 2]  # 10,000 random rows per calculator in all


def both(capsys, tmp_path, calculator, source, options, kept_in=None) -> tuple:
    """(fast output, reference output), each as (bytes, stderr); the reference's kept in the folder `kept_in`."""

    def scored(engine_name: str) -> tuple:
        out = tmp_path / f"{engine_name}.csv"
        code = main([calculator, str(source), *options, "--engine", engine_name, "-o", str(out)])
        assert code == 0
        return out.read_bytes(), capsys.readouterr().err

    key = _reference_salt().copy()
    key.update(repr([calculator, options]).encode() + source.read_bytes())
    return scored("polars"), kept(kept_in, key.hexdigest(), lambda: scored("python"))


@functools.cache
def _reference_salt():
    """A hash of everything the reference's file depends on: the Python, the code of calculators/ and playbook/,
    and the calculators' data (their settings, scorecards and strings)."""
    data = ROOT / "playbook_data"
    files = [p for part in (ROOT / "calculators", ROOT / "playbook", data / "calculators", data / "scorecards")
             for p in part.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    digest = files_hash(ROOT, [*files, data / "strings.yml"])
    digest.update(sys.version.encode())
    return digest


@pytest.fixture
def reference_files(request):
    """Where the reference's files are kept between runs (tests/kept.py): the 10,000 rows' take 3 s of CPU."""
    return cache_folder(request.config, "reference-files")


@pytest.fixture
def fast_path_used(monkeypatch):
    """Records whether the fast path wrote the file (rather than giving it up to the reference)."""
    used = []
    original = engine.stream

    def spy(*args, **kwargs):
        result = original(*args, **kwargs)
        used.append(True)
        return result

    monkeypatch.setattr(engine, "stream", spy)
    return used


@pytest.mark.parametrize("calculator", sorted(GENERATORS))
@pytest.mark.parametrize("seed", SEEDS)
def test_random_rows_give_the_reference_file_byte_for_byte(capsys, tmp_path, fast_path_used, reference_files,
                                                           calculator, seed):
    rng = random.Random(seed)
    make, options = GENERATORS[calculator]
    header, rows = make(rng)
    source = tmp_path / "in.csv"
    write_file(source, header, rows, rng)
    (fast, fast_err), (reference, reference_err) = both(capsys, tmp_path, calculator, source, options,
                                                        reference_files)
    assert fast_path_used == [True]
    assert fast_err == reference_err
    assert fast == reference
    with open(source, encoding="utf-8", newline="") as handle:
        filled = sum(1 for cells in csv.reader(handle) if any(cells))
    assert len(reference.splitlines()) == filled > ROWS * 0.99  # rows in = rows out (a blank row is none)


@pytest.mark.parametrize("content", [
    'customer,amount,frequency,margin,potential,clv\r\n"two\nlines",1,2,3,4,5\r\n客户,1,2,3,4,5\r\n',
    "customer,amount,frequency,margin,potential,clv\r\n客户,1,2,3,4,5,extra\r\n客户,1,2,3,4,5\r\n",
    "customer,amount,frequency,margin,potential,clv\r\n客户,1,2,3,4,5,,,,,,,,,x\r\n",
])
def test_a_file_the_columns_cannot_read_alike_is_scored_the_reference_way(capsys, tmp_path, fast_path_used,
                                                                           content):
    source = tmp_path / "in.csv"
    source.write_text(content, encoding="utf-8")
    (fast, fast_err), (reference, reference_err) = both(capsys, tmp_path, "score", source,
                                                        ["--scorecard", "customer-value"])
    assert fast_path_used == []
    assert (fast, fast_err) == (reference, reference_err)


@pytest.mark.parametrize("calculator", sorted(GENERATORS))
def test_small_batches_give_the_same_file(capsys, tmp_path, fast_path_used, monkeypatch, reference_files,
                                          calculator):
    """Batch edges fall anywhere: rows in doubt, a customer's orders and rounding edges across them change nothing;
    nor do abc's values sorted in bands of 97 values, ties across their cuts."""
    monkeypatch.setattr(file_pieces, "CHUNK", 9973)  # bytes: a dozen pieces
    monkeypatch.setattr(abc_ranks, "BAND", 97)
    monkeypatch.setattr(abc_ranks, "HELD", 1000)  # in memory (test_abc_spill.py: through a folder)
    monkeypatch.setattr(rfm_totals, "WAVES", 2)  # a customer's third order in a piece and after: the running sum
    rng = random.Random(3)
    make, options = GENERATORS[calculator]
    header, rows = make(rng)
    source = tmp_path / "in.csv"
    write_file(source, header, rows[:3000], rng)
    (fast, fast_err), (reference, reference_err) = both(capsys, tmp_path, calculator, source, options,
                                                        reference_files)
    assert fast_path_used == [True]
    assert (fast, fast_err) == (reference, reference_err)


def test_the_pipeline_rollup_is_the_references_to_the_last_bit(capsys, tmp_path, monkeypatch):
    """The summary prints the roll-up rounded; the sums and deal counts of every bucket must be the reference's
    exactly (each summed deal by deal in line order), across pieces."""
    from calculators.pipeline import Rollup

    monkeypatch.setattr(file_pieces, "CHUNK", 9973)
    results = []
    result = Rollup.result
    monkeypatch.setattr(Rollup, "result", lambda self: results.append(repr(result(self))) or result(self))
    rng = random.Random(4)
    header, rows = pipeline_rows(rng)
    source = tmp_path / "in.csv"
    write_file(source, header, rows[:3000], rng)
    both(capsys, tmp_path, "pipeline", source, ["--stage", "试用=0.4"])
    assert len(results) == 2
    assert results[0] == results[1]


@pytest.mark.parametrize("odd", [["\twon", "=won", "Total", "计划", " Won "], ['"won\n"']])
def test_pipeline_stage_names_the_cells_search_would_find_go_the_reference_way(capsys, tmp_path, fast_path_used, odd):
    """The pipeline searches its stage names itself (`_indices`), not every stage cell: a name with a risky start
    that is a stage once stripped, a total label, a stage whose name holds 计, a line break; the same file as the
    reference's, the fast way but for the line break, which only the reference reads."""
    rows = [f"{100 + i}.5,{['won', 'needs', *odd][i % (2 + len(odd))]},王芳,华东" for i in range(300)]
    source = tmp_path / "in.csv"
    source.write_text("amount,stage,salesperson,region\r\n" + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    (fast, fast_err), (reference, reference_err) = both(capsys, tmp_path, "pipeline", source, ["--stage", "计划=0.3"])
    assert fast_path_used == ([True] if len(odd) > 1 else [])
    assert (fast, fast_err) == (reference, reference_err)
    assert ("'\twon" in fast.decode("utf-8-sig")) == (len(odd) > 1)


def test_the_pieces_never_cut_a_quoted_cell(monkeypatch):
    monkeypatch.setattr(file_pieces, "CHUNK", 7)
    data = b'h\r\n"a\r\nb",1\r\nc,2\r\n"d,""e""",3\r\nf,4'
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
        handle.write(data)
        handle.flush()
        pieces = list(file_pieces.pieces(handle.name, 1))
    assert b"".join(p for _, p, _ in pieces) == data[3:]
    assert all(p.count(b'"') % 2 == 0 for _, p, _ in pieces)
    assert [line for line, _, _ in pieces][0] == 2
    assert all(line + count == following for (line, _, count), (following, _, _) in zip(pieces, pieces[1:]))


def test_lines_ending_in_a_lone_cr_go_the_reference_way(capsys, tmp_path, fast_path_used):
    source = tmp_path / "in.csv"
    source.write_bytes("customer,amount,frequency,margin,potential,clv\r客户,1,2,3,4,5\r客户,2,2,3,4,5\r".encode())
    (fast, fast_err), (reference, reference_err) = both(capsys, tmp_path, "score", source,
                                                        ["--scorecard", "customer-value"])
    assert fast_path_used == []
    assert (fast, fast_err) == (reference, reference_err)
    assert len(fast.splitlines()) == 3


@pytest.mark.parametrize("output", ["out.csv", "out.json"])
@pytest.mark.parametrize("calculator", ["score", "abc"])
def test_a_file_utf8_at_its_start_and_gbk_later_is_read_as_gbk(capsys, tmp_path, fast_path_used, monkeypatch,
                                                                output, calculator):
    """The encoding is guessed from the file's start where the fast path may check the rest (Table's `guess`): a
    file UTF-8 there and GBK below is run again the reference way, the whole file read as GBK, before a line is
    written; the fast path's file and summary are the reference's, for CSV and for another output."""
    monkeypatch.setattr(calculators_io, "START", 200)
    header = ["customer", "amount", "frequency", "margin", "potential", "clv"]
    rows = [[f"c{i}", "100", "3", "20", "4", "5000"] for i in range(2000)]
    rows.append(["华安商贸", "86万", "3", "20", "4", "5000"])
    source = tmp_path / "in.csv"
    source.write_bytes("\r\n".join(",".join(r) for r in [header, *rows]).encode("gbk"))
    assert len(source.read_bytes().split("华".encode("gbk"))[0]) > 40_000  # ASCII, so UTF-8, well beyond the guess
    options = ["--scorecard", "customer-value"] if calculator == "score" else []
    results = []
    for engine_name in ("polars", "python"):
        out = tmp_path / engine_name / output
        out.parent.mkdir()
        assert main([calculator, str(source), *options, "--engine", engine_name, "-o", str(out)]) == 0
        results.append((out.read_bytes(), capsys.readouterr().err))
    assert fast_path_used == []
    assert results[0] == results[1]
    assert "华安商贸" in results[1][0].decode("utf-8-sig")


def test_scorecard_vectors_through_a_file(capsys, tmp_path, fast_path_used):
    cases = json.loads((folder("scorecard") / "vectors.json").read_text(encoding="utf-8"))["cases"]
    by_card = {}
    for case in cases:
        spec = case["input"].get("scorecard")
        if spec in scorecard_names() and isinstance(case["input"].get("values"), dict):
            by_card.setdefault(spec, []).append(case["input"]["values"])
    assert by_card
    for spec, rows in by_card.items():
        keys = sorted({k for row in rows for k in row})
        source = tmp_path / f"{spec}.csv"
        with open(source, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name", *keys])
            writer.writerows([[f"v{i}", *[row.get(k, "") for k in keys]] for i, row in enumerate(rows)])
        (fast, fast_err), (reference, reference_err) = both(capsys, tmp_path, "score", source, ["--scorecard", spec])
        assert (fast, fast_err) == (reference, reference_err)
    assert fast_path_used


def test_progress_bar_on_request(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("customer,amount,frequency,margin,potential,clv\r\n" + "客户,1,2,3,4,5\r\n" * 50,
                      encoding="utf-8")
    assert main(["score", str(source), "--scorecard", "customer-value", "--progress", "-o",
                 str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err
    assert "\r[" in err and "50 rows" in err
    assert main(["score", str(source), "--scorecard", "customer-value", "-o", str(tmp_path / "o.csv")]) == 0
    assert "\r[" not in capsys.readouterr().err  # not a terminal, not asked: no bar


@pytest.mark.parametrize("options", [["--ties", "r-rfm"], ["--thresholds", "recency=7,30,90,180"],
                                     ["--thresholds", "monetary=10,100,1000,5000", "--ties", "r-rfm"],
                                     ["--analysis-date", "2025-01-01"], ["--analysis-date", "2023-06-01"]])
def test_rfm_options_score_the_customers_as_the_reference(capsys, tmp_path, options):
    """The customers are scored as columns (calculators/rfm/scores.py): same breaks, bands, segments."""
    rng = random.Random(4)
    header, rows = rfm_rows(rng)
    source = tmp_path / "in.csv"
    write_file(source, header, rows[:1000], rng)
    results = []
    for engine_name in ("polars", "python"):
        out = tmp_path / f"{engine_name}.csv"
        code = main(["rfm", str(source), "--date-format", "dmy", *options, "--engine", engine_name, "-o", str(out)])
        results.append((code, out.read_bytes() if out.exists() else None, capsys.readouterr().err))
    assert results[0] == results[1]
