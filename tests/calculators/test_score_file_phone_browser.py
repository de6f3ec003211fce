"""A team lead on a phone, from the home page: scores a small customer list on the "score a file" page and sees
the chart of rows per tier, then downloads what the command line writes (a formula neutralised, 86万 and 12% read,
a total row kept apart, the added columns named in the page's language)."""

import pytest

from tests.conftest import expect

from .file_tool import TOOL, cli_scored, downloaded

pytestmark = pytest.mark.browser

ROWS = ('客户,采购金额,购买次数,毛利率,潜力,终身价值\n'
        '"=HYPERLINK(""http://x"",""y"")",860000,18,22,4,2400000\n'
        '东升五金,86万,3,12%,2,90000\n'
        '明达机械,1250000,30,8,5,5200000\n'
        '合计,2196000,51,,,\n')
HOME = {"zh": ("index.html", "给客户名单打分", "高价值", "中价值"),
        "en": ("en/index.html", "Score a customer file", "High value", "Middle value")}
ADDED = {"zh": ",得分,等级,错误", "en": ",score,tier,error"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_scored_file_shows_its_chart_of_tiers_on_a_phone(browser, server, tmp_path, lang):
    home, link, high, middle = HOME[lang]
    source = tmp_path / "customers.csv"
    source.write_text(ROWS, encoding="utf-8")
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(server + home)
        page.locator("article a", has_text=link).first.click()
        tool = page.locator(TOOL)
        tool.locator("input[type='file']").set_input_files(str(source))  # maybe before the page's script has run
        expect(tool).to_have_attribute("data-state", "done", timeout=30_000)
        chart = tool.locator("svg.pb-chart")
        expect(chart).to_be_visible()
        box = chart.bounding_box()
        assert box["height"] > 40 and box["x"] + box["width"] <= 390, box
        labels = chart.locator(".pb-chart__label").all_text_contents()
        counts = dict(zip(labels, chart.locator(".pb-chart__count").all_text_contents()))
        assert counts[high] == "2" and counts[middle] == "1", counts
        got = downloaded(page, tool)
        assert got == cli_scored(source, tmp_path, "--lang", lang)
        assert "'=HYPERLINK".encode() in got
        # the added columns named in the page's language, as the labels are
        assert got.decode("utf-8-sig").split("\r\n")[0].endswith(ADDED[lang])
    finally:
        context.close()


def test_a_file_picked_before_the_page_script_ran_is_scored(browser, server, tmp_path):
    # A slow phone: the file is chosen before the tool's script has run; the script, once there, scores it
    source = tmp_path / "customers.csv"
    source.write_text(ROWS, encoding="utf-8")
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    try:
        page = context.new_page()
        page.route("**/calculators/filepage.js", lambda route: route.abort())
        page.goto(server + "calculators/score-file.html")
        tool = page.locator(TOOL)
        tool.locator("input[type='file']").set_input_files(str(source))
        page.unroute("**/calculators/filepage.js")
        page.add_script_tag(url=server + "assets/javascripts/calculators/filepage.js")
        expect(tool).to_have_attribute("data-state", "done", timeout=30_000)
        assert downloaded(page, tool) == cli_scored(source, tmp_path, "--lang", "zh")
    finally:
        context.close()
