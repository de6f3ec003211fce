"""In the real browser: every calculator widget computes as you type, says what is wrong next to the field
in the page's language (never NaN), keeps working after navigating away and back; the file tool scores
CSV files in UTF-8 and GBK exactly as `python -m calculators` does, in a Worker (from file://, one started from
a Blob) or, when the browser starts none, on the page, and sends nothing anywhere."""

import functools
import subprocess
import sys
from pathlib import Path

import pytest

from playbook.calculators.widgets import widget_ids

from tests.conftest import ROOT, expect

pytestmark = pytest.mark.browser

TOOL = ".pb-calc[data-file-tool]"


@functools.lru_cache(maxsize=None)
def page_of(site: Path, marker: str, lang: str) -> str:
    """The built page (relative path) that holds `marker`, in `lang` (English pages live under en/)."""
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("en/") == (lang == "en") and marker in path.read_text(encoding="utf-8"):
            return relative
    raise AssertionError(f"no {lang} page holds {marker}; expected a page calling the calculator macro")


def open_widget(page, server, site, widget_id: str, lang: str = "zh"):
    page.goto(server + page_of(site, f'data-widget="{widget_id}"', lang))
    return page.locator(f".pb-calc[data-widget='{widget_id}']")


def message(widget, field: str):
    return widget.locator(f".pb-calc__field[data-field='{field}'] .pb-calc__error")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("widget_id", [w for w in widget_ids() if w != "score-file"])
def test_every_widget_starts_with_a_result(page, server, site, widget_id, lang):
    widget = open_widget(page, server, site, widget_id, lang)
    expect(widget.locator(".pb-calc__result dd").first).to_be_visible()
    text = widget.inner_text()
    assert "NaN" not in text and "Infinity" not in text
    assert widget.locator(".pb-calc__working").inner_text().strip()
    assert not [e for e in widget.locator(".pb-calc__error").all() if e.is_visible()]


def test_clv_updates_as_you_type_with_the_numbers_in_the_formula(page, server, site):
    widget = open_widget(page, server, site, "clv-seed")
    working = widget.locator(".pb-calc__working")
    expect(working).to_have_text("CLV = 6 × 8,000 × 5 × 0.25 − 1,500 × 5 + 10,000 = 62,500")
    widget.locator("input[name='periods']").fill("10")
    expect(working).to_have_text("CLV = 6 × 8,000 × 10 × 0.25 − 1,500 × 10 + 10,000 = 115,000")
    expect(widget.locator(".pb-calc__result dd").first).to_have_text("115,000")


def test_retention_form_and_its_options(page, server, site):
    widget = open_widget(page, server, site, "clv-retention", "en")
    first = widget.locator(".pb-calc__result dd").first
    expect(first).to_have_text("26,666.67")  # 10,000 × 0.8 / (1 + 0.1 − 0.8)
    widget.locator("input[name='first_margin_now']").check()
    expect(first).to_have_text("36,666.67")  # 10,000 × 1.1 / 0.3
    widget.locator("input[name='retention']").fill("1")
    widget.locator("input[name='discount']").fill("0")
    expect(message(widget, "retention")).to_contain_text("endless")
    widget.locator("input[name='periods']").fill("5")
    expect(first).to_have_text("50,000")  # q = 1: five margins
    expect(message(widget, "retention")).to_be_hidden()


