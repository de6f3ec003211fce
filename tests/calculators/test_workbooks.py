"""What every workbook must be, whatever its calculator or language: safe to open (no macros or links, a
user's text never a formula), its inputs validated, its labels in its language, the same bytes each build.
tests/calculators/test_workbook_parity.py checks that its formulas compute what the reference computes."""

import io
import re
import zipfile

import openpyxl
import pytest

from calculators import workbooks
from calculators.cli import main

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
