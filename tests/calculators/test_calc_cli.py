"""The command line end to end on small files: every encoding, .xlsx, bad rows, summaries, exit codes."""

import csv
import gc
import io
import json
import subprocess
import sys

import pytest
from openpyxl import Workbook, load_workbook

from calculators.cli import main

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
HEADER = ["customer", "amount", "frequency", "margin", "potential", "clv"]
ROWS = [
    ["华安商贸", "260,000", "10", "18", "4", "1200000"],
    ["东升五金", "12,5x", "3", "2", "1", "100"],
    ["明达电器", "5000", "1", "-3", "1", "0"],
    ["长青超市", "1000000", "30", "40", "5", "9000000"],
    ["新源科技", "-20", "2", "10", "3", "5000"],
]


def write_csv(path, rows, encoding, header=HEADER):
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def write_xlsx(path, rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append([float(c) if c.replace(".", "").isdigit() else c for c in row])
    book.save(path)
    return path


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def cli(capsys):
    """The command line in this process (fast): exit code, stdout, stderr."""
    def call(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return call


def run_cli(*args):
    """The real process, as a user runs it: exit code, stdout, stderr."""
    done = subprocess.run([sys.executable, "-m", "calculators", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_score_keeps_every_row_in_every_encoding(cli, tmp_path, encoding):
    source = write_csv(tmp_path / "in.csv", ROWS, encoding)
    code, _, err = cli("score", source, "--scorecard", "customer-value", "-o", tmp_path / "out.csv")
    assert code == 0, err
    out = read_csv(tmp_path / "out.csv")
    assert out[0] == HEADER + ["score", "tier", "error"]
    assert [r[:6] for r in out[1:]] == ROWS
    assert out[1][6:] == ["65.0", "Middle value", ""]
    assert out[2][6:8] == ["", ""] and out[2][8].startswith('line 3: amount "12,5x" is not a number; expected')
    assert out[5][8] == "line 6: amount \"-20\" is negative; expected at least 0"
    assert "rows read: 5, scored: 3, with errors: 2" in err
    assert "tiers: High value: 1, Low value: 1, Middle value: 1" in err


def test_output_starts_with_a_bom_for_excel(cli, tmp_path):
    source = write_csv(tmp_path / "in.csv", ROWS, "utf-8")
    cli("score", source, "--scorecard", "customer-value", "-o", tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_strict_exits_1_after_writing_every_row(cli, tmp_path):
    source = write_csv(tmp_path / "in.csv", ROWS, "utf-8")
    code, _, err = cli("score", source, "--scorecard", "customer-value", "-o", tmp_path / "o.csv", "--strict")
    assert code == 1
    assert len(read_csv(tmp_path / "o.csv")) == len(ROWS) + 1
    good = write_csv(tmp_path / "good.csv", [ROWS[0]], "utf-8")
    assert cli("score", good, "--scorecard", "customer-value", "-o", tmp_path / "g.csv", "--strict")[0] == 0


def test_gbk_is_detected_and_chinese_headers_are_accepted(cli, tmp_path):
    header = ["客户", "采购金额", "购买次数", "毛利率", "潜力", "终身价值"]
    source = write_csv(tmp_path / "gbk.csv", ROWS, "gbk", header)
    assert main(["score", str(source), "--scorecard", "customer-value", "-o", str(tmp_path / "o.csv")]) == 0
    out = read_csv(tmp_path / "o.csv")
    assert out[0][:6] == header and [r[0] for r in out[1:]] == [r[0] for r in ROWS]
    assert out[2][8].startswith('第 3 行：采购金额 "12,5x" 不是数字；应填数字，例如 1,234.50')
    assert out[1][7] == "中价值"


def test_a_wrong_encoding_option_is_one_clear_line(tmp_path, capsys):
    source = write_csv(tmp_path / "gbk.csv", ROWS, "gbk")
    assert main(["score", str(source), "--scorecard", "lead", "--encoding", "utf-8"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "is not utf-8" in err and "\n" not in err


def test_xlsx_in_and_out(cli, tmp_path):
    source = write_xlsx(tmp_path / "in.xlsx", ROWS)
    code, _, err = cli("score", source, "--scorecard", "customer-value", "-o", tmp_path / "out.xlsx")
    assert code == 0, err
    rows = list(load_workbook(tmp_path / "out.xlsx", read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == len(ROWS) + 1
    assert [r[0] for r in rows[1:]] == [r[0] for r in ROWS]
    assert rows[1][6:8] == (65.0, "Middle value")
    assert rows[2][8].startswith('line 3: amount "12,5x" is not a number')


def test_json_output_names_every_column(tmp_path):
    source = write_csv(tmp_path / "in.csv", ROWS, "utf-8")
    assert main(["score", str(source), "--scorecard", "customer-value", "-o", str(tmp_path / "o.json")]) == 0
    records = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert [r["customer"] for r in records] == [r[0] for r in ROWS]
    assert records[0]["tier"] == "Middle value" and records[1]["error"].startswith("line 3:")


def test_extra_cells_are_kept_in_the_error_and_blank_lines_skipped(tmp_path):
    source = tmp_path / "ragged.csv"
    source.write_text("customer,amount\nA,10\n\nB,20,oops\nC\n", encoding="utf-8")
    assert main(["abc", str(source), "-o", str(tmp_path / "o.csv")]) == 0
    out = read_csv(tmp_path / "o.csv")
    assert [r[0] for r in out[1:]] == ["A", "B", "C"]
    assert out[2][-1] == 'line 4: has 3 cells but the header has 2; extra cells: "oops"'
    assert out[3][-1] == "line 5: amount is empty; expected a number"
    assert out[1][2:6] == ["100.0", "100.0", "C", "1"]


@pytest.mark.parametrize("content,expected", [
    ("", "the file is empty"),
    ("\n\n", "the file is empty"),
])
def test_empty_file_is_one_line(cli, tmp_path, content, expected):
    # the first case starts the real command line, the other calls main() in this process
    source = tmp_path / "empty.csv"
    source.write_text(content, encoding="utf-8")
    code, out, err = (run_cli if content == "" else cli)("score", source, "--scorecard", "lead")
    assert code == 2 and expected in err and "Traceback" not in err and err.count("\n") == 1


def test_missing_column_is_one_line_naming_what_to_do(cli, tmp_path):
    source = write_csv(tmp_path / "in.csv", [["A", "1"]], "utf-8", ["customer", "money"])
    code, _, err = cli("abc", source)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "column 'value' is missing" in err and "--map value=YOUR_HEADER" in err and "money" in err
    assert main(["abc", str(source), "--map", "value=money", "-o", str(tmp_path / "o.csv")]) == 0


@pytest.mark.parametrize("name,content", [("nofile.csv", None), ("broken.xlsx", b"not a zip at all")])
def test_unreadable_file_is_one_line(cli, tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, _, err = cli("score", path, "--scorecard", "lead")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err and str(path) in err


def test_rfm_on_an_orders_file_keeps_every_order(cli, tmp_path):
    orders = [["A", "2024-06-20", "100"], ["B", "2024/6/1", "50"], ["A", "2024-05-01", "x"],
              ["C", "2024-02-30", "10"], ["B", "2024-06-10", "70"]]
    source = write_csv(tmp_path / "orders.csv", orders, "utf-8", ["客户", "日期", "金额"])
    code, _, err = cli("rfm", source, "-o", tmp_path / "o.csv", "--lang", "en")
    assert code == 0, err
    out = read_csv(tmp_path / "o.csv")
    assert [r[:3] for r in out[1:]] == orders
    assert out[1][3:10] == ["1", "1", "100.0", "5", "1", "1", "New"]
    assert out[3][-1].startswith('line 4: 金额 "x" is not a number')
    assert out[4][-1].startswith('line 5: 日期 "2024-02-30" is not a date; expected a date such as 2024-03-05')
    assert "analysis date: 2024-06-21; customers: 2" in err


def test_pipeline_file_rolls_up_by_salesperson_and_region(cli, tmp_path):
    deals = [["200000", "商务谈判", "王芳", "华东"], ["80000", "proposal", "王芳", "华东"],
             ["120000", "won", "李强", "华南"], ["5", "maybe", "李强", "华南"]]
    source = write_csv(tmp_path / "deals.csv", deals, "gbk", ["金额", "阶段", "销售人员", "区域"])
    code, _, err = cli("pipeline", source, "-o", tmp_path / "o.csv", "--lang", "en")
    assert code == 0, err
    out = read_csv(tmp_path / "o.csv")
    assert [r[4:6] for r in out[1:4]] == [["0.75", "150000.0"], ["0.5", "40000.0"], ["1.0", "120000.0"]]
    assert out[4][-1].startswith('line 5: 阶段 "maybe" is not a known stage; expected one of: contact,')
    assert "weighted 310,000.00" in err and "王芳 190,000.00" in err and "华南 120,000.00" in err


def test_single_values_with_json_echo_inputs_and_name_outputs(capsys):
    assert main(["clv", "--form", "retention", "--margin", "100", "--retention", "0.8", "--discount", "0.1",
                 "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["input"] == {"form": "retention", "margin": "100", "retention": "0.8", "discount": "0.1"}
    assert abs(result["output"]["clv"] - 800 / 3) < 1e-9
    assert main(["complaint-cost", "--complaints", "10", "--customer-value", "20000", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["output"]["unhappy"] == pytest.approx(250)


def test_single_value_errors_are_one_line(capsys):
    assert main(["clv", "--form", "retention", "--margin", "100", "--retention", "1", "--discount", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "makes the value infinite" in err
    assert main(["nps", "--answers", "9,x"]) == 2
    assert 'answer 2 "x" is not a number' in capsys.readouterr().err


def test_own_scorecard_file(tmp_path, capsys):
    card = (ROOT / "playbook_data" / "scorecards" / "dealer.yml").read_text(encoding="utf-8")
    (tmp_path / "mine.yml").write_text(card.replace("min: 75", "min: 80"), encoding="utf-8")
    assert main(["score", "--scorecard", str(tmp_path / "mine.yml"), "--value", "strength=4",
                 "--value", "reputation=5", "--value", "network=3"]) == 0
    assert "tier: reserve" in capsys.readouterr().out
    bad = tmp_path / "bad.yml"
    bad.write_text(card.replace("weight: 1", "wieght: 1", 1).replace("min: 75", "min: high"), encoding="utf-8")
    assert main(["score", "--scorecard", str(bad), "--value", "strength=4"]) == 2
    lines = bad.read_text(encoding="utf-8").splitlines()
    first, wieght, high = (next(i + 1 for i, line in enumerate(lines) if text in line)
                           for text in ("- key:", "wieght", "min: high"))
    assert capsys.readouterr().err.splitlines() == [
        f"3 problems in {bad}:",
        f"{bad}:{first}: criteria[0].weight is missing; expected a weight above 0",
        f"{bad}:{wieght}: unknown key 'wieght' in criteria[0]; expected one of: key, title, weight, help, aliases, "
        "breaks, scores, negative_allowed, percent",
        f"{bad}:{high}: tiers[0].min is 'high'; expected the lowest score that reaches this tier"]


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_on_a_terminal_only():
    from calculators.batch import PROGRESS_EVERY, Progress

    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = Progress(stream)
        for rows in range(1, 2 * PROGRESS_EVERY + 1):
            progress.tick(rows)
        progress.done()
    assert f"\r{2 * PROGRESS_EVERY:,} rows" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_scoring_a_csv_file_imports_no_workbook_or_xlsx_library(tmp_path):
    """A CSV run starts quickly: no xlsxwriter, openpyxl or workbook module is imported (the workbooks are
    listed only for `workbook`), yet `workbook --help` still lists them. Both runs in one fresh process, what is
    imported printed after each."""
    source = write_csv(tmp_path / "in.csv", ROWS, "utf-8")
    runs = [[command[0], str(source), *command[1:], "-o", str(tmp_path / f"out-{command[0]}.csv")]
            for command in (["score", "--scorecard", "customer-value"], ["abc"])]
    script = ("import sys; from calculators.cli import main\n"
              f"for argv in {runs!r}:\n"
              "    main(argv); print(sorted(m for m in sys.modules if m.split('.')[0] in ('xlsxwriter', 'openpyxl') "
              "or m.startswith('calculators.workbooks') or m.endswith('.workbook')))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "[]"]
    assert [len(read_csv(tmp_path / f"out-{name}.csv")) for name in ("score", "abc")] == [len(ROWS) + 1] * 2
    code, out, _ = run_cli("workbook", "--help")
    assert code == 0 and "scorecard-customer-value" in out


CLV = "客户,年购买次数,平均金额,年限,毛利率\n甲,4,1.2万,5,30%\n"


@pytest.mark.parametrize("argv", [["score", "customers", "--scorecard", "customer-value"],  # the fast way
                                  ["score", "customers", "--scorecard", "customer-value", "--engine", "python"],
                                  ["clv", "clv.csv"],  # a calculator with no columns: the reference's way
                                  ["clv", "--purchases-per-period", "4", "--average-amount", "100", "--periods", "2"]])
def test_the_collector_is_on_again_whatever_the_run(capsys, tmp_path, argv):
    # `python -m calculators` starts with the garbage collector off (calculators/__main__.py)
    files = {"customers": write_csv(tmp_path / "c.csv", ROWS, "utf-8"), "clv.csv": tmp_path / "clv.csv"}
    files["clv.csv"].write_text(CLV, encoding="utf-8")
    gc.disable()
    try:
        main([str(files.get(a, a)) for a in argv] + ["-o", str(tmp_path / "o.csv")] * (argv[1] in files))
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
