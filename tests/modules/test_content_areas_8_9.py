"""Content of areas 8-9 (channels, team, management; measurement and tools): coverage, sheets, self-checks."""

import re
from pathlib import Path

import pytest

from playbook.upkeep.coverage import pages_in_both_languages
from tests.modules.test_modules import area_topics, modules_covering

ROOT = Path(__file__).resolve().parents[2]
AREAS = ("management", "measurement")
FIVE_NUMBERS = ["customers-seen", "rejections", "repeat-visits", "close-attempts", "loyal-customers"]


def _topics(book) -> list[str]:
    return area_topics(book, AREAS)


def _fields(sheet) -> list:
    return [field for section in sheet.sections for field in section.fields]


def _modules(book) -> list:
    return modules_covering(book, _topics(book))


def test_areas_hold_the_eighteen_topics_of_the_seed_map(book):
    topics = _topics(book)
    assert len(topics) == 18, topics
    assert {t.split(".")[0] for t in topics} == {"chn", "team", "mgr", "kpi", "data", "tools", "best"}


def test_every_topic_of_areas_8_9_has_a_module_page_in_both_languages(book):
    both = pages_in_both_languages(book, ROOT)
    missing = [topic for topic in _topics(book) if not both[topic]]
    assert not missing, f"topics without a module page in zh and en: {missing}"


def test_survey_sheet_has_an_nps_field_on_0_to_10(book):
    fields = {f.id: f for f in _fields(book.get("sheet", "satisfaction-survey-form"))}
    nps = fields.get("nps")
    assert nps is not None and nps.kind == "scale", "the survey needs a scale field with id 'nps'"
    assert (nps.scale.min, nps.scale.max) == (0, 10)


def test_survey_sheet_has_csat_fields_on_1_to_5(book):
    csat = [f for f in _fields(book.get("sheet", "satisfaction-survey-form")) if f.id.startswith("csat-")]
    assert len(csat) >= 2, "the survey needs CSAT questions (field ids starting 'csat-')"
    wrong = [f.id for f in csat if f.kind != "scale" or (f.scale.min, f.scale.max) != (1, 5)]
    assert not wrong, f"CSAT fields not on a 1-5 scale: {wrong}"


def test_five_numbers_sheet_has_the_five_number_fields_in_order(book):
    first = book.get("sheet", "five-numbers").sections[0].fields
    assert [f.id for f in first] == FIVE_NUMBERS
    assert all(f.kind == "number" for f in first)


@pytest.mark.parametrize("sheet_id", ["3e-card", "weekly-call-log", "monthly-report"])
def test_management_sheets_exist_and_cover_area_8(book, sheet_id):
    sheet = book.get("sheet", sheet_id)
    assert set(sheet.covers) <= set(_topics(book))


def test_built_survey_page_offers_nps_answers_0_to_10(site):
    html = (site / "en" / "measurement" / "satisfaction-survey.html").read_text(encoding="utf-8")
    values = re.findall(r'name="satisfaction-survey-form-nps" value="(\d+)"', html)
    assert values == [str(v) for v in range(11)]
