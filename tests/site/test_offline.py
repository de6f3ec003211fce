"""The offline build works opened from the file system: search in Chinese, follow a result, present a course,
compose one, score a customer file."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, expect, mkdocs_build

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


# One file per kind the score-a-file page offers, as a CRM exports it (GBK, one bad row in 1,000), and its
# command line. Long enough that the worker reads it in many ranges and posts its progress a few times
ROWS = 12_000
KINDS = {
    "score:lead": ("客户,预算,决策权,需求,时机,匹配度", ["score", "--scorecard", "lead"],
                   lambda i, bad: f"客户{i},{'x' if bad else i % 5 + 1},{i % 3 + 1},4,{i % 4 + 2},2"),
    "abc": ("客户,销售额", ["abc"], lambda i, bad: f"客户{i},{'x' if bad else i * 7919 % 100_003 / 100}"),
    "rfm": ("客户,日期,金额", ["rfm"],
            lambda i, bad: f"客户{i * 7 % 2_400},2024-{i % 12 + 1:02d}-{i % 28 + 1:02d},{'x' if bad else i % 9_973}"),
    "pipeline": ("商机,金额,阶段,销售人员,区域", ["pipeline"],
                 lambda i, bad: f"商机{i},{'x' if bad else i * 37 % 900_000},{['初步接触', '方案演示', '成交', '丢单'][i % 4]},"
                                f"销售{i % 40},区域{i % 8}"),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_file_scored_from_the_zip_on_a_phone_in_a_worker(browser, offline_site, tmp_path, kind):
    """A user with the zip on a phone-sized window: the score-a-file page opened from disk scores each kind in a
    real Worker (started from a Blob: Chromium starts none from a file's address, and the offline build's
    stand-in for Worker would run it in an iframe on the page's thread) and gives the command line's bytes."""
    header, command, row = KINDS[kind]
    source = tmp_path / f"{kind.replace(':', '-')}.csv"
    lines = [header] + [row(i, i % 1000 == 999) for i in range(ROWS)]
    source.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    out = tmp_path / "cli.csv"
    subprocess.run([sys.executable, "-m", "calculators", *command, str(source), "--lang", "en", "-o", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    try:
        page, requests = context.new_page(), []
        page.on("request", lambda request: requests.append(request.url))
        page.goto((offline_site / "en" / "calculators" / "score-file.html").as_uri())
        tool = page.locator(".pb-calc[data-file-tool]")
        tool.locator("select[name='kind']").select_option(kind)
        frames = page.locator("iframe").count()
        tool.locator("input[type='file']").set_input_files(str(source))
        expect(tool).to_have_attribute("data-state", "done", timeout=60000)
        assert tool.get_attribute("data-mode") == "worker"
        assert page.locator("iframe").count() == frames  # no iframe stand-in started for it
        expect(tool.locator(".pb-file__failures tbody tr")).to_have_count(ROWS // 1000)
        with page.expect_download() as info:
            tool.locator(".pb-file__download").click()
        assert Path(info.value.path()).read_bytes() == out.read_bytes()
        assert all(url.startswith(("file://", "data:", "blob:")) for url in requests), requests
    finally:
        context.close()
