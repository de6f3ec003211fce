"""axe-core in the real browser: no serious or critical violation on the pages people use most."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

# Home, a module with a checklist, a module with a fillable sheet, a calculator, the glossary.
PAGES = ["index.html", "planning/smart-goals.html", "development/customer-analysis.html", "calculators/clv.html",
         "glossary.html"]
LANGUAGES = {"zh": "", "en": "en/"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violation(page, server, path, lang):
    page.goto(server + LANGUAGES[lang] + path)
    assert page.locator("html").get_attribute("lang") == lang
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
