"""The course composer in the real browser at phone size, as a trainer uses it: compose a two-block course, see
its clock times, download the file and have `python -m playbook check` accept it; bad input said beside its field
in the page's language; the draft kept in the browser and a foreign one set aside; the agenda printed alone."""

import json
import subprocess
import sys

import pytest

from playbook.composer.composer import catalogue

from tests.conftest import ROOT
from tests.site.test_accessibility import AXE, failures
from tests.printables.printed import pdf_pages, squash

pytestmark = pytest.mark.browser

KEY_EN, KEY_ZH = "pb:composer:en", "pb:composer:zh"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def add(phone, pick: str, **filters):
    """Filter the catalogue, then press the Add button of the item `pick` (kind:id); it must be listed."""
    for name, value in filters.items():
        phone.locator(f"select[name=filter-{name}]").select_option(value)
    phone.locator(f".pb-composer__catalogue li[data-pick='{pick}'] button").click()


def clocks(phone) -> list[str]:
    return phone.locator(".pb-composer__clock").all_inner_texts()


def compose_two_blocks(phone, base: str):
    phone.goto(base + "en/courses/composer.html")
    phone.fill("input[name=id]", "phone-basics")
    for name, text in (("title.zh", "电话开发入门"), ("title.en", "Phone prospecting basics"),
                       ("summary.zh", "半天学会打陌生电话。"),
                       ("summary.en", "Half a day to learn the cold call.")):
        phone.fill(f"input[name='{name}']", text)
    phone.get_by_role("checkbox", name="New salesperson").check()
    add(phone, "module:smart-goals", stage="plan")
    add(phone, "talktrack:talk.cold-call", stage="prospect", tag="development", role="new-salesperson")
    phone.locator("[data-bind=minutes][data-block='0']").fill("30")


def test_a_trainer_composes_a_course_downloads_it_and_the_checker_accepts_it(phone, server, project_copy):
    compose_two_blocks(phone, server)
    assert clocks(phone) == ["09:00–09:30", "09:30–09:42"]
    rows = phone.locator(".pb-composer__table tbody tr")
    assert rows.nth(1).inner_text().split("\t")[:2] == ["09:30–09:42", "12"]
    phone.locator("[data-bind=start][data-day='0']").fill("13:30")
    assert clocks(phone) == ["13:30–14:00", "14:00–14:12"]
    assert phone.locator(".pb-composer__problems").inner_text().startswith("All checks pass")
    assert phone.locator(".pb-composer__handouts").inner_text() == "Role-play card: Opening a cold call"
    with phone.expect_download() as info:
        phone.get_by_role("button", name="Download the course file (YAML)").click()
    download = info.value
    assert download.suggested_filename == "phone-basics.yml"
    target = project_copy / "playbook_data" / "courses" / "phone-basics.yml"
    download.save_as(target)
    run = subprocess.run([sys.executable, "-m", "playbook", "check", "--root", str(project_copy)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "start: \"13:30\"" in target.read_text(encoding="utf-8")
    assert phone.errors == []


def test_the_catalogue_is_filtered_by_role_stage_and_area(phone, server, book):
    entries = catalogue(book, str(ROOT / "docs"))
    phone.goto(server + "en/courses/composer.html")
    shown = phone.locator(".pb-composer__catalogue li")
    assert shown.count() == len(entries)
    choices = {"role": "service-staff", "stage": "serve", "tag": "complaints"}
    for name, value in choices.items():
        phone.locator(f"select[name=filter-{name}]").select_option(value)
    expected = {f"{e['pick']}:{e['id']}" for e in entries if choices["role"] in e["roles"]
                and e["stage"] == choices["stage"] and e["tag"] == choices["tag"]}
    assert expected and {li.get_attribute("data-pick") for li in shown.all()} == expected
    assert phone.locator(".pb-composer__shown").inner_text() == f"{len(expected)} to choose from"


def test_bad_input_is_said_beside_its_field_in_the_pages_language(phone, server):
    phone.goto(server + "courses/composer.html")
    add(phone, "module:smart-goals")
    minutes = phone.locator("[data-bind=minutes][data-block='0']")
    minutes.fill("-5")
    field = phone.locator(".pb-composer__field", has=minutes)
    assert field.locator(".pb-composer__error").inner_text() == "时长要填 1 到 480 之间的整数分钟。"
    assert minutes.get_attribute("aria-invalid") == "true"
    assert phone.get_by_role("button", name="下载课程文件（YAML）").is_disabled()
    minutes.fill("120")
    phone.locator("[data-bind=end][data-day='0']").fill("10:30")
    said = field.locator(".pb-composer__error").inner_text()
    assert said == "这一段到 11:00 才结束，超过了当天的结束时间 10:30。"
    # A draft naming something the playbook no longer has
    draft = json.loads(phone.evaluate("key => localStorage.getItem(key)", KEY_ZH))
    draft["days"][0]["blocks"][0]["modules"] = ["no-such-module"]
    draft["days"][0]["end"] = "17:30"
    phone.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY_ZH, json.dumps(draft)])
    phone.reload()
    block = phone.locator(".pb-composer__block").first
    said = block.locator(".pb-composer__error").all_inner_texts()
    assert "手册里没有模块“no-such-module”，请删掉这一段重新挑选。" in said
    assert phone.errors == []


def test_the_draft_stays_and_a_foreign_one_is_set_aside(phone, server):
    compose_two_blocks(phone, server)
    phone.reload()
    assert phone.locator("input[name=id]").input_value() == "phone-basics"
    assert clocks(phone) == ["09:00–09:30", "09:30–09:42"]
    for foreign in ('{"id": 3}', "[1, 2]", '{"id": "x", "days": [{"blocks": [', "null"):
        phone.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY_EN, foreign])
        phone.reload()
        assert phone.evaluate("key => localStorage.getItem(key + ':set-aside')", KEY_EN) == foreign
        assert phone.locator("input[name=id]").input_value() == "" and clocks(phone) == []
    phone.get_by_role("button", name="Start again").click()
    assert json.loads(phone.evaluate("key => localStorage.getItem(key)", KEY_EN))["days"][0]["blocks"] == []
    assert phone.errors == []


def test_the_agenda_and_handouts_print_alone_on_a4(phone, server, tmp_path):
    compose_two_blocks(phone, server)
    add(phone, "checklist:pre-visit", stage="", tag="", role="")
    phone.locator("[data-do=break][data-day='0']").click()
    pdf = tmp_path / "agenda.pdf"
    phone.emulate_media(media="print")
    phone.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = squash(pages[0])
    for said in ("Phone prospecting basics", "09:00–09:30", "09:42–09:57", "10:12", "Handouts to prepare",
                 "Role-play card: Opening a cold call", "Checklist:"):
        assert squash(said) in text, said
    for absent in ("Pick blocks from the playbook", "Course id", "Download the course file", "Compose a course"):
        assert squash(absent) not in text, absent


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_composer_with_blocks_and_problems_passes_axe(browser, server, lang):
    """The drawn parts (blocks, messages beside fields, agenda) too, not only the page as it loads."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(path=str(AXE))
    phone = context.new_page()
    phone.goto(server + ("en/" if lang == "en" else "") + "courses/composer.html")
    assert failures(phone) == []
    add(phone, "module:smart-goals")
    add(phone, "talktrack:talk.cold-call")
    phone.locator("[data-bind=minutes][data-block='1']").fill("-5")
    phone.fill("input[name=days]", "2")
    assert phone.locator(".pb-composer__error").count() >= 3
    assert failures(phone) == []
    context.close()
