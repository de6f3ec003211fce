"""The course composer's checks are the checker's: every case of tests/vectors/courses/composer.json is written as
YAML by the browser's code (docs/assets/javascripts/composer-check.js, run in Node), read by the Python checker
(playbook/core/book.py check_file, the path `python -m playbook check` takes) and checked by the browser's code, and
all three must agree with the case."""

import json
import subprocess

import pytest
import yaml

from playbook.__main__ import main as check
from playbook.composer.composer import ERRORS, KEYS, catalogue, check_data
from playbook.core.book import check_file
from playbook.core.yaml_source import read_yaml

from tests.conftest import ROOT

VECTORS = json.loads((ROOT / "tests" / "vectors" / "courses" / "composer.json").read_text(encoding="utf-8"))["cases"]
SCRIPTS = [ROOT / "docs" / "assets" / "javascripts" / f"composer-{name}.js" for name in ("course", "problems", "check")]
# Loads the composer's pure scripts as the page does, in its order; for each course, the YAML it downloads and its problems
RUNNER = r"""
const fs = require("fs"), vm = require("vm");
const [scripts, data, courses] = JSON.parse(fs.readFileSync(0, "utf8"));
for (const script of scripts) vm.runInThisContext(fs.readFileSync(script, "utf8"), { filename: script });
const PC = globalThis.PlaybookComposer;
const out = courses.map(c => ({ yaml: PC.toYaml(c, "composer test"), problems: PC.check(c, data) }));
process.stdout.write(JSON.stringify(out));
"""
CASES = [pytest.param(case, id=case["name"]) for case in VECTORS]


def run_js(book, courses: list) -> list:
    stdin = json.dumps([[str(s) for s in SCRIPTS], check_data(book), courses])
    run = subprocess.run(["node", "-e", RUNNER], input=stdin, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def js(book) -> dict:
    """Every vector case through the browser's code, in one Node run: name → {yaml, problems}."""
    return dict(zip((case["name"] for case in VECTORS), run_js(book, [case["course"] for case in VECTORS])))


def expected_lines(case, text: str) -> list:
    source, _ = read_yaml("x.yml", text)
    return sorted((source.line_of(tuple(p["path"])), p["message"]) for p in case["problems"])


@pytest.mark.parametrize("case", CASES)
def test_the_downloaded_file_reads_back_as_the_course(js, case):
    assert yaml.safe_load(js[case["name"]]["yaml"]) == case["course"]


@pytest.mark.parametrize("case", CASES)
def test_the_python_checker_finds_the_problems_of_the_case(book, js, case):
    text = js[case["name"]]["yaml"]
    found = check_file(book, f"courses/{case['course']['id']}.yml", text)
    assert sorted((p.line, p.message) for p in found) == expected_lines(case, text)


@pytest.mark.parametrize("case", CASES)
def test_the_browser_check_finds_the_same_problems(js, case):
    found = sorted((p["path"], p["message"]) for p in js[case["name"]]["problems"])
    assert found == sorted((p["path"], p["message"]) for p in case["problems"])


def test_the_vectors_cover_both_outcomes_and_every_timing_check():
    messages = " ".join(p["message"] for case in VECTORS for p in case["problems"])
    assert any(not case["problems"] for case in VECTORS)
    for said in ("after the session's end", "past midnight", "before it starts", "is the number -30",
                 "but duration is", "unknown module id", "unknown role-play card", "unknown handout"):
        assert said in messages, said


def test_every_problem_the_browser_reports_has_words_in_both_languages(book, js):
    codes = {p["code"] for result in js.values() for p in result["problems"]}
    assert codes and codes <= set(ERRORS), codes - set(ERRORS)
    for key in KEYS:
        assert book.strings[f"composer-{key}"].zh and book.strings[f"composer-{key}"].en


def test_every_block_the_composer_offers_passes_the_checker(book):
    entries = catalogue(book, str(ROOT / "docs"))
    assert {e["pick"] for e in entries} == {"module", "talktrack", "script", "checklist", "sheet", "quiz"}
    courses = []
    for entry in entries:
        block = {"minutes": entry["minutes"], "title": entry["title"], **entry["block"]}
        courses.append({"id": "one-block", "owner": "trainer", "review_by": "2027-11-30", "title": entry["title"],
                        "summary": entry["title"], "audience": ["trainer"], "start": "09:00",
                        "duration": entry["minutes"], "sources": entry["sources"],
                        "covers": entry["covers"],
                        "sessions": [{"title": {"zh": "第 1 天", "en": "Day 1"}, "blocks": [block]}]})
        text = yaml.safe_dump(courses[-1], allow_unicode=True)
        assert check_file(book, "courses/one-block.yml", text) == [], entry["pick"] + ":" + entry["id"]
    assert all(result["problems"] == [] for result in run_js(book, courses))


def test_the_composer_filters_by_role_stage_and_area(book):
    entries = catalogue(book, str(ROOT / "docs"))
    scripts = [e for e in entries if e["pick"] == "script"]
    assert scripts and all(e["tag"] == "complaints" and e["stage"] for e in scripts)
    assert all(e["roles"] for e in entries if e["pick"] in ("module", "talktrack", "checklist", "sheet"))


def test_a_downloaded_course_passes_make_check_in_a_copy_of_the_project(book, js, data_copy, capsys):
    """What the trainer does with the file: put it in playbook_data/courses/ and run the checker (`make check`,
    in this process; tests/core/test_bad_input.py runs its real process)."""
    courses = data_copy / "playbook_data" / "courses"
    good = next(case for case in VECTORS if case["name"].startswith("a valid two-day"))
    (courses / "phone-basics.yml").write_text(js[good["name"]]["yaml"], encoding="utf-8")
    code = check(["check", "--root", str(data_copy)])
    assert code == 0, capsys.readouterr().err
    late = next(case for case in VECTORS if case["name"] == "a block runs past the day's end")
    (courses / "phone-basics.yml").write_text(js[late["name"]]["yaml"], encoding="utf-8")
    capsys.readouterr()
    code = check(["check", "--root", str(data_copy)])
    line, message = expected_lines(late, js[late["name"]]["yaml"])[0]
    assert code == 1 and f"playbook_data/courses/phone-basics.yml:{line}: {message}" in capsys.readouterr().err
