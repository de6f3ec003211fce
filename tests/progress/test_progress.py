"""My progress and the completion slip: a learner reads a module on a phone, sees it on the progress page and
marked in the navigation, exports a slip (file and QR text), and the trainer's roster command merges slips,
refusing malformed or foreign ones with a clear message."""

import base64
import json
import subprocess
import sys
import zlib

import openpyxl
import pytest

from playbook.progress import roster
from playbook.progress.progress import read_slip

from tests.conftest import ROOT


def slip(**changes) -> dict:
    return {"slip": "sales-playbook", "version": 1, "name": "李明", "lang": "zh", "made": "2026-11-30",
            "modules": ["smart-goals"], "checklists": [], "sheets": [], "quizzes": [], "cards": 12, **changes}


def packed(data: dict) -> str:
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflate.compress(json.dumps(data).encode()) + deflate.flush()
    return "PBS1:" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_a_slip_reads_as_json_and_as_qr_text(book):
    assert read_slip("a.json", json.dumps(slip()), book).modules == ["smart-goals"]
    assert read_slip("a.txt", packed(slip()), book).cards == 12


@pytest.mark.parametrize(("text", "message"), [
    ("not a slip", "a.json: is not a completion slip (Expecting value: line 1 column 1 (char 0)); expected the "
                   ".json file or the PBS1: text that the 'my progress' page exports"),
    (json.dumps(slip(version=2)), "a.json: is not a completion slip (version: Input should be 1); expected the "
                                  ".json file or the PBS1: text that the 'my progress' page exports"),
    (json.dumps(slip(cards=-1)), "a.json: is not a completion slip (cards: Input should be greater than or equal "
                                 "to 0); expected the .json file or the PBS1: text that the 'my progress' page exports"),
    (json.dumps(slip(modules=["no-such-module"])), "a.json: module 'no-such-module' is not in this playbook; "
                                                   "expected a slip made from this site"),
    (json.dumps(slip(extra=1)), "a.json: is not a completion slip (extra: Extra inputs are not permitted); "
                                "expected the .json file or the PBS1: text that the 'my progress' page exports"),
    ("x" * 70_000, "a.json: is 70000 characters; expected a slip of a few kilobytes"),
    (json.dumps(slip(self_checks=[{"id": "smart-goals-quiz", "right": 4, "total": 3}])),
     "a.json: is not a completion slip (self_checks.0: Value error, 4 right of 3 marked; expected at most 3); "
     "expected the .json file or the PBS1: text that the 'my progress' page exports"),
    (json.dumps(slip(self_checks=[{"id": "smart-goals-quiz", "right": 1, "total": 9}])),
     "a.json: self-check 'smart-goals-quiz' has 9 questions marked; expected at most its 3"),
    (json.dumps(slip(self_checks=[{"id": "no-such-quiz", "right": 1, "total": 1}])),
     "a.json: quiz 'no-such-quiz' is not in this playbook; expected a slip made from this site"),
])
def test_a_malformed_slip_is_refused_with_its_reason(book, text, message):
    with pytest.raises(ValueError) as error:
        read_slip("a.json", text, book)
    assert str(error.value) == message


