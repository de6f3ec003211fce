"""axe-core in the real browser over every built page of both languages: no serious or critical violation,
and every landmark with a name of its own (landmark-unique).

axe-core comes from npm (package.json, installed by `make test`) and is added by Playwright to every
document the one browser page opens, then run there on the whole document. Chinese pages are checked at phone
size (390×844: the drawer navigation), English ones at laptop size (1280×800: sidebars and contents), so every
kind of page is seen at both sizes and each page once."""

from pathlib import Path

import pytest

from tests.conftest import built_pages

pytestmark = pytest.mark.browser

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"zh": {"width": 390, "height": 844}, "en": {"width": 1280, "height": 800}}
FAILING = {"serious", "critical"}
ALSO_FAILING = {"landmark-unique"}  # moderate, but it leaves screen-reader users with nameless navigation


@pytest.fixture(scope="module")
def axe_page(browser):
    """One page per viewport, reused for every address; axe is added to each document it loads."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing; `make test` installs it (npm ci)")
    opened = {}

    def open_at(lang: str):
        if lang not in opened:
            context = browser.new_context(viewport=VIEWPORTS[lang])
            context.add_init_script(path=str(AXE))
            opened[lang] = context.new_page()
        return opened[lang]

    yield open_at
    for page in opened.values():
        page.context.close()


def violations(page) -> list[dict]:
    """axe's violations once the page's CSS transitions have ended: a button that has just lost focus fades
    back over material's 125 ms, and its colours halfway were once measured as too little contrast."""
    page.wait_for_function("!document.getAnimations()"
                           ".some(a => a instanceof CSSTransition && a.playState === 'running')")
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


def failures(page) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in violations(page) if v["impact"] in FAILING or v["id"] in ALSO_FAILING]


@pytest.mark.parametrize("lang", VIEWPORTS)
def test_no_serious_violation_on_any_page(axe_page, site, server, lang):
    page, pages, found = axe_page(lang), [str(p.relative_to(site)) for p in built_pages(site, lang)], {}
    assert len(pages) > 50
    for path in pages:
        page.goto(server + path)
        assert page.locator("html").get_attribute("lang") == lang, path  # 404.html too: the default language's
        if problems := failures(page):
            found[path] = problems
    report = "\n".join(f"{path}:\n  " + "\n  ".join(problems) for path, problems in found.items())
    assert not found, f"{len(found)} of {len(pages)} pages:\n{report}"


def test_axe_finds_what_it_should(axe_page, server):
    # The check itself: an unlabelled input, grey-on-grey text and two navigations of one name are reported.
    page = axe_page("zh")
    page.goto(server + "index.html")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<input type="text"><p style="color:#777;background:#888">低对比度</p>' +
        '<nav aria-label="x"><a href="#">1</a></nav><nav aria-label="x"><a href="#">2</a></nav>')""")
    found = {problem.split()[0] for problem in failures(page)}
    assert {"label", "color-contrast", "landmark-unique"} <= found