BAD = [  # field, typed, Chinese message, English message
    ("purchases_per_period", "", "请填写一个数字", "Enter a number"),
    ("average_amount", "八千", "不是数字", "is not a number"),
    ("periods", "-2", "不能是负数", "cannot be negative"),
    ("margin", "1.5", "比例不能大于 1", "cannot be above 1"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("field,typed,zh,en", BAD)
def test_bad_value_shows_a_message_next_to_the_field(page, server, site, lang, field, typed, zh, en):
    widget = open_widget(page, server, site, "clv-seed", lang)
    widget.locator(f"input[name='{field}']").fill(typed)
    expect(message(widget, field)).to_be_visible()
    expect(message(widget, field)).to_contain_text(zh if lang == "zh" else en)
    assert widget.locator(f"input[name='{field}']").get_attribute("aria-invalid") == "true"
    text = widget.inner_text()
    assert "NaN" not in text and "Infinity" not in text and not widget.locator(".pb-calc__result dd").count()


def test_field_text_is_never_markup(page, server, site):
    widget = open_widget(page, server, site, "clv-seed")
    widget.locator("input[name='average_amount']").fill("<img src=x onerror=alert(1)>")
    expect(message(widget, "average_amount")).to_contain_text("<img src=x")
    assert widget.locator(".pb-calc__error img").count() == 0


def test_scorecard_tier_follows_the_ratings(page, server, site):
    widget = open_widget(page, server, site, "scorecard-lead", "en")
    for name in ("budget", "authority", "need", "timing", "fit"):
        widget.locator(f"input[name='{name}']").fill("1")
    expect(widget.locator(".pb-calc__result dd").nth(1)).to_have_text("Cold")
    widget.locator("input[name='need']").fill("6")
    expect(message(widget, "need")).to_contain_text("from 1 to 5")


def test_nps_from_pasted_answers(page, server, site):
    widget = open_widget(page, server, site, "nps")
    widget.locator("textarea[name='answers']").fill("10\n9\n8\n3\n10")
    expect(widget.locator(".pb-calc__working")).to_have_text("NPS = (3 − 1) ÷ 5 × 100 = 40")
    widget.locator("textarea[name='answers']").fill("10, 11")
    expect(message(widget, "answers")).to_contain_text("第 2 项")


def test_pipeline_rows_can_be_added_and_removed(page, server, site):
    widget = open_widget(page, server, site, "pipeline", "en")
    rows = widget.locator(".pb-calc__deals tbody tr")
    for _ in range(rows.count()):
        rows.first.locator("[data-action='remove']").click()
    widget.locator("[data-action='add']").click()
    rows.first.locator("input[name='amount']").fill("1000")
    rows.first.locator("select[name='stage']").select_option("proposal")
    expect(widget.locator(".pb-calc__result dd").first).to_have_text("500")
    rows.first.locator("input[name='amount']").fill("-1")
    expect(rows.first.locator(".pb-calc__error")).to_contain_text("Item 1: This cannot be negative.")


def test_complaint_cost_uses_the_seed_figures_until_changed(page, server, site):
    widget = open_widget(page, server, site, "complaint-cost", "en")
    first = widget.locator(".pb-calc__result dd").first
    expect(first).to_have_text("250")  # 10 complaints ÷ (1 − 0.96)
    widget.locator(".pb-calc__advanced summary").click()
    widget.locator("input[name='silent_share']").fill("0.9")
    expect(first).to_have_text("100")


def test_widget_works_after_navigating_away_and_back(page, server, site):
    widget = open_widget(page, server, site, "clv-seed")
    widget.locator("input[name='periods']").fill("1")
    page.goto(server + "index.html")
    page.go_back()
    widget = page.locator(".pb-calc[data-widget='clv-seed']")
    widget.locator("input[name='periods']").fill("2")
    expect(widget.locator(".pb-calc__working")).to_contain_text("= 31,000")


# Whole-file scoring: the same small files through the page and through the command line.
FILES = {
    "score:lead": ("leads.csv", ["score", "--scorecard", "lead"],
                   "客户,预算,决策权,需求,时机,匹配度\n华安,3,4,5,4,3\n\"东升, 五金\",5,5,5,5,5\n坏行,x,1,1,1,1\n"
                   "明达,1,1,1,1,1,多余\n新源,2,2,3,2,1\n"),
    "abc": ("customers.csv", ["abc"], "客户,销售额\n甲,420\n乙,260\n丙,110\n丁,-5\n戊,60,多余\n己,0.125\n"),
    "rfm": ("orders.csv", ["rfm"], "客户,日期,金额\n华安,2024-06-20,52000\n华安,2024/5/2,48000\n东升,2024-06-28,8000\n"
            "明达,2024-01-10,15000\n明达,2023-13-01,1\n长青,2023-08-19,3000.5\n"),
    "pipeline": ("deals.csv", ["pipeline"], "金额,阶段,销售人员,区域\n200000,谈判,王芳,华东\n80000,proposal,王芳,\n"
                 "150000,未知,李强,华南\n120000,won,李强,华南\n"),
    "nps": ("answers.csv", ["nps"], "评分\n10\n9\n7\n3\n11\n\n6\n"),
}


def cli_output(tmp_path: Path, kind: str, encoding: str, *extra) -> tuple[Path, bytes]:
    name, args, text = FILES[kind]
    source = tmp_path / f"{encoding}-{name}"
    source.write_bytes(text.encode(encoding))
    out = tmp_path / f"{encoding}-{name}.out.csv"
    run = subprocess.run([sys.executable, "-m", "calculators", args[0], str(source), *args[1:], *extra, "-o", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.exists(), run.stderr
    return source, out.read_bytes()


def cli_scored(source: Path, tmp_path: Path, *extra) -> bytes:
    """What `python -m calculators score FILE --scorecard customer-value` writes for `source`."""
    out = tmp_path / "cli.csv"
    subprocess.run([sys.executable, "-m", "calculators", "score", str(source), "--scorecard", "customer-value",
                    *extra, "-o", str(out)], cwd=ROOT, check=True, capture_output=True)
    return out.read_bytes()


def score_in_page(page, source: Path, kind: str, timeout: float = 5000) -> bytes:
    tool = page.locator(TOOL)
    tool.locator("select[name='kind']").select_option(kind)
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done", timeout=timeout)
    with page.expect_download() as info:
        tool.locator(".pb-file__download").click()
    return Path(info.value.path()).read_bytes()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
@pytest.mark.parametrize("kind", list(FILES))
def test_file_scoring_matches_the_command_line(page, server, site, tmp_path, kind, encoding):
    source, expected = cli_output(tmp_path, kind, encoding)
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url, request.post_data_buffer)))
    page.goto(server + page_of(site, "data-file-tool", "zh"))
    sent.clear()
    got = score_in_page(page, source, kind)
    assert got == expected
    tool = page.locator(TOOL)
    assert tool.get_attribute("data-mode") == "worker"
    assert tool.locator("svg.pb-chart rect").count() >= 1
    # Nothing left the page but the Worker's own scripts, fetched with GET from the site
    content = source.read_bytes()
    assert all(method == "GET" and url.startswith(server) and not data for method, url, data in sent), sent
    assert not any(data and content[:20] in data for _, _, data in sent)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_survey_file_on_a_phone_shows_its_score_as_the_command_line_does(browser, server, site, tmp_path, lang):
    name, _, text = FILES["nps"]
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "calculators", "nps", str(source), "--lang", lang,
                          "-o", str(tmp_path / "out.csv")], cwd=ROOT, capture_output=True, text=True)
    score = run.stderr.strip().splitlines()[-1]
    assert score.startswith("nps: 0, promoters: 2, passives: 1, detractors: 2"), run.stderr
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    try:
        phone = context.new_page()
        phone.goto(server + page_of(site, "data-file-tool", lang))
        score_in_page(phone, source, "nps")
        expect(phone.locator(TOOL + " .pb-file__notes li").last).to_have_text(score)
    finally:
        context.close()


