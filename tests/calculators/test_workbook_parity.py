"""The Excel workbooks compute what the Python reference computes.

Every case of tests/vectors/ that the reference computes (not the error cases: in a
workbook, data validation keeps such inputs out, which test_inputs_are_validated checks) is written
into its workbook, the `formulas` package evaluates every live formula as Excel would (tests/calculators/excel.py,
which keeps what it computed by the file's bytes), and each result is compared with calculators.registry.run on
the same inputs.
"""

import datetime as dt
import functools
import json
from types import SimpleNamespace

import pytest

from calculators import workbooks
from calculators.data import load_scorecard, settings
from calculators.errors import number
from calculators.registry import CALCULATORS, folder, run
from tests.kept import cache_folder

from . import excel

EXCEL_EPOCH = dt.date(1899, 12, 30)
TOLERANCE = 1e-9


def cases():
    for name in CALCULATORS:
        data = json.loads((folder(name) / "vectors.json").read_text(encoding="utf-8"))
        for case in data["cases"]:
            if "error" not in case:
                yield pytest.param(name, case["input"], id=f"{name}: {case['name']}")


def evaluate(at, name: str, lang: str, inputs=None, rows: int = 12):
    """(book, read) for workbook `name` built with `inputs`: read(sheet, cell) is the cell's value, every formula
    computed by `formulas` (tests/calculators/excel.py)."""
    path = at.tmp / f"{name}-{lang}.xlsx"
    book = workbooks.build(name, lang, path, rows=rows, inputs=inputs)
    got = excel.values(path, at.kept)
    return book, lambda sheet, cell: got.get((sheet.upper(), cell.upper()))


@pytest.fixture
def at(tmp_path, request) -> SimpleNamespace:
    """Where a case writes its workbook (`tmp`) and where computed values are kept between runs (`kept`: none
    when pytest's cache is off, `-p no:cacheprovider`)."""
    return SimpleNamespace(tmp=tmp_path, kept=cache_folder(request.config, "workbook-values"))


def typed(inputs: dict) -> dict:
    """Numbers written as text (a file-reading concern, tested there) become numbers, as a person
    types them into a cell."""
    plain = lambda v: number(v, "value") if isinstance(v, str) else v
    out = {k: v if k in WORDS else plain(v) for k, v in inputs.items()}
    if isinstance(out.get("values"), dict):
        out["values"] = {k: plain(v) for k, v in out["values"].items()}
    if isinstance(out.get("values"), list):
        out["values"] = [plain(v) for v in out["values"]]
    if "answers" in out:
        out["answers"] = [int(plain(v)) for v in out["answers"]]
    for key in ("orders", "deals"):
        if key in out:
            out[key] = [{**row, "amount": plain(row.get("amount"))} for row in out[key]]
    return out


WORDS = {"form", "metric", "scorecard", "analysis_date", "first_margin_now", "values", "answers", "orders",
         "deals", "probabilities", "segments", "ties", "thresholds"}


def close(got, want, where: str):
    if isinstance(want, float) or isinstance(got, float):
        assert got == pytest.approx(want, rel=TOLERANCE, abs=TOLERANCE), where
    else:
        assert got == want, where


def cell(read, book, key):
    return read(*book.cells[key])


def rows(read, book, key: str, columns: str, count: int) -> list:
    sheet, _, first, _ = book.cells[key]
    return [[read(sheet, f"{col}{first + k}") for col in columns] for k in range(count)]


@pytest.mark.parametrize(("calculator", "inputs"), list(cases()))
def test_workbook_matches_the_reference(at, calculator, inputs):
    inputs = typed(inputs)
    want = run(calculator, inputs)
    check = CHECKS[calculator]
    check(at, inputs, want)


# The clv and scorecard cases read the forms, not the customer list: one list row, not twelve, for `formulas`
# to compile (a scorecard case takes a seventh of the time)
LIST_ROWS_UNREAD = 1


@functools.cache
def list_rows(calculator: str) -> int:
    """The rows of a calculator's list sheet for all its cases: its longest list in the vectors and two blank rows,
    so that its cases share one workbook's formulas, compiled once."""
    lists = [value for param in cases() if param.values[0] == calculator
             for value in param.values[1].values() if isinstance(value, list)]
    return max(map(len, lists)) + 2


def check_clv(at, inputs, want):
    form = inputs.get("form", "seed")
    book, read = evaluate(at, "clv", "en", inputs, rows=LIST_ROWS_UNREAD)
    for key, value in want.items():
        close(cell(read, book, f"{form}.{key}"), value, key)


def check_scorecard(at, inputs, want):
    name = inputs["scorecard"]
    book, read = evaluate(at, f"scorecard-{name}" if isinstance(name, str) else "scorecard-lead", "en", inputs,
                          rows=LIST_ROWS_UNREAD)
    close(cell(read, book, "score"), want["score"], "score")
    titles = {t.key: t.title.en for t in load_scorecard(name).tiers}
    assert cell(read, book, "tier") == titles[want["tier"]]
    for key, points in want["points"].items():
        close(cell(read, book, f"points.{key}"), points, key)


