"""Real customer files as Chinese sales teams export them (tests/fixtures/files/): every row out, numbers and
dates as people type them, total rows kept but never counted, the header below a title, warnings for what
is ambiguous, labels and messages in the file's language, and output that is safe to open in Excel."""

import csv
import json

import pytest
from openpyxl import Workbook, load_workbook

from calculators.cli import main
from calculators.messages import user_language

from tests.calculators.test_calc_cli import run_cli
from tests.conftest import ROOT

FILES = ROOT / "tests" / "fixtures" / "files"


def run(capsys, *args):
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def data_lines(path) -> int:
    """Non-blank rows below the header of a CSV fixture (the title, if any, and header left out)."""
    rows = [r for r in read_csv(path) if any(r)]
    return len(rows) - (2 if len([c for c in rows[0] if c]) == 1 else 1)


@pytest.mark.parametrize("name", ["messy-customers.csv", "messy-customers.xlsx"])
def test_the_messy_customer_file_is_scored_row_for_row(capsys, tmp_path, name):
    code, err = run(capsys, "score", FILES / name, "--scorecard", "customer-value", "-o", tmp_path / "o.csv")
    assert code == 0, err
    out = read_csv(tmp_path / "o.csv")
    assert len(out) - 1 == data_lines(FILES / "messy-customers.csv") == 12  # rows in = rows out
    by_name = {r[0]: r for r in out[1:]}
    # 86万, 22% (or 0.22 formatted as a percentage in Excel), 240万元: as the file, 75 and high
    assert by_name["华安商贸"][8:10] == ["75.0", "高价值"]
    assert by_name["东升五金"][8] == "30.0"  # "42,000元", 12.5 %, "¥90,000"
    assert by_name["明达机械"][8] == "85.0"  # "RMB 1,250,000"
    assert by_name["'+cmd|' /C calc'!A0"][8] == "20.0"  # "１２，０００" and -5%
    assert by_name["'@SUM(1,2)"][8] == "25.0"  # 1.2万元, (3.5)
    assert by_name["新源电子"][10].startswith('第 9 行：采购金额 "12,5x" 不是数字；应填数字，例如 1,234.50')
    assert by_name["合计"][8:] == ["", "", "合计行：不计入任何合计和排名"]
    assert "未计入的合计行：1 行（第 14 行）" in err or "未计入的合计行：1 行（第 13 行）" in err
    assert "表头在第 2 行" in err and "列 '毛利率' 出现了不止一次（第 4, 8 列）；使用第一列" in err
    assert "读取 12 行" in err or "读取 11 行" in err


def test_xlsx_percentages_and_dates_read_as_excel_shows_them(capsys, tmp_path):
    code, err = run(capsys, "score", FILES / "messy-customers.xlsx", "--scorecard", "customer-value",
                    "-o", tmp_path / "o.csv")
    out = read_csv(tmp_path / "o.csv")
    assert [r[3] for r in out[1:4]] == ["22%", "12.5%", "8%"]
    assert out[1][6] == "2024-06-20"  # a date cell is written as an ISO date, no 00:00:00
    assert "混用了比例" not in err  # a column formatted as percentages is not mixed


def test_a_column_mixing_shares_and_percents_is_a_warning(capsys, tmp_path):
    code, err = run(capsys, "score", FILES / "messy-customers.csv", "--scorecard", "customer-value", "--lang", "en",
                    "-o", tmp_path / "o.csv")
    assert "column '毛利率' mixes shares (0.3) and percents (22%); check lines 11" in err


def test_a_total_row_is_left_out_of_every_share_and_rank(capsys, tmp_path):
    source = tmp_path / "abc.csv"
    source.write_text("客户,销售额\n甲,600\n乙,300\n丙,100\n合计,1000\n", encoding="utf-8")
    code, err = run(capsys, "abc", source, "-o", tmp_path / "o.csv")
    out = read_csv(tmp_path / "o.csv")
    assert [r[2:6] for r in out[1:4]] == [["60.0", "60.0", "A", "1"], ["30.0", "90.0", "B", "2"],
                                          ["10.0", "100.0", "C", "3"]]
    assert out[4] == ["合计", "1000", "", "", "", "", "合计行：不计入任何合计和排名"]
    assert "有错误 0 行" in err and "第 5 行" in err