def test_roster_merges_good_slips_and_names_the_bad(tmp_path, capsys):
    # roster's main() in this process; the browser test below runs the real `python -m playbook.progress.roster`
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(slip(name="=HYPERLINK(\"http://x\",\"y\")")), encoding="utf-8")
    bad.write_text("{", encoding="utf-8")
    code = roster.main([str(good), str(bad), "-o", str(tmp_path / "r.xlsx"), "--root", str(ROOT)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}: is not a completion slip" in err
    assert "1 slips merged" in err and "1 left out" in err and "not proof" in err
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["roster"]
    name = sheet["A2"]
    assert name.value == "'=HYPERLINK(\"http://x\",\"y\")" and name.data_type == "s"
    assert sheet["C2"].value == 1 and sheet["G2"].value == 12


def test_the_shipped_qr_library_is_the_npm_package():
    vendored = ROOT / "docs/assets/javascripts/vendor/qrcode-generator.js"
    assert vendored.read_bytes() == (ROOT / "node_modules/qrcode-generator/dist/qrcode.js").read_bytes()


@pytest.mark.browser
def test_english_pages_keep_their_own_progress(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "en/planning/smart-goals.html")
    page.locator(".pb-keypoints").scroll_into_view_if_needed()
    page.wait_for_function("localStorage.getItem('pb-read:en') !== null")
    page.goto(server + "en/progress.html")
    done = page.locator(".pb-progress__modules .pb-progress__done")
    assert done.count() == 1 and "SMART" in done.inner_text()
    done.get_by_role("link").click()
    page.wait_for_url("**/en/planning/smart-goals.html")
    page.wait_for_selector(".md-nav__link.pb-read[href$='smart-goals.html']", state="attached")
    context.close()


@pytest.mark.browser
def test_read_a_module_then_export_a_slip_the_roster_accepts(browser, server, tmp_path, book):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(server + "planning/smart-goals.html")
    page.locator(".pb-keypoints").scroll_into_view_if_needed()
    page.wait_for_function("localStorage.getItem('pb-read:zh') !== null")
    questions = page.locator(".pb-quiz details[data-question]")
    for question in questions.all():  # the self-check: open each answer, mark it known
        question.locator("summary").click()
        question.get_by_role("button", name="我答对了").click()
    assert page.locator(".pb-quiz__score").inner_text() == f"已标记 {questions.count()} / {questions.count()} 题，" \
                                                          f"答对 {questions.count()} 题"
    page.goto(server + "progress.html")
    done = page.locator(".pb-progress__modules .pb-progress__done")
    assert done.count() == 1 and "SMART" in done.inner_text()
    checks = len(book.of_kind("quiz"))
    assert page.locator("[data-part=checks]").inner_text() == f"全部答对的课后自测 1 / {checks}"
    assert page.locator(".pb-progress__checks .pb-progress__done").inner_text().startswith("SMART")
    page.wait_for_selector(".md-nav__link.pb-read[href$='planning/smart-goals.html']", state="attached")
    page.get_by_role("button", name="导出完成单").click()
    assert page.get_by_role("alert").is_visible(), "a slip needs a name"
    page.get_by_label("你的姓名（写在完成单上）").fill("李明")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出完成单").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    page.wait_for_selector(".pb-progress__qr svg")
    qr_text = page.locator(".pb-progress__qr").get_attribute("data-payload")
    context.close()
    from_file = read_slip(str(target), target.read_text(encoding="utf-8"), book)
    assert from_file.name == "李明" and from_file.modules == ["smart-goals"]
    assert [(q.id, q.right, q.total) for q in from_file.self_checks] == [("smart-goals-quiz", 3, 3)]
    assert read_slip("qr", qr_text, book) == from_file
    run = subprocess.run([sys.executable, "-m", "playbook.progress.roster", str(target), "-o", str(tmp_path / "r.xlsx"),
                          "--root", str(ROOT)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    summary = openpyxl.load_workbook(tmp_path / "r.xlsx")["roster"]
    assert summary["H1"].value == "self-checks passed" and summary["H2"].value == 1


@pytest.mark.browser
@pytest.mark.parametrize("foreign", ['{"planning/smart-goals.html": 1', '["a"]', '{"x": 5}'])
def test_a_progress_store_this_site_did_not_write_is_set_aside(browser, server, foreign):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "progress.html")
    page.evaluate("v => localStorage.setItem('pb-read:zh', v)", foreign)
    page.reload()
    assert page.locator(".pb-progress__modules .pb-progress__done").count() == 0
    assert page.locator(".pb-progress__modules li").count() > 10, "the page still lists every module"
    assert page.evaluate("localStorage.getItem('pb-read:zh:set-aside')") == foreign
    assert page.evaluate("localStorage.getItem('pb-read:zh')") is None
    context.close()


@pytest.mark.browser
def test_a_module_read_and_a_slip_made_before_eight_in_beijing_keep_that_day(browser, server, tmp_path):
    """At 07:30 in Beijing it is still yesterday in UTC: the module's read mark, the slip and the composer's
    review date (a year on) keep the reader's own day."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True,
                                  timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.clock.install(time="2026-12-02T07:30:00+08:00")
    page.goto(server + "en/planning/smart-goals.html")
    page.locator(".pb-keypoints").scroll_into_view_if_needed()
    page.wait_for_function("localStorage.getItem('pb-read:en') !== null")
    assert json.loads(page.evaluate("localStorage.getItem('pb-read:en')")) == {"planning/smart-goals.html": "2026-12-02"}
    page.goto(server + "en/progress.html")
    page.locator(".pb-progress__name").fill("Li Ming")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my completion slip").click()
    assert download.value.suggested_filename == "slip-2026-12-02.json"
    page.goto(server + "en/courses/composer.html")
    assert page.locator("input[name=review_by]").input_value() == "2027-12-02"
    context.close()
