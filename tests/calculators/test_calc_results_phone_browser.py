"""A team lead on a phone, from the home page: opens each calculator from the calculators page and reads every
result whole, its label and its figure inside the screen's width (the English labels are the longest)."""

import pytest

pytestmark = pytest.mark.browser

WIDTH = 390
HOME = {"zh": ("index.html", "计算器"), "en": ("en/index.html", "Calculators")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_calculator_result_fits_a_phone(browser, server, lang):
    home, link = HOME[lang]
    context = browser.new_context(viewport={"width": WIDTH, "height": 844})
    try:
        page = context.new_page()
        page.goto(server + home)
        page.locator("article a", has_text=link).first.click()
        page.locator("article table a").first.wait_for()  # the calculators page, once the click has taken us there
        index = page.url
        names = page.locator("article table a").all_inner_texts()
        assert len(names) >= 7, names
        cut = []
        for name in names:
            page.goto(index)
            page.locator("article table a", has_text=name).first.click()
            page.wait_for_url(lambda url: url != index)  # and loaded: not the calculators page still
            if page.locator(".pb-calc__result").count():  # the ABC and RFM pages score files, on the file page
                page.locator(".pb-calc__result dd").first.wait_for(state="attached")
            for dd in page.locator(".pb-calc__result dd").all():
                box = dd.bounding_box()
                if box and box["x"] + box["width"] > WIDTH:
                    cut.append(f"{name}: {dd.inner_text()!r} ends at {box['x'] + box['width']:.0f} px")
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > WIDTH:
                cut.append(f"{name}: the page is {wide} px wide")
        assert not cut, cut
    finally:
        context.close()
