"""The Excel workbooks compute what the Python reference computes, and are safe to open.

Parity: every case of tests/vectors/ that the reference computes (not the error cases: in a
workbook, data validation keeps such inputs out, which test_inputs_are_validated checks) is written
into its workbook, the `formulas` package evaluates every live formula as Excel would, and each
result is compared with calculators.registry.run on the same inputs.
"""

import datetime as dt
import functools
import io
import json
import re
import zipfile

import formulas
import openpyxl
import pytest
import schedula  # formulas' graph library: its EMPTY is a blank cell
from formulas.excel.xlreader import load_workbook as read_as_formulas  # dates as numbers, as formulas reads them
from openpyxl.cell.cell import MergedCell

from calculators import workbooks
from calculators.cli import main
from calculators.data import load_scorecard, settings
from calculators.errors import number
from calculators.registry import CALCULATORS, folder, run

EXCEL_EPOCH = dt.date(1899, 12, 30)
TOLERANCE = 1e-9


def cases():
    for name in CALCULATORS:
        data = json.loads((folder(name) / "vectors.json").read_text(encoding="utf-8"))
        for case in data["cases"]:
            if "error" not in case:
                yield pytest.param(name, case["input"], id=f"{name}: {case['name']}")


def evaluate(tmp_path, name: str, lang: str, inputs=None, rows: int = 12):
    """(book, {cell key: value}) with every formula of the workbook computed by `formulas`."""
    path = tmp_path / f"{name}-{lang}.xlsx"
    book = workbooks.build(name, lang, path, rows=rows, inputs=inputs)
    cells = {(ws.title, c.coordinate): c for ws in read_as_formulas(str(path)).worksheets
             for row in ws.iter_rows() for c in row if not isinstance(c, MergedCell)}
    node = lambda sheet, cell: f"'[{path.name}]{sheet.upper()}'!{cell}"  # noqa: E731
    given = {node(*key): formulas.Ranges().push(node(*key), typed_value(c)) for key, c in cells.items()
             if c.data_type != "f"}
    solution = compiled(path, cells).calculate(inputs=given)
    values = {key.upper(): cell.value[0][0] for key, cell in solution.items() if "!" in key and ":" not in key.split("!")[1]}
    prefix = f"'[{path.name}]".upper()
    read = lambda sheet, cell: values.get(f"{prefix}{sheet}'!{cell}".upper())  # noqa: E731
    return book, read


# Compiling a workbook's formulas is most of the time `formulas` takes: the cases of one workbook with the same
# formulas share one compiled model, and each case gives it every value of its own workbook (its blank cells as
# blank, the way `formulas` holds a cell nothing was written in).
_compiled: dict = {}
BLANK = [[schedula.EMPTY]]


def compiled(path, cells: dict):
    """The model of the workbook at `path`, compiled once per file name and formulas, from a copy whose blank
    cells hold 0 so that every cell is one a case can set."""
    shape = (path.name, frozenset((key, c.value if c.data_type == "f" else None) for key, c in cells.items()))
    if shape not in _compiled:
        template = openpyxl.load_workbook(path)
        for (sheet, cell), c in cells.items():
            if c.value is None:
                template[sheet][cell] = 0
        (path.parent / "compiled").mkdir()
        template.save(path.parent / "compiled" / path.name)
        _compiled[shape] = formulas.ExcelModel().loads(str(path.parent / "compiled" / path.name)).finish()
    return _compiled[shape]


def typed_value(c):
    """A cell's value as `formulas` reads it from a file (ExcelModel.compile_cell)."""
    if c.value is None:
        return BLANK
    return round(c.value, 15) if c.data_type == "n" and isinstance(c.value, float) else c.value


def typed(inputs: dict) -> dict:
    """Numbers written as text (a file-reading concern, tested there) become numbers, as a person
    types them into a cell."""
    plain = lambda v: number(v, "value") if isinstance(v, str) else v  # noqa: E731
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
def test_workbook_matches_the_reference(tmp_path, calculator, inputs):
    inputs = typed(inputs)
    want = run(calculator, inputs)
    check = CHECKS[calculator]
    check(tmp_path, inputs, want)


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


def check_clv(tmp_path, inputs, want):
    form = inputs.get("form", "seed")
    book, read = evaluate(tmp_path, "clv", "en", inputs, rows=LIST_ROWS_UNREAD)
    for key, value in want.items():
        close(cell(read, book, f"{form}.{key}"), value, key)


