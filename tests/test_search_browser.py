"""In the real browser: search in Chinese, open a result; switch to English and search there; no other host."""

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
    assert page.locator("h1").inner_text() == "SMART 目标"

    # The language selector leads to the same page in English.
    page.goto(server + "en/index.html")
    results = search(page, "goal")
    titles = results.all_inner_texts()
    assert any("SMART goals" in t for t in titles)
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in titles), titles
    page.locator(".md-search-result__link", has_text="SMART goals").first.click()
    page.wait_for_url(re.compile(r"en/planning/smart-goals\.html"))

    hosts = {urlparse(url).hostname for url in page.requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts


def test_language_switcher_leads_to_the_english_page(page, server):
    page.goto(server + "planning/smart-goals.html")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a[hreflang=en]").first.click()
    page.wait_for_url(re.compile(r"/en/"))
    assert page.locator("html").get_attribute("lang") == "en"