def test_header_row_option_and_title_detection(capsys, tmp_path):
    source = tmp_path / "t.csv"
    source.write_text("客户表\n导出于 2024-06-30\n客户,销售额\n甲,600\n", encoding="utf-8")
    run(capsys, "abc", source, "-o", tmp_path / "detected.csv")
    assert read_csv(tmp_path / "detected.csv")[1][:2] == ["甲", "600"]
    code, err = run(capsys, "abc", source, "--header-row", "3", "-o", tmp_path / "given.csv")
    assert code == 0 and read_csv(tmp_path / "given.csv")[0][:2] == ["客户", "销售额"]
    code, err = run(capsys, "abc", source, "--header-row", "9")
    assert code == 2 and "there is no row 9" in err


def test_duplicated_headers_get_unique_json_keys(capsys, tmp_path):
    code, err = run(capsys, "score", FILES / "messy-customers.csv", "--scorecard", "customer-value",
                    "-o", tmp_path / "o.json")
    records = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert len(records) == 12
    assert records[0]["毛利率"] == "22%" and records[8]["毛利率"] == "0.3" and records[8]["毛利率 (2)"] == "0.3"
    assert records[0]["客户"] == "华安商贸"
    assert records[3]["客户"] == '=HYPERLINK("http://x","y")'  # JSON is for programs: cells as they are


def test_csv_output_neutralises_formulas_and_keeps_numbers(capsys, tmp_path):
    run(capsys, "score", FILES / "messy-customers.csv", "--scorecard", "customer-value", "-o", tmp_path / "o.csv")
    names = [r[0] for r in read_csv(tmp_path / "o.csv")[1:]]
    assert names[3:6] == ['\'=HYPERLINK("http://x","y")', "'+cmd|' /C calc'!A0", "'@SUM(1,2)"]
    assert "'=1+2" in names and "'-10+20" in names
    assert all(not n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in names)
    margins = [r[7] for r in read_csv(tmp_path / "o.csv")[1:]]
    assert "-5" in margins and "-3.5" in margins  # numbers written as text stay numbers


def test_xlsx_output_has_strings_never_formulas(capsys, tmp_path):
    run(capsys, "score", FILES / "messy-customers.xlsx", "--scorecard", "customer-value", "-o", tmp_path / "o.xlsx")
    sheet = load_workbook(tmp_path / "o.xlsx").active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = [c.value for c in sheet["A"][1:]]
    assert names[3] == '\'=HYPERLINK("http://x","y")' and names[8] == "'=1+2"
    assert sheet["I2"].value == 75 and sheet["I2"].data_type == "n"  # numbers stay numbers
    assert sheet["G2"].is_date


def test_dates_of_every_form_in_an_orders_file(capsys, tmp_path):
    code, err = run(capsys, "rfm", FILES / "messy-orders.csv", "--lang", "en", "-o", tmp_path / "o.csv")
    out = read_csv(tmp_path / "o.csv")
    assert len(out) - 1 == 11
    errors = {r[0]: r[-1] for r in out[1:] if r[-1]}
    assert errors == {"新源科技": 'line 11: 订单日期 "5/4/2024" could be day/month or month/day; '
                                 "expected --date-format dmy or mdy",
                      "坏数据": 'line 12: 订单日期 "2024-02-30" is not a date; expected a date such as 2024-03-05, '
                             "2024/3/5 or 2024年3月5日",
                      "小计": "total row: left out of every total and rank"}
    assert "breaks (20/40/60/80 %): recency 7.4, 39.6, 60, 108.8" in err
    code, err = run(capsys, "rfm", FILES / "messy-orders.csv", "--date-format", "dmy", "-o", tmp_path / "d.csv")
    out = read_csv(tmp_path / "d.csv")
    assert not out[9][-1] and out[6][-1].startswith('第 8 行：订单日期 "4/30/2024" 不是日期')


