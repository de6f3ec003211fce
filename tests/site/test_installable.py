"""Installable and readable offline: a manifest per language, and after one visit over http on localhost the
pages a reader opened (and both home pages) still load with the network cut. From file:// nothing registers."""

import json

import pytest

pytestmark = pytest.mark.browser


def test_each_language_has_its_manifest(site):
    zh = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    en = json.loads((site / "manifest.en.webmanifest").read_text(encoding="utf-8"))
    assert (zh["lang"], zh["start_url"], en["lang"], en["start_url"]) == ("zh", "./", "en", "./en/")
    assert en["name"] == "Sales Playbook" and zh["name"] == "销售作战手册"
    assert 'href="../../manifest.en.webmanifest"' in (site / "en/planning/smart-goals.html").read_text(encoding="utf-8")


def test_pages_read_once_load_with_the_network_cut(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "index.html")
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=60_000)
    page.goto(server + "complaints/handling.html")
    title = page.locator("h1").inner_text()
    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == title
    page.goto(server + "en/index.html")
    assert page.locator("h1").count() == 1, "the English home page was precached"
    context.close()


def test_no_worker_from_the_file_system(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    context.close()
