"""In the real browser at phone size: a sales manager opens a calculator page, taps the download
button, and gets a workbook in the page's language whose results are live formulas."""

import openpyxl
import pytest

pytestmark = pytest.mark.browser

PAGES = {"zh": ("calculators/clv.html", "下载 Excel 工作簿", "四项合计法"),
         "en": ("en/calculators/clv.html", "Download the Excel workbook", "Four-part form")}


@pytest.mark.parametrize("lang", PAGES)
def test_download_the_workbook_from_the_calculator_page(browser, server, tmp_path, lang):
    address, button, sheet = PAGES[lang]
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(server + address)
    link = page.get_by_role("link", name=button)
    link.scroll_into_view_if_needed()
    with page.expect_download() as download:
        link.click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    context.close()
    assert target.name == f"clv-{lang}.xlsx"
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[0] == sheet
    formulas = [c for row in book[sheet].iter_rows() for c in row if c.data_type == "f"]
    assert len(formulas) >= 5, "the results are live formulas"
