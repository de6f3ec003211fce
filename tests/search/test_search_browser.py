"""In the real browser: search in Chinese, open a result; switch to English and search there; no other host;
no page asks for a file that is not there."""

import re
from urllib.parse import urlparse

import pytest

from playbook.search.first_page import FIRST_PAGE

pytestmark = pytest.mark.browser


def search(page, query: str):
    """Type `query` into material's search and wait for results (the index loads after the page)."""
    page.fill("input[data-md-component=search-query]", query)
    page.keyboard.press("End")  # material searches on keyup, as when an input method commits Chinese text
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results


def test_search_in_chinese_then_english(page, server):
    page.goto(server + "index.html")
    results = search(page, "目标")
    titles = results.all_inner_texts()
    assert any("SMART" in t for t in titles)
    page.locator(".md-search-result__link", has_text="SMART").first.click()
    page.wait_for_url(re.compile(r"planning/smart-goals\.html"))
    assert page.title().startswith("SMART 目标")

    # The English site searches its own index and finds only English pages.
    english_start = len(page.requests)
    page.goto(server + "en/index.html")
    results = search(page, "goal")
    assert any("SMART goals" in t for t in results.all_inner_texts())
    links = page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert links and all("/en/" in href for href in links), links  # no Chinese page among the results
    page.locator(".md-search-result__link", has_text="SMART goals").first.click()
    page.wait_for_url(re.compile(r"en/planning/smart-goals\.html"))

    index_requests = [url for url in page.requests[english_start:] if "search_index" in url]
    assert index_requests and all("/en/search/" in url for url in index_requests), index_requests
    hosts = {urlparse(url).hostname for url in page.requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts


def test_language_switcher_leads_to_the_english_page(page, server):
    page.goto(server + "planning/smart-goals.html")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a[hreflang=en]").first.click()
    page.wait_for_url(re.compile(r"/en/planning/smart-goals\.html"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a[hreflang=zh]").first.click()
    page.wait_for_url(re.compile(r"/planning/smart-goals\.html"))
    assert page.locator("html").get_attribute("lang") == "zh" and "/en/" not in page.url


def test_the_missing_page_is_in_the_default_language_as_its_search_is(page, server):
    page.goto(server + "404.html")  # its search reads the index beside the site's root: the Chinese one
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.locator(".md-tabs__link").first.inner_text() == "首页"  # not the last language built's header
    search(page, "投诉")
    links = page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert links and not any("/en/" in href for href in links), links


@pytest.mark.parametrize("lang, home", [("zh", "index.html"), ("en", "en/index.html")])
def test_the_language_switcher_of_the_missing_page_leads_to_a_home_page(page, server, lang, home):
    page.goto(server + "404.html")  # what a server shows for any address with no page, in both languages
    page.locator(".md-header__option .md-select").first.hover()
    with page.expect_navigation():
        page.locator(f"a[hreflang={lang}]").first.click()
    assert page.url == server + home  # not the page the build happened to render last


@pytest.mark.parametrize("path", ["index.html", "planning/smart-goals.html", "en/calculators/clv.html"])
def test_pages_load_with_no_failed_request_or_console_error(page, server, path):
    failed, errors = [], []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(server + path, wait_until="networkidle")
    assert (failed, errors) == ([], [])


# The results in the list, how many material says it found, and whether the list overflows its box
LIST = """() => { const box = document.querySelector(".md-search__scrollwrap")
  const found = document.querySelector(".md-search-result__meta").textContent.match(/\\d+/)
  return [document.querySelectorAll(".md-search-result__item").length, found ? +found[0] : 0,
          box.scrollHeight > box.clientHeight] }"""


def scroll_to_every_result(page) -> int:
    """Scrolls the results down as a reader does, until material has put every result it found in the list or
    scrolling adds none; returns how many are in the list."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator(".md-search__scrollwrap")
    while True:
        count, found, _ = page.evaluate(LIST)
        if count >= found:
            return count
        box.evaluate("box => box.scrollTop = box.scrollHeight - box.clientHeight - 200")  # on the way down
        page.wait_for_timeout(100)
        box.evaluate("box => box.scrollTop = box.scrollHeight")
        try:
            page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length > {count}",
                                   timeout=3000)
        except PlaywrightTimeout:
            return count


@pytest.mark.parametrize("home, query", [("index.html", "投诉"), ("en/index.html", "complaint")])
def test_on_a_phone_a_screen_of_results_comes_first_and_the_rest_when_scrolled_to(browser, server, home, query):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + home)
    page.locator("label.md-header__button[for=__search]").click()
    results = search(page, query)
    page.wait_for_timeout(300)  # nothing more is drawn until the reader scrolls
    count, found, overflows = page.evaluate(LIST)
    assert count == FIRST_PAGE and found > 2 * FIRST_PAGE and overflows  # the screen is full, the rest waits
    assert results.first.locator("h1").is_visible()

    assert scroll_to_every_result(page) == found
    last = results.nth(found - 1).locator("a.md-search-result__link").first
    last.scroll_into_view_if_needed()
    href = last.get_attribute("href")
    last.click()
    page.wait_for_url(href)
    assert page.locator("article h1").first.is_visible()
    context.close()


@pytest.mark.parametrize("width, height, home, query", [
    (1280, 800, "index.html", "投诉"), (1280, 800, "en/index.html", "courses"),  # a laptop: four at first
    (1280, 2000, "index.html", "课程"), (1280, 2000, "en/index.html", "courses"),  # taller: material's ten
    (390, 844, "index.html", "渠道冲突"), (390, 844, "en/index.html", "KPIs")])  # few results, short ones
def test_every_result_can_be_reached_on_any_screen(browser, server, width, height, home, query):
    """However short the results and tall the window: the list fills its box or holds every result, so
    scrolling (material's way to draw more) reaches them all."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server + home)
    opener = "input[data-md-component=search-query]" if width > 1220 else "label.md-header__button[for=__search]"
    page.locator(opener).click()  # the search box in a wide header, else the magnifier
    search(page, query)
    page.wait_for_timeout(300)
    count, found, overflows = page.evaluate(LIST)
    assert overflows or count == found, (count, found)
    assert scroll_to_every_result(page) == found
    context.close()


# Each result's article: is it folded under "more on this page", and the length of each block of its text
ARTICLES = """list => [...list.querySelectorAll("article")].map(article => [
  Boolean(article.closest("details")),
  [...article.children].filter(child => !child.matches("h1, h2, nav, .md-search-result__terms, .md-search-result__icon"))
    .map(block => block.textContent.length)])"""


def test_on_a_phone_results_show_short_previews_and_folded_sections_as_titles(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "index.html")
    page.locator("label.md-header__button[for=__search]").click()
    search(page, "终身价值")  # many glossary terms mention 价值: the glossary folds many sections
    scroll_to_every_result(page)
    articles = page.locator(".md-search-result__list").evaluate(ARTICLES)
    shown = [blocks for folded, blocks in articles if not folded]
    assert any(shown) and all(len(blocks) <= 1 or sum(blocks) <= 360 for blocks in shown), shown
    assert [blocks for folded, blocks in articles if folded and blocks] == []  # titles only
    folds = page.locator("details.md-search-result__more").evaluate_all(
        "all => all.map(details => details.querySelectorAll('article').length)")
    assert folds and max(folds) == 8, folds  # the best eight of a page's other sections

    page.goto(server + "index.html")  # a fresh page: no results of the query before
    page.locator("label.md-header__button[for=__search]").click()
    search(page, "异议")  # the glossary's aliases (反对意见, 拒绝理由) are searched too, but not typed
    missing = " ".join(page.locator(".md-search-result__terms").all_inner_texts())
    assert "反对意见" not in missing and "拒绝理由" not in missing, missing
    context.close()
