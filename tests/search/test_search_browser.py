"""In the real browser: search in Chinese, open a result; switch to English and search there; no other host;
no page asks for a file that is not there."""

import re
from urllib.parse import urlparse

import pytest

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


@pytest.mark.parametrize("path", ["index.html", "planning/smart-goals.html", "en/calculators/clv.html"])
def test_pages_load_with_no_failed_request_or_console_error(page, server, path):
    failed, errors = [], []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(server + path, wait_until="networkidle")
    assert (failed, errors) == ([], [])


# A result the browser has drawn (laid out and painted), not only put in the page: content-visibility
# leaves a result far below the screen undrawn until it is scrolled to (docs/assets/stylesheets/playbook.css).
DRAWN = "el => el.checkVisibility({contentVisibilityAuto: true})"


@pytest.mark.parametrize("home, query", [("index.html", "客户"), ("en/index.html", "customer")])
def test_on_a_phone_results_near_the_screen_are_drawn_and_the_rest_when_scrolled_to(browser, server, home, query):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + home)
    page.locator("label.md-header__button[for=__search]").click()
    results = search(page, query)
    assert results.count() >= 6  # more results than a phone shows
    titles = page.locator(".md-search-result__item h1")
    assert titles.first.evaluate(DRAWN) and titles.first.is_visible()
    tenth = results.count() - 1  # material puts ten in the page, more when the list is scrolled to its end
    last = titles.nth(tenth)
    assert not last.evaluate(DRAWN)  # far below the screen: no work spent on it yet

    last.scroll_into_view_if_needed()  # the reader scrolls down the results
    page.wait_for_function(DRAWN, arg=last.element_handle(), timeout=5000)  # drawn in the next frames
    assert last.is_visible() and last.inner_text()
    link = results.nth(tenth).locator("a.md-search-result__link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(href)
    assert page.locator("article h1").first.is_visible()
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