def check_scorecard(tmp_path, inputs, want):
    name = inputs["scorecard"]
    book, read = evaluate(tmp_path, f"scorecard-{name}" if isinstance(name, str) else "scorecard-lead", "en", inputs,
                          rows=LIST_ROWS_UNREAD)
    close(cell(read, book, "score"), want["score"], "score")
    titles = {t.key: t.title.en for t in load_scorecard(name).tiers}
    assert cell(read, book, "tier") == titles[want["tier"]]
    for key, points in want["points"].items():
        close(cell(read, book, f"points.{key}"), points, key)


def check_abc(tmp_path, inputs, want):
    n = len(inputs["values"])
    book, read = evaluate(tmp_path, "abc", "zh", inputs, rows=list_rows("abc"))
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


def check_rfm(tmp_path, inputs, want):
    book, read = evaluate(tmp_path, "rfm", "en", inputs, rows=list_rows("rfm"))
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


def check_survey(tmp_path, inputs, want):
    metric = inputs["metric"]
    book, read = evaluate(tmp_path, "survey", "zh", inputs, rows=list_rows("survey"))
    names = {"nps": ("nps", "promoters", "passives", "detractors", "total"), "csat": ("csat", "satisfied"),
             "ces": ("ces",)}[metric]
    for key in names:
        close(float(cell(read, book, f"{metric}.{key}")), want[key], key)
    if "scale" in want:
        assert cell(read, book, f"{metric}.scale_used") == want["scale"]


def check_pipeline(tmp_path, inputs, want):
    n = len(inputs["deals"])
    book, read = evaluate(tmp_path, "pipeline", "zh", inputs, rows=list_rows("pipeline"))
    for key in ("deals", "amount", "weighted"):
        close(float(cell(read, book, f"total.{key}")), want["total"][key], f"total {key}")
        for stage, totals in want["by_stage"].items():
            close(float(cell(read, book, f"by_stage.{stage}.{key}")), totals[key], f"{stage} {key}")
    for k, weighted in enumerate(want["weighted"]):
        close(float(rows(read, book, "list", "G", n)[k][0]), weighted, f"deal {k}")
    assert cell(read, book, "unknown") == 0


def check_complaint_cost(tmp_path, inputs, want):
    book, read = evaluate(tmp_path, "complaint-cost", "en", inputs)
    for key, value in want.items():
        got = cell(read, book, key)
        close(None if got == "" else got, value, key)


CHECKS = {"clv": check_clv, "scorecard": check_scorecard, "abc": check_abc, "rfm": check_rfm,
          "survey": check_survey, "pipeline": check_pipeline, "complaint-cost": check_complaint_cost}


# What every workbook must be, whatever its calculator or language.
ALL = [(name, lang) for name in workbooks.names() for lang in workbooks.LANGUAGES]
HAN = re.compile(r"[\u4e00-\u9fff]")


# The tests below read what every row of a list sheet shares (validation, formulas, labels): a list of three rows
# instead of the site's 300 (writing a scorecard's 300 rows of formulas is most of the time building them takes)
SHORT_LIST = 3


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workbooks")
    books = {}
    for name, lang in ALL:
        path = folder / workbooks.file_name(name, lang)
        books[name, lang] = (path, workbooks.build(name, lang, path, rows=SHORT_LIST))
    return books


@pytest.fixture(scope="module")
def opened(built):
    """Each built workbook read back by openpyxl once, for the tests below that only read it."""
    return {key: openpyxl.load_workbook(path) for key, (path, _) in built.items()}


@pytest.mark.parametrize(("name", "lang"), ALL)
def test_no_macros_no_links_and_live_formulas(built, opened, name, lang):
    path, book = built[name, lang]
    parts = zipfile.ZipFile(path).namelist()
    assert not [p for p in parts if "vbaProject" in p or "externalLink" in p or p.endswith(".bin")]
    sheets = opened[name, lang]
    results = [key for key in book.cells if not key.startswith(("in.", "list", "customers", "values."))
               and len(book.cells[key]) == 2 and sheets[book.cells[key][0]][book.cells[key][1]].data_type == "f"]
    assert results, "the results are formulas, not values"
    assert bool(HAN.search(sheets.properties.title)) == (lang == "zh"), sheets.properties.title