def test_rfm_ties_as_the_r_package_and_fixed_thresholds(capsys, tmp_path):
    source = tmp_path / "orders.csv"
    source.write_text("customer,date,amount\nA,2024-06-01,100\nA,2024-06-02,100\nB,2024-06-01,50\n"
                      "C,2024-05-01,10\nC,2024-05-02,10\nC,2024-05-03,10\nD,2024-04-01,5\nE,2024-03-01,1\n",
                      encoding="utf-8")
    run(capsys, "rfm", source, "-o", tmp_path / "above.csv")
    run(capsys, "rfm", source, "--ties", "r-rfm", "-o", tmp_path / "r.csv")
    # frequencies 2, 1, 3, 1, 1: breaks 1, 1, 1.4, 2.2; A's 2 orders are above 1.4 but below 1.4 + 1
    assert read_csv(tmp_path / "above.csv")[1][7] == "4" and read_csv(tmp_path / "r.csv")[1][7] == "3"
    code, err = run(capsys, "rfm", source, "--thresholds", "frequency=1,2,3,4", "--lang", "en",
                    "-o", tmp_path / "t.csv")
    assert "frequency 1, 2, 3, 4" in err and read_csv(tmp_path / "t.csv")[1][7] == "2"


def test_rfm_own_segments(capsys, tmp_path):
    rules = tmp_path / "segments.yml"
    rules.write_text("- {key: best, title: {zh: 最好, en: Best}, m: [4, 5]}\n- {key: rest, title: {zh: 其余, en: Rest}}\n",
                     encoding="utf-8")
    code, err = run(capsys, "rfm", FILES / "messy-orders.csv", "--segments", rules, "--date-format", "dmy",
                    "-o", tmp_path / "o.csv")
    assert code == 0, err
    assert {r[9] for r in read_csv(tmp_path / "o.csv")[1:6]} == {"最好", "其余"}
    # read as the site reads its own YAML: `file:line: what is wrong; expected what`, nothing written
    rules.write_text("- {key: best, title: {zh: 最好, en: Best}, m: [4, 5]}\n- key: rest\n\ttitle: x\n", encoding="utf-8")
    code, err = run(capsys, "rfm", FILES / "messy-orders.csv", "--segments", rules, "-o", tmp_path / "again.csv")
    assert (code, err) == (2, f"1 problem in {rules}:\n{rules}:3: a tab is used for indentation; expected spaces\n")
    assert not (tmp_path / "again.csv").exists()
    # and checked as the site checks rfm.yml's segments: every bad value at its line
    rules.write_text("- {key: best, title: {zh: 最好}, m: [4, 5]}\n- key: rest\n  title: {zh: 其余, en: Rest}\n"
                     "  f: high\n", encoding="utf-8")
    code, err = run(capsys, "rfm", FILES / "messy-orders.csv", "--segments", rules, "-o", tmp_path / "again.csv")
    assert (code, err.splitlines()) == (2, [
        f"2 problems in {rules}:",
        f"{rules}:1: [0].title.en is missing; expected the English text",
        f"{rules}:4: [1].f is 'high'; expected [lowest, highest] frequency score"])
    rules.write_text("- key: rest\n  title: {zh: 其余, en: Rest}\n  r: [1, 2]\n", encoding="utf-8")
    code, err = run(capsys, "rfm", FILES / "messy-orders.csv", "--segments", rules, "-o", tmp_path / "again.csv")
    assert err.splitlines()[1] == (f"{rules}:1: [0]: the last segment has rules; expected a last segment without r, f "
                                   "or m that catches every customer")
    assert not (tmp_path / "again.csv").exists()


