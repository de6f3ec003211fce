"""In the real browser: the file tool scores CSV files in UTF-8 and GBK exactly as `python -m calculators` does,
in a Worker (from file://, one started from a Blob) or, when the browser starts none, on the page, with the
command line's options, and sends nothing anywhere (test_score_file_large_browser.py: .xlsx files, large files
and long lists of failed rows)."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT, expect

from .file_tool import (
    FILES, MESSY, REFUSE_WORKERS, TOOL, cli_output, cli_scored, command_line, downloaded, open_tool,
    score_in_page,
)
from .site_pages import page_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
@pytest.mark.parametrize("kind", list(FILES))
def test_file_scoring_matches_the_command_line(page, server, site, tmp_path, kind, encoding):
    source, expected = cli_output(tmp_path, kind, encoding)
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url, request.post_data_buffer)))
    open_tool(page, site, "zh", server)
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


@pytest.mark.parametrize("lang, start", [("zh", "NPS：0；推荐者 2（40%），被动者 1（20%），贬损者 2（40%）；回答数：5"),
                                         ("en", "NPS: 0; promoters 2 (40%), passives 1 (20%), detractors 2 (40%); answers: 5")])
def test_a_survey_file_on_a_phone_shows_its_score_as_the_command_line_does(browser, server, site, tmp_path, lang,
                                                                           start):
    name, _, text = FILES["nps"]
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "calculators", "nps", str(source), "--lang", lang,
                          "-o", str(tmp_path / "out.csv")], cwd=ROOT, capture_output=True, text=True)
    score = run.stderr.strip().splitlines()[-1]
    assert score.startswith(start), run.stderr  # in the run's language, as the page says it
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    try:
        phone = context.new_page()
        phone.goto(server + page_of(site, "data-file-tool", lang))
        score_in_page(phone, source, "nps")
        expect(phone.locator(TOOL + " .pb-file__notes li").last).to_have_text(score)
    finally:
        context.close()


def test_file_scoring_in_a_worker_from_file_url(page, site, tmp_path):
    source, expected = cli_output(tmp_path, "score:lead", "gbk", "--lang", "en")  # the page's language
    open_tool(page, site, "en")
    assert score_in_page(page, source, "score:lead") == expected
    assert page.locator(TOOL).get_attribute("data-mode") == "worker"
    assert all(url.startswith(("file://", "blob:")) for url in page.requests), page.requests


def test_file_scoring_on_the_page_when_no_worker_starts_from_file_url(page, site, tmp_path):
    source, expected = cli_output(tmp_path, "score:lead", "gbk", "--lang", "en")
    page.add_init_script(REFUSE_WORKERS)
    open_tool(page, site, "en")
    assert score_in_page(page, source, "score:lead") == expected
    assert page.locator(TOOL).get_attribute("data-mode") == "page"


def test_missing_column_is_one_clear_line(page, server, site, tmp_path):
    source = tmp_path / "wrong.csv"
    source.write_text("name,budget\na,1\n", encoding="utf-8")
    tool = open_tool(page, site, "en", server, kind="abc")
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "failed")
    expect(tool.locator(".pb-file__status")).to_have_text(
        "The file cannot be scored: The file has no 'value' column; check the header row.")


def test_a_messy_customer_file_on_a_phone(browser, server, site, tmp_path):
    """As a user: a phone, the file exported from a CRM, the failed rows in a table, the download opened."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    tool = open_tool(page, site, "zh", server, kind="score:customer-value")
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
    got = downloaded(page, tool)
    assert got == cli_scored(MESSY, tmp_path)  # the same bytes as the command line
    lines = got.decode("utf-8-sig").splitlines()
    assert len(lines) == 13  # header + every row, the 合计 row included
    assert lines[4].startswith('"\'=HYPERLINK(') and lines[5].startswith("'+cmd") and lines[6].startswith("\"'@SUM")
    assert lines[1].endswith(",75.0,高价值,") and lines[-1].endswith("合计行：不计入任何合计和排名")
    context.close()


def test_pipeline_options_on_the_page_as_on_the_command_line(page, server, site, tmp_path):
    source = ROOT / "tests" / "fixtures" / "files" / "messy-deals.csv"
    tool = open_tool(page, site, "en", server, kind="pipeline")
    tool.locator("input[name='stages']").fill("试用=0.4")
    tool.locator("input[name='stages']").press("Tab")  # the change event, before the file
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done")
    assert downloaded(page, tool) == command_line(tmp_path, "pipeline", str(source), "--stage", "试用=0.4",
                                                  "--lang", "en")
    expect(tool.locator(".pb-file__failures tbody tr")).to_have_count(1)


def test_rfm_options_on_the_page_as_on_the_command_line(page, server, site, tmp_path):
    source = ROOT / "tests" / "fixtures" / "files" / "messy-orders.csv"
    tool = open_tool(page, site, "en", server, kind="rfm")
    tool.locator("select[name='date_format']").select_option("dmy")
    tool.locator("select[name='ties']").select_option("r-rfm")
    tool.locator("input[name='thresholds']").fill("monetary=1000,5000,20000,50000")
    tool.locator("input[name='thresholds']").press("Tab")
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done")
    expect(tool.locator(".pb-file__notes li").last).to_contain_text("monetary 1000, 5000, 20000, 50000")
    assert downloaded(page, tool) == command_line(tmp_path, "rfm", str(source), "--date-format", "dmy", "--ties",
                                                  "r-rfm", "--thresholds", "monetary=1000,5000,20000,50000",
                                                  "--lang", "en")


def test_each_kind_shows_its_own_fields_and_abc_thresholds_score_from_file_url(browser, site, tmp_path):
    """On a phone, from file:// (the worker started from a Blob): each kind shows the option fields its calculator's
    widget.py declares and no other's; ABC's thresholds typed there give the command line's bytes."""
    from playbook.calculators.widgets import file_fields, file_kinds, runner
    from playbook.core.loading import playbook_for

    ui = {key: text.en for key, text in dict.items(playbook_for(ROOT).strings)}
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    tool = open_tool(page, site, "en")
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
    assert downloaded(page, tool) == expected
    context.close()
