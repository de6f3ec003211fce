"""axe-core in the real browser: no serious or critical violation on the pages people use most.

axe-core comes from npm (tests/package.json, installed by `make test`) and is injected into each page by
Playwright, then run there on the whole document."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# Home, a module with a checklist, a module with a fillable sheet, a calculator, the glossary, a module with
# talk tracks and their role-play rubrics.
PAGES = ["index.html", "planning/smart-goals.html", "development/customer-analysis.html", "calculators/clv.html",
         "glossary.html", "development/proposal-negotiation.html"]
LANGUAGES = {"zh": "", "en": "en/"}


def axe_violations(page) -> list[dict]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing; `make test` installs it (npm ci --prefix tests)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violation(page, server, path, lang):
    page.goto(server + LANGUAGES[lang] + path)
    assert page.locator("html").get_attribute("lang") == lang
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in axe_violations(page) if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


def test_axe_finds_what_it_should(page, server):
    # The check itself: an unlabelled input and grey-on-grey text on a real page are reported.
    page.goto(server + "index.html")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<input type="text"><p style="color:#777;background:#888">低对比度</p>')""")
    found = {v["id"] for v in axe_violations(page) if v["impact"] in ("serious", "critical")}
    assert {"label", "color-contrast"} <= found