def test_pipeline_own_stages(capsys, tmp_path):
    code, err = run(capsys, "pipeline", FILES / "messy-deals.csv", "--lang", "en", "-o", tmp_path / "o.csv")
    assert 'line 4: 阶段 "试用" is not a known stage' in read_csv(tmp_path / "o.csv")[3][-1]
    code, err = run(capsys, "pipeline", FILES / "messy-deals.csv", "--stage", "试用=0.4", "-o", tmp_path / "o.csv")
    assert read_csv(tmp_path / "o.csv")[3][4:7] == ["0.4", "60000.0", ""]
    stages = tmp_path / "stages.yml"
    stages.write_text("谈判: 0.5\n试用: 30%\nproposal: 0.2\nwon: 1\n", encoding="utf-8")
    run(capsys, "pipeline", FILES / "messy-deals.csv", "--stages", stages, "-o", tmp_path / "s.csv")
    assert [r[4] for r in read_csv(tmp_path / "s.csv")[1:5]] == ["0.5", "0.2", "0.3", "1.0"]


def test_bad_own_stages_are_said_with_their_line_or_their_option(capsys, tmp_path):
    stages = tmp_path / "stages.yml"
    stages.write_text("谈判: 0.5\n试用: 1.5\nproposal: soon\n", encoding="utf-8")
    code, err = run(capsys, "pipeline", FILES / "messy-deals.csv", "--stages", stages, "-o", tmp_path / "s.csv")
    assert (code, err.splitlines()) == (2, [
        f"2 problems in {stages}:",
        f"{stages}:2: 试用: the probability 1.5 is above 1; expected a fraction such as 0.8 for 80%",
        f'{stages}:3: proposal: the probability "soon" is not a number; expected a number such as 1,234.50, ¥800, '
        "86万, 1.2万元, (1,234.50) or 12%"])
    stages.write_text("- 谈判\n", encoding="utf-8")
    code, err = run(capsys, "pipeline", FILES / "messy-deals.csv", "--stages", stages, "-o", tmp_path / "s.csv")
    assert err.splitlines()[1] == (f"{stages}:1: the file is a list; expected a mapping of stage name to probability, "
                                   "such as 谈判: 0.6")
    # An option's value: the option named, in the run's language (the file's headers are Chinese)
    code, err = run(capsys, "pipeline", FILES / "messy-deals.csv", "--stage", "试用=4成", "-o", tmp_path / "s.csv")
    assert (code, err) == (2, '错误：--stage 试用 "4成" 不是数字；应填数字，例如 1,234.50、¥800、86万、1.2万元、'
                              "(1,234.50) 或 12%\n")
    code, err = run(capsys, "pipeline", FILES / "messy-deals.csv", "--stage", "试用=1.5", "--lang", "en",
                    "-o", tmp_path / "s.csv")
    assert (code, err) == (2, 'error: --stage 试用 "1.5" is above 1; expected a fraction such as 0.8 for 80%\n')
    assert not (tmp_path / "s.csv").exists()


def test_clv_on_a_customer_file(capsys, tmp_path):
    source = tmp_path / "clv.csv"
    source.write_text("客户,年购买次数,平均金额,年限,毛利率\n甲,4,1.2万,5,30%\n乙,x,100,1,\n", encoding="utf-8")
    code, err = run(capsys, "clv", source, "-o", tmp_path / "o.csv")
    out = read_csv(tmp_path / "o.csv")
    assert out[1][5:8] == ["240000.0", "72000.0", ""]
    assert out[2][-1].startswith('第 3 行：年购买次数 "x" 不是数字')


def test_complaint_cost_gives_the_reach_of_satisfied_customers(capsys):
    code = main(["complaint-cost", "--complaints", "10", "--customer-value", "20000", "--satisfied", "200", "--json"])
    assert json.loads(capsys.readouterr().out)["output"]["hear_satisfied"] == 600