@pytest.mark.parametrize(("name", "lang"), ALL)
def test_inputs_are_validated(built, opened, name, lang):
    """Every yellow input cell lies in a data validation whose message is in the workbook's language."""
    book = built[name, lang][1]
    sheets = opened[name, lang]
    inputs = [(sheet, cell) for key, (sheet, cell, *_) in book.cells.items() if key.startswith("in.")]
    for sheet, cell in inputs:
        rules = [dv for dv in sheets[sheet].data_validations.dataValidation if cell in dv.sqref]
        assert rules, f"{sheet}!{cell} has no data validation"
        assert bool(HAN.search(rules[0].error)) == (lang == "zh"), rules[0].error


@pytest.mark.parametrize("lang", workbooks.LANGUAGES)
def test_labels_are_in_the_workbooks_language(opened, lang):
    """Sheet names and the bold headings and column heads: Chinese in a Chinese workbook, none in English."""
    for name in workbooks.names():
        sheets = opened[name, lang]
        for ws in sheets.worksheets:
            assert bool(HAN.search(ws.title)) == (lang == "zh"), (name, ws.title)
            heads = [c.value for row in ws.iter_rows() for c in row
                     if isinstance(c.value, str) and c.font.b and not c.value.startswith("=")]
            assert heads, (name, ws.title)
            if lang == "en":
                assert not [text for text in heads if HAN.search(text)], (name, ws.title)


def test_english_workbooks_show_the_example_with_english_names(opened):
    for name, chinese, english in [("rfm", "华安商贸", "Hua'an Trading"), ("pipeline", "王芳", "Wang Fang")]:
        for lang, shown, hidden in [("en", english, chinese), ("zh", chinese, english)]:
            texts = {c.value for ws in opened[name, lang].worksheets
                     for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
            assert shown in texts and hidden not in texts, (name, lang)


FORMULA_LIKE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1,2)", "=1+2", "-2+3", "\t=1"]


def test_text_from_a_user_never_becomes_a_formula(tmp_path):
    """Names that look like formulas are kept as text cells, exactly as typed."""
    orders = [{"customer": name, "date": "2024-06-0" + str(k + 1), "amount": 10 * (k + 1)}
              for k, name in enumerate(FORMULA_LIKE)]
    path = tmp_path / "rfm.xlsx"
    book = workbooks.build("rfm", "en", path, rows=len(orders), inputs={"orders": orders})
    sheet, _, first, _ = book.cells["list"]
    ws = openpyxl.load_workbook(path)[sheet]
    cells = [ws[f"A{first + k}"] for k in range(len(orders))]
    assert [c.value for c in cells] == FORMULA_LIKE
    assert {c.data_type for c in cells} == {"s"}


def test_the_default_workbook_holds_the_sites_worked_example(tmp_path):
    example = next(e for e in settings_of("complaint-cost").examples)
    book, read = evaluate(tmp_path, "complaint-cost", "zh")
    for key, value in run("complaint-cost", example.input).items():
        got = read(*book.cells[key])
        close(None if got == "" else got, value, key)


def settings_of(name: str):
    return settings(name)


def test_two_builds_are_byte_identical():
    first, second = io.BytesIO(), io.BytesIO()
    workbooks.build("scorecard-lead", "zh", first)
    workbooks.build("scorecard-lead", "zh", second)
    assert first.getvalue() == second.getvalue()


def test_command_line_writes_a_workbook(tmp_path, capsys):
    # `python -m calculators`'s main() in this process; tests/calculators/test_calc_data.py starts the real one
    target = tmp_path / "clv.xlsx"
    assert exit_code(["workbook", "clv", "--lang", "en", "-o", str(target)]) == 0, capsys.readouterr().err
    assert openpyxl.load_workbook(target).sheetnames == ["Four-part form", "Retention form", "Customer list",
                                                          "How it works"]
    capsys.readouterr()
    assert exit_code(["workbook", "nope"]) == 2
    assert capsys.readouterr().err.startswith(
        "error: unknown workbook 'nope'; expected one of: clv, scorecard-customer-value")


def exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as done:  # argparse's errors exit
        return done.code


def test_sheet_names_from_strings_fit_what_excel_accepts():
    # Names come from strings.yml: too long, with []:*?/\ or ', or the same twice, they are made to fit
    from calculators.workbooks.book import Book

    target = io.BytesIO()
    book = Book(target, "en", "t")
    wanted = "Customers [2026]: a/b*c? 'x' " + "long " * 8
    names = [book.sheet(wanted).name for _ in range(3)]
    book.close()
    assert names == ["Customers 2026 a b c x long lon", "Customers 2026 a b c x long l 2",
                     "Customers 2026 a b c x long l 3"]
    assert openpyxl.load_workbook(target).sheetnames == names