def check_abc(at, inputs, want):
    n = len(inputs["values"])
    book, read = evaluate(at, "abc", "zh", inputs, rows=list_rows("abc"))
    table = rows(read, book, "list", "CDEF", n + 2)
    for k in range(n):
        close(table[k][0], want["share"][k], f"share {k}")
        close(table[k][1], want["cumulative"][k], f"cumulative {k}")
        assert table[k][2] == want["classes"][k], f"class {k}"
        close(table[k][3], want["rank"][k], f"rank {k}")
    assert table[n] == ["", "", "", ""], "a blank row stays blank"
    for cls in "ABC":
        assert cell(read, book, f"counts.{cls}") == want["counts"][cls]
        close(cell(read, book, f"value_share.{cls}"), want["value_share"][cls], cls)


def check_rfm(at, inputs, want):
    book, read = evaluate(at, "rfm", "en", inputs, rows=list_rows("rfm"))
    if not want["customers"]:
        assert rows(read, book, "customers", "A", 1) == [[""]]
        return
    day = EXCEL_EPOCH + dt.timedelta(days=int(cell(read, book, "analysis_date")))
    assert day.isoformat() == want["analysis_date"]
    for name, cuts in want["breaks"].items():
        for q, cut in enumerate(cuts):
            close(float(cell(read, book, f"breaks.{name}.{q}")), cut, f"{name} break {q}")
    rules = {s["key"]: s["title"]["en"] for s in inputs.get("segments", [])} or {
        s.key: s.title.en for s in settings("rfm").segments}
    table = rows(read, book, "customers", "ACDEFGHI", len(want["customers"]))
    for got, customer in zip(table, want["customers"]):
        expected = [customer["customer"], customer["recency"], customer["frequency"], customer["monetary"],
                    customer["r"], customer["f"], customer["m"], rules[customer["segment"]]]
        for g, w in zip(got, expected):
            close(float(g) if isinstance(w, (int, float)) else g, w, customer["customer"])


def check_survey(at, inputs, want):
    metric = inputs["metric"]
    book, read = evaluate(at, "survey", "zh", inputs, rows=list_rows("survey"))
    names = {"nps": ("nps", "promoters", "passives", "detractors", "total"), "csat": ("csat", "satisfied"),
             "ces": ("ces",)}[metric]
    for key in names:
        close(float(cell(read, book, f"{metric}.{key}")), want[key], key)
    if "scale" in want:
        assert cell(read, book, f"{metric}.scale_used") == want["scale"]


def check_pipeline(at, inputs, want):
    n = len(inputs["deals"])
    book, read = evaluate(at, "pipeline", "zh", inputs, rows=list_rows("pipeline"))
    for key in ("deals", "amount", "weighted"):
        close(float(cell(read, book, f"total.{key}")), want["total"][key], f"total {key}")
        for stage, totals in want["by_stage"].items():
            close(float(cell(read, book, f"by_stage.{stage}.{key}")), totals[key], f"{stage} {key}")
    for k, weighted in enumerate(want["weighted"]):
        close(float(rows(read, book, "list", "G", n)[k][0]), weighted, f"deal {k}")
    assert cell(read, book, "unknown") == 0


def check_complaint_cost(at, inputs, want):
    book, read = evaluate(at, "complaint-cost", "en", inputs)
    for key, value in want.items():
        got = cell(read, book, key)
        close(None if got == "" else got, value, key)


CHECKS = {"clv": check_clv, "scorecard": check_scorecard, "abc": check_abc, "rfm": check_rfm,
          "survey": check_survey, "pipeline": check_pipeline, "complaint-cost": check_complaint_cost}


def test_the_default_workbook_holds_the_sites_worked_example(at):
    example = next(e for e in settings("complaint-cost").examples)
    book, read = evaluate(at, "complaint-cost", "zh")
    for key, value in run("complaint-cost", example.input).items():
        got = read(*book.cells[key])
        close(None if got == "" else got, value, key)


def test_kept_values_are_the_computed_ones_and_a_changed_file_is_computed_again(tmp_path):
    kept = tmp_path / "kept"
    kept.mkdir()
    (tmp_path / "a").mkdir()
    path = tmp_path / "a" / "complaint-cost-en.xlsx"
    workbooks.build("complaint-cost", "en", path)
    computed = excel.values(path, kept)  # the folder was empty: computed by `formulas`
    assert excel.values(path, kept) == computed
    assert len(list(kept.iterdir())) == 1
    book = workbooks.build("complaint-cost", "en", path, inputs={"complaints": 7})
    sheet, cell = book.cells["in.complaints"][:2]
    assert excel.values(path, kept)[sheet.upper(), cell] == 7
    assert len(list(kept.iterdir())) == 2