def test_english_headers_give_english_labels_and_lang_overrides(capsys, tmp_path):
    source = tmp_path / "s.csv"
    source.write_text("answer\n10\n3\nx\n", encoding="utf-8")
    run(capsys, "nps", source, "-o", tmp_path / "en.csv")
    assert [r[1] for r in read_csv(tmp_path / "en.csv")[1:3]] == ["promoter", "detractor"]
    code, err = run(capsys, "nps", source, "--lang", "zh", "-o", tmp_path / "zh.csv")
    out = read_csv(tmp_path / "zh.csv")
    assert [r[1] for r in out[1:3]] == ["推荐者", "贬损者"] and out[3][-1].startswith("第 4 行：answer")
    assert "读取 3 行，已计算 2 行，有错误 1 行" in err


def test_a_merged_title_row_in_xlsx_is_not_the_header(capsys, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["客户名单"])
    sheet.merge_cells("A1:B1")
    sheet.append(["客户", "销售额"])
    sheet.append(["甲", 100])
    book.save(tmp_path / "t.xlsx")
    code, err = run(capsys, "abc", tmp_path / "t.xlsx", "-o", tmp_path / "o.csv")
    assert code == 0 and read_csv(tmp_path / "o.csv")[0][:2] == ["客户", "销售额"]
    assert read_csv(tmp_path / "o.csv")[1][:4] == ["甲", "100", "100.0", "100.0"]


def test_a_result_that_cannot_be_written_is_one_clear_line(capsys, tmp_path):
    # A folder that does not exist is told before any row is read; a write that fails (a full disk) without a traceback
    missing = tmp_path / "nope" / "out.csv"
    assert run(capsys, "abc", FILES / "messy-customers.csv", "-o", missing) == (2, (
        f"error: {missing}: the folder {missing.parent} does not exist; expected a result file in an existing "
        "folder\n"))
    assert run(capsys, "score", FILES / "messy-customers.csv", "--scorecard", "customer-value", "-o", "/dev/full",
               "--format", "csv") == (2, "error: No space left on device\n")


def test_errors_about_the_file_are_said_in_the_users_language(tmp_path, monkeypatch):
    # --lang first, then the file's header (a missing column), then the locale; English where none says Chinese
    missing, zh_file = tmp_path / "无.csv", tmp_path / "客户.csv"
    zh_file.write_text("客户,金额\n甲,100\n", encoding="utf-8")
    assert run_cli("abc", missing, "--lang", "zh")[::2] == (2, f"错误：{missing}：没有这个文件\n")
    assert run_cli("abc", zh_file, "--lang", "zh", "-o", tmp_path / "no" / "o.csv")[2] == (
        f"错误：{tmp_path / 'no' / 'o.csv'}：文件夹 {tmp_path / 'no'} 不存在；结果文件应写在已有的文件夹里\n")
    assert run_cli("abc", zh_file, "--map", "value=钱")[2] == (
        f"错误：{zh_file}：缺少“钱”列；应有名为 '钱' 的列，或用 --map value=你的表头 指明（文件的表头：客户, 金额）\n")
    assert run_cli("abc", zh_file, "--map", "value=钱", "--lang", "en")[2].startswith(
        f"error: {zh_file}: column '钱' is missing; expected a column named '钱', or --map value=YOUR_HEADER")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run_cli("abc", missing)[2] == f"错误：{missing}：没有这个文件\n"
    assert run_cli("abc", missing, "--lang", "en")[2] == f"error: {missing}: no such file\n"


@pytest.mark.parametrize("environ, lang", [
    ({}, "en"), ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "zh_TW.UTF-8"}, "zh"), ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"), ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN"}, "zh"),
    ({"LANGUAGE": "zh_CN:en", "LC_ALL": "C"}, "zh"), ({"LANG": "", "LC_ALL": ""}, "en")])
def test_the_locale_names_the_language_as_gettext_reads_it(environ, lang):
    assert user_language(environ) == lang
