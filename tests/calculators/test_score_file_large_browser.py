"""In the real browser: the file tool reads .xlsx exports (loading the Excel code only then), scores long and
large files in steps with a progress bar and every row back, and lists failed rows a batch a frame."""

import pytest

from tests.conftest import ROOT, expect

from .file_tool import (
    MESSY, REFUSE_WORKERS, TOOL, cli_scored, command_line, downloaded, open_tool, score_in_page,
)
from .site_pages import page_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_xlsx_export_on_a_phone_matches_the_command_line(browser, server, site, tmp_path, lang):
    """The Excel version of the messy file: merged title row, margins formatted as percentages, date cells."""
    source = ROOT / "tests" / "fixtures" / "files" / "messy-customers.xlsx"
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    tool = open_tool(page, site, lang, server)
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
    tool = open_tool(page, site, "zh", server, kind="score:customer-value")
    tool.locator("input[type='file']").set_input_files(str(MESSY))
    expect(tool).to_have_attribute("data-state", "done")
    assert not [url for url in page.requests if "exceljs" in url]
    page.goto(server + page_of(site, 'data-widget="clv-seed"', "zh"))
    assert not [url for url in page.requests if "exceljs" in url]


def test_xlsx_without_a_worker_from_file_url(page, site, tmp_path):
    source = ROOT / "tests" / "fixtures" / "files" / "messy-customers.xlsx"
    open_tool(page, site, "en")
    got = score_in_page(page, source, "score:customer-value", timeout=30000)
    assert page.locator(TOOL).get_attribute("data-mode") == "page"
    assert got == cli_scored(source, tmp_path, "--lang", "en")


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
    expected = command_line(tmp_path, kind, str(source), "--lang", "en")
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.add_init_script(REFUSE_WORKERS)
    open_tool(page, site, "en", kind=kind)
    # Frames drawn while the tool works: a page busy with the whole job in one task would draw none
    page.evaluate("""() => { window.pbFrames = 0; const tick = () => {
      if (document.querySelector('[data-file-tool]').dataset.state === 'working') pbFrames += 1;
      requestAnimationFrame(tick); }; requestAnimationFrame(tick); }""")
    assert score_in_page(page, source, kind, timeout=60000) == expected
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
    tool = open_tool(page, site, "zh", server, kind="score:lead")
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
        f"另有 {bad - 500} 行有错误，未在此列出；下载的结果里每行的“错误”列都写明了原因。")
    out = downloaded(page, tool).decode("utf-8-sig").split("\r\n")
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
    tool = open_tool(page, site, "zh", server, kind="score:lead")
    rows = page.locator(f"{TOOL} .pb-file__failures tbody tr")
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
