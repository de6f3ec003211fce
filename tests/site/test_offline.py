"""The offline build works opened from the file system: search in Chinese, follow a result."""

import re

import pytest

from tests.conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(ROOT, site_dir, OFFLINE="true")
    assert result.returncode == 0, result.stderr
    return site_dir


def test_offline_build_has_a_script_index_per_language(offline_site):
    for folder in (offline_site / "search", offline_site / "en" / "search"):
        assert (folder / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    html = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/vendor/iframe-worker-shim.js" in html and "unpkg" not in html


def test_search_works_from_file_urls(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    page.fill("input[data-md-component=search-query]", "目标")
    page.keyboard.press("End")
    link = page.locator(".md-search-result__link", has_text="SMART").first
    link.wait_for(timeout=15000)
    link.click()
    page.wait_for_url(re.compile(r"planning/smart-goals\.html"))
    assert page.url.startswith("file://")
    assert page.title().startswith("SMART 目标")
    assert all(url.startswith(("file://", "data:", "blob:")) for url in page.requests), page.requests


def test_present_mode_works_from_file_urls(page, offline_site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto((offline_site / "en" / "courses" / "key-account-day-present.html").as_uri())
    page.get_by_role("button", name="Start presenting").click()
    page.keyboard.press("PageDown")
    slide = page.locator(".reveal .slides > section.present h2")
    assert slide.inner_text() == "What relationship management is for"
    assert page.locator(".pb-present__countdown").inner_text() in ("45:00", "44:59")
    assert all(url.startswith(("file://", "data:", "blob:")) for url in page.requests), page.requests


def test_the_course_composer_works_from_file_urls(page, offline_site):
    """A trainer with the zip: compose a block, see its clock time, download the course file."""
    page.goto((offline_site / "en" / "courses" / "composer.html").as_uri())
    page.locator(".pb-composer__catalogue li[data-pick='module:smart-goals'] button").click()
    assert page.locator(".pb-composer__clock").all_inner_texts() == ["09:00–09:12"]
    page.fill("input[name=id]", "offline-course")
    for name in ("title.zh", "title.en", "summary.zh", "summary.en"):
        page.fill(f"input[name='{name}']", "离线" if name.endswith("zh") else "Offline")
    page.get_by_role("checkbox", name="Trainer").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the course file (YAML)").click()
    assert info.value.suggested_filename == "offline-course.yml"
    assert all(url.startswith(("file://", "data:", "blob:")) for url in page.requests), page.requests