# A browser that starts no Worker from a page opened from disk (the page then scores the file itself)
REFUSE_WORKERS = "window.Worker = function () { throw new DOMException('refused', 'SecurityError'); };"


def test_file_scoring_in_a_worker_from_file_url(page, site, tmp_path):
    source, expected = cli_output(tmp_path, "score:lead", "gbk", "--lang", "en")  # the page's language
    page.goto((site / page_of(site, "data-file-tool", "en")).as_uri())
    assert score_in_page(page, source, "score:lead") == expected
    assert page.locator(TOOL).get_attribute("data-mode") == "worker"
    assert all(url.startswith(("file://", "blob:")) for url in page.requests), page.requests


def test_file_scoring_on_the_page_when_no_worker_starts_from_file_url(page, site, tmp_path):
    source, expected = cli_output(tmp_path, "score:lead", "gbk", "--lang", "en")
    page.add_init_script(REFUSE_WORKERS)
    page.goto((site / page_of(site, "data-file-tool", "en")).as_uri())
    assert score_in_page(page, source, "score:lead") == expected
    assert page.locator(TOOL).get_attribute("data-mode") == "page"


def test_missing_column_is_one_clear_line(page, server, site, tmp_path):
    source = tmp_path / "wrong.csv"
    source.write_text("name,budget\na,1\n", encoding="utf-8")
    page.goto(server + page_of(site, "data-file-tool", "en"))
    tool = page.locator(TOOL)
    tool.locator("select[name='kind']").select_option("abc")
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "failed")
    expect(tool.locator(".pb-file__status")).to_have_text(
        "The file cannot be scored: The file has no 'value' column; check the header row.")


MESSY = ROOT / "tests" / "fixtures" / "files" / "messy-customers.csv"


def test_a_messy_customer_file_on_a_phone(browser, server, site, tmp_path):
    """As a user: a phone, the file exported from a CRM, the failed rows in a table, the download opened."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(server + page_of(site, "data-file-tool", "zh"))
    tool = page.locator(TOOL)
    tool.locator("select[name='kind']").select_option("score:customer-value")
    # A scorecard needs no ABC, RFM or pipeline field
    assert not tool.locator("input[name='a']").is_visible()
    assert not tool.locator("input[name='analysis_date']").is_visible()
    assert not tool.locator("input[name='stages']").is_visible()
    assert tool.locator("input[name='header_row']").is_visible()
    tool.locator("input[type='file']").set_input_files(str(MESSY))
    expect(tool).to_have_attribute("data-state", "done")
    rows = tool.locator(".pb-file__failures tbody tr")
    expect(rows).to_have_count(2)
    assert rows.nth(0).locator("td").nth(0).inner_text() == "9"
    assert rows.nth(0).locator("td").nth(1).inner_text().startswith('采购金额 "12,5x" 不是数字；应填数字，例如 1,234.50')
    assert rows.nth(1).locator("td").nth(0).inner_text() == "13"
    assert "是负数" in rows.nth(1).inner_text()
    assert tool.locator(".pb-file__failures").bounding_box()["width"] <= 390
    notes = tool.locator(".pb-file__notes li").all_inner_texts()
    assert "列 '毛利率' 出现了不止一次（第 4, 8 列）；使用第一列" in notes
    assert "列 '毛利率' 混用了比例（0.3）和百分数（22%）；请检查第 11 行" in notes
    assert "未计入的合计行：1 行（第 14 行）" in notes and "表头在第 2 行；上面的行视为标题，已跳过" in notes
    with page.expect_download() as info:
        tool.locator(".pb-file__download").click()
    got = Path(info.value.path()).read_bytes()
    assert got == cli_scored(MESSY, tmp_path)  # the same bytes as the command line
    lines = got.decode("utf-8-sig").splitlines()
    assert len(lines) == 13  # header + every row, the 合计 row included
    assert lines[4].startswith('"\'=HYPERLINK(') and lines[5].startswith("'+cmd") and lines[6].startswith("\"'@SUM")
    assert lines[1].endswith(",75.0,高价值,") and lines[-1].endswith("合计行：不计入任何合计和排名")
    context.close()


def test_pipeline_options_on_the_page_as_on_the_command_line(page, server, site, tmp_path):
    source = ROOT / "tests" / "fixtures" / "files" / "messy-deals.csv"
    page.goto(server + page_of(site, "data-file-tool", "en"))
    tool = page.locator(TOOL)
    tool.locator("select[name='kind']").select_option("pipeline")
    tool.locator("input[name='stages']").fill("试用=0.4")
    tool.locator("input[name='stages']").press("Tab")  # the change event, before the file
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done")
    with page.expect_download() as info:
        tool.locator(".pb-file__download").click()
    out = tmp_path / "cli.csv"
    subprocess.run([sys.executable, "-m", "calculators", "pipeline", str(source), "--stage", "试用=0.4", "--lang", "en",
                    "-o", str(out)], cwd=ROOT, check=True, capture_output=True)
    assert Path(info.value.path()).read_bytes() == out.read_bytes()
    expect(tool.locator(".pb-file__failures tbody tr")).to_have_count(1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_xlsx_export_on_a_phone_matches_the_command_line(browser, server, site, tmp_path, lang):
    """The Excel version of the messy file: merged title row, margins formatted as percentages, date cells."""
    source = ROOT / "tests" / "fixtures" / "files" / "messy-customers.xlsx"
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + page_of(site, "data-file-tool", lang))
    tool = page.locator(TOOL)
    got = score_in_page(page, source, "score:customer-value", timeout=30000)
    assert tool.get_attribute("data-mode") == "worker"
    assert got == cli_scored(source, tmp_path, "--lang", lang)
    lines = got.decode("utf-8-sig").splitlines()
    assert lines[1].startswith("华安商贸,860000,18,22%,4,240万元,2024-06-20,0.22,75.0,")
    expect(tool.locator(".pb-file__failures tbody tr")).to_have_count(2)
    assert all(url.startswith(server) for url in requests), requests
    assert any(url.endswith("vendor/exceljs.min.js") for url in requests)
    context.close()


def test_excel_code_loads_only_for_an_xlsx_file(page, server, site, tmp_path):
    page.goto(server + page_of(site, "data-file-tool", "zh"))
    tool = page.locator(TOOL)
    tool.locator("select[name='kind']").select_option("score:customer-value")
    tool.locator("input[type='file']").set_input_files(str(MESSY))
    expect(tool).to_have_attribute("data-state", "done")
    assert not [url for url in page.requests if "exceljs" in url]
    page.goto(server + page_of(site, 'data-widget="clv-seed"', "zh"))
    assert not [url for url in page.requests if "exceljs" in url]


def test_xlsx_without_a_worker_from_file_url(page, site, tmp_path):
    source = ROOT / "tests" / "fixtures" / "files" / "messy-customers.xlsx"
    page.goto((site / page_of(site, "data-file-tool", "en")).as_uri())
    got = score_in_page(page, source, "score:customer-value", timeout=30000)
    assert page.locator(TOOL).get_attribute("data-mode") == "page"
    assert got == cli_scored(source, tmp_path, "--lang", "en")


def test_rfm_options_on_the_page_as_on_the_command_line(page, server, site, tmp_path):
    source = ROOT / "tests" / "fixtures" / "files" / "messy-orders.csv"
    page.goto(server + page_of(site, "data-file-tool", "en"))
    tool = page.locator(TOOL)
    tool.locator("select[name='kind']").select_option("rfm")
    tool.locator("select[name='date_format']").select_option("dmy")
    tool.locator("select[name='ties']").select_option("r-rfm")
    tool.locator("input[name='thresholds']").fill("monetary=1000,5000,20000,50000")
    tool.locator("input[name='thresholds']").press("Tab")
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done")
    expect(tool.locator(".pb-file__notes li").last).to_contain_text("monetary 1000, 5000, 20000, 50000")
    with page.expect_download() as info:
        tool.locator(".pb-file__download").click()
    out = tmp_path / "cli.csv"
    subprocess.run([sys.executable, "-m", "calculators", "rfm", str(source), "--date-format", "dmy", "--ties", "r-rfm",
                    "--thresholds", "monetary=1000,5000,20000,50000", "--lang", "en", "-o", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    assert Path(info.value.path()).read_bytes() == out.read_bytes()


def test_each_kind_shows_its_own_fields_and_abc_thresholds_score_from_file_url(browser, site, tmp_path):
    """On a phone, from file:// (the worker started from a Blob): each kind shows the option fields its calculator's
    widget.py declares and no other's; ABC's thresholds typed there give the command line's bytes."""
    from playbook.calculators.widgets import file_fields, file_kinds, runner
    from playbook.core.loading import playbook_for

    ui = {key: text.en for key, text in dict.items(playbook_for(ROOT).strings)}
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto((site / page_of(site, "data-file-tool", "en")).as_uri())
    tool = page.locator(TOOL)
    for kind, _ in file_kinds("en", ui):
        tool.locator("select[name='kind']").select_option(kind)
        own = [(f.label, f.name) for runners, options in file_fields("en", ui) if runner(kind) in runners for f in options]
        shown = tool.locator("[data-for] [name]").evaluate_all(
            "fields => fields.filter(f => f.checkVisibility()).map(f => [f.labels[0].textContent, f.name])")
        assert [tuple(f) for f in shown] == own, kind
    source, expected = cli_output(tmp_path, "abc", "gbk", "--a", "90", "--b", "99", "--lang", "en")
    tool.locator("select[name='kind']").select_option("abc")
    tool.locator("input[name='a']").fill("90")
    tool.locator("input[name='b']").fill("99")
    tool.locator("input[name='b']").press("Tab")
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done", timeout=30000)
    assert tool.get_attribute("data-mode") == "worker"
    with page.expect_download() as info:
        tool.locator(".pb-file__download").click()
    assert Path(info.value.path()).read_bytes() == expected
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["abc", "rfm"])
def test_a_long_utf8_file_scored_on_a_phone_from_file_url_in_steps(browser, site, tmp_path, kind):
    """On a phone, from file:// in a browser that starts no Worker there: a UTF-8 file of 30,000 rows, long enough that checking its encoding,
    ranking ABC's values (runs of 4,096 merged) and scoring RFM's 12,000 customers (8,192 at a time) each take
    several steps; the page draws frames while it scores and gives the command line's bytes."""
    source = tmp_path / f"{kind}-30k.csv"
    if kind == "abc":
        rows = [f"客户{i},{'x' if i % 1000 == 999 else i * 7 % 9973 + 0.5}" for i in range(30_000)]
        source.write_text("客户,销售额\n" + "\n".join(rows) + "\n", encoding="utf-8")
    else:
        rows = [f"客户{i * 7 % 12_000},2024-{i % 12 + 1:02d}-{i % 28 + 1:02d},{'x' if i % 1000 == 999 else i % 997}"
                for i in range(30_000)]
        source.write_text("客户,日期,金额\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "cli.csv"
    subprocess.run([sys.executable, "-m", "calculators", kind, str(source), "--lang", "en", "-o", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.add_init_script(REFUSE_WORKERS)
    page.goto((site / page_of(site, "data-file-tool", "en")).as_uri())
    page.locator(TOOL).locator("select[name='kind']").select_option(kind)
    # Frames drawn while the tool works: a page busy with the whole job in one task would draw none
    page.evaluate("""() => { window.pbFrames = 0; const tick = () => {
      if (document.querySelector('[data-file-tool]').dataset.state === 'working') pbFrames += 1;
      requestAnimationFrame(tick); }; requestAnimationFrame(tick); }""")
    assert score_in_page(page, source, kind, timeout=60000) == out.read_bytes()
    assert page.locator(TOOL).get_attribute("data-mode") == "page"
    assert page.evaluate("pbFrames") >= 3
    context.close()


def test_a_large_file_shows_progress_and_gives_every_row_back(browser, server, site, tmp_path):
    """As a user on a phone: 20,000 leads from a CRM, one in 33 with a bad rating; the bar and the count move
    while the worker reads, every row comes back in order, the first 500 failed rows are listed."""
    rows = 20_000
    lines = ["客户,预算,决策权,需求,时机,匹配度"]
    lines += [f"客户{i},{'x' if i % 33 == 0 else i % 5 + 1},3,4,5,2" for i in range(rows)]
    source = tmp_path / "leads-20k.csv"
    source.write_bytes("\r\n".join(lines).encode("gbk"))
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(server + page_of(site, "data-file-tool", "zh"))
    tool = page.locator(TOOL)
    tool.locator("select[name='kind']").select_option("score:lead")
    # Every value the bar and the status take, as the page sets them
    page.evaluate("""() => { window.seen = {bar: [], status: []};
      const tool = document.querySelector('[data-file-tool]');
      new MutationObserver(() => {
        const bar = tool.querySelector('.pb-file__progress');
        if (!bar.hidden && bar.hasAttribute('value')) window.seen.bar.push(bar.value);
        window.seen.status.push(tool.querySelector('.pb-file__status').textContent);
      }).observe(tool, {subtree: true, attributes: true, childList: true, characterData: true}); }""")
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done", timeout=60000)
    seen = page.evaluate("window.seen")
    assert "正在计算：已处理 5000 行……" in seen["status"], seen["status"]
    assert len(seen["bar"]) >= 3 and seen["bar"] == sorted(seen["bar"]) and 0 < seen["bar"][-1] <= 1, seen["bar"]
    assert tool.locator(".pb-file__progress").is_hidden()
    bad = len(range(0, rows, 33))
    expect(tool.locator(".pb-file__status")).to_contain_text(f"共 {rows} 行：{rows - bad} 行已评分，{bad} 行有错误")
    expect(tool.locator(".pb-file__failures tbody tr")).to_have_count(500)
    expect(tool.locator(".pb-file__more")).to_have_text(
        f"另有 {bad - 500} 行有错误，未在此列出；下载的结果里每行的 error 列都写明了原因。")
    with page.expect_download() as info:
        tool.locator(".pb-file__download").click()
    out = Path(info.value.path()).read_bytes().decode("utf-8-sig").split("\r\n")
    assert len(out) == 1 + rows + 1 and out[-1] == ""  # header, every row, the last line's end
    assert [line.split(",")[0] for line in out[1:-1]] == [f"客户{i}" for i in range(rows)]
    assert ',"第 2 行：' in out[1] and out[2].endswith(",")  # a bad row's reason, then a scored row's empty error
    context.close()


# The page's animation frames held until the test lets them run (only the failed rows' listing waits on them)
HELD_FRAMES = """window.heldFrames = []; window.holdFrames = true;
  const nextFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = callback => holdFrames ? heldFrames.push(callback) : nextFrame(callback);"""


def test_failed_rows_are_listed_a_batch_a_frame_and_a_new_scoring_replaces_them(page, server, site, tmp_path):
    """600 bad rows: the first 500 are listed 50 a frame (all at once, their layout kept the page's thread busy
    for up to 110 ms); scoring again while the list grows lists the new result alone."""
    source = tmp_path / "bad.csv"
    source.write_text("客户,预算,决策权,需求,时机,匹配度\n" + "".join(f"客户{i},x,2,3,4,5\n" for i in range(600)), encoding="utf-8")
    page.add_init_script(HELD_FRAMES)
    page.goto(server + page_of(site, "data-file-tool", "zh"))
    tool, rows = page.locator(TOOL), page.locator(f"{TOOL} .pb-file__failures tbody tr")
    tool.locator("select[name='kind']").select_option("score:lead")
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done")
    expect(rows).to_have_count(50)
    page.evaluate("() => heldFrames.splice(0).forEach(run => run())")  # one frame: 50 more
    expect(rows).to_have_count(100)
    tool.locator("input[name='header_row']").fill("1")  # an option changed: the file is scored again
    tool.locator("input[name='header_row']").dispatch_event("change")
    expect(tool).to_have_attribute("data-state", "done")
    expect(rows).to_have_count(50)
    page.evaluate("() => { holdFrames = false; heldFrames.splice(0).forEach(run => run()); }")
    expect(rows).to_have_count(500)
    page.wait_for_timeout(500)  # frames enough for a stale listing to add its rows
    expect(rows).to_have_count(500)
    assert rows.nth(0).locator("td").nth(0).inner_text() == "2" and rows.nth(499).locator("td").nth(0).inner_text() == "501"
    expect(tool.locator(".pb-file__more")).to_contain_text("另有 100 行有错误")
