"""The calculators' YAML and their place in the site: validation with file:line, no MkDocs import,
and worked examples on pages that the Python reference computes."""

import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from calculators import run
from calculators.data import load_scorecard, scorecard_names, settings
from playbook.calculators.examples import worked_example
from playbook.core.page import MacroError
from playbook.core.book import load
from playbook.core.problems import DataError

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs" / "calculators").glob("*.md"))
CALL = re.compile(r'worked_example\("([^"]+)", "([^"]+)"\)')


def test_the_four_scorecards_exist():
    assert {"customer-value", "lead", "dealer", "key-account"} <= set(scorecard_names())


def test_the_formulas_and_the_command_line_import_no_mkdocs():
    # Every calculator's formula and sub-commands, and a run that reads its settings: of the site's code only the
    # reader and the problems (playbook/core/reading.py), no MkDocs, no macros
    code = ("import sys, calculators.cli as cli, calculators.runners, calculators.registry as r; "
            "[(r.part(n), r.part(n, 'cli')) for n in r.CALCULATORS]; "
            "cli.main(['complaint-cost', '--complaints', '10', '--customer-value', '5000']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('mkdocs', 'material', 'mkdocs_macros', 'jinja2', 'pandas', 'playbook')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == str(["playbook", "playbook.core", "playbook.core.problems",
                                                "playbook.core.reading", "playbook.core.yaml_source"])


def test_the_command_line_says_a_bad_settings_file_as_the_build_does(project_copy):
    # The same fixture is read by the site's loader in tests/core/test_bad_input.py, with the same lines
    case = ROOT / "tests" / "calculators" / "bad" / "settings-read-by-the-command-line"
    shutil.copytree(case / "playbook_data", project_copy / "playbook_data", dirs_exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "calculators", "complaint-cost", "--complaints", "10",
                           "--customer-value", "5000"], cwd=project_copy, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "4 problems in playbook_data/:\n" + (case / "expected.txt").read_text(encoding="utf-8")


def test_a_bad_key_in_a_scorecard_is_reported_with_file_and_line(data_copy):
    card = data_copy / "playbook_data" / "scorecards" / "dealer.yml"
    lines = card.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip() == "weight: 1")
    lines[number] = lines[number].replace("weight", "wieght")
    card.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(data_copy)
    assert f"playbook_data/scorecards/dealer.yml:{number + 1}: unknown key 'wieght'" in str(raised.value)


def test_a_probability_above_1_is_reported_in_the_pipeline_file(data_copy):
    path = data_copy / "playbook_data" / "calculators" / "pipeline.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("probability: 0.75", "probability: 7.5"),
                    encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(data_copy)
    assert "playbook_data/calculators/pipeline.yml:" in str(raised.value)
    assert "the chance of winning from this stage, 0 to 1" in str(raised.value)


def test_a_chinese_name_in_an_example_needs_an_english_name(data_copy):
    path = data_copy / "playbook_data" / "calculators" / "rfm.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("东升五金: Dongsheng Hardware, ", ""), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(data_copy)
    assert "playbook_data/calculators/rfm.yml:" in str(raised.value)
    assert "names without an English name: 东升五金; expected each in names_en" in str(raised.value)


def test_english_pages_show_the_examples_with_english_names_and_the_same_numbers():
    for file, example_id in [("rfm", "five-customers"), ("pipeline", "two-salespeople")]:
        example = next(e for e in settings(file).examples if e.id == example_id)
        zh, en = run(example.calculator, example.input_in("zh")), run(example.calculator, example.input_in("en"))
        assert example.input_in("zh") == example.input
        assert not re.search(r"[\u4e00-\u9fff]", str(example.input_in("en")))
        numbers = re.compile(r"-?\d+(?:\.\d+)?")
        assert sorted(numbers.findall(str(zh))) == sorted(numbers.findall(str(en)))  # rows may sort by name


def test_complaint_defaults_are_the_seed_figures():
    figures = {k: p.value for k, p in settings("complaint-cost").parameters.items()}
    assert figures == {"silent_share": 0.96, "repurchase_low": 0.54, "repurchase_high": 0.70,
                       "repurchase_handled_well": 0.95, "tell_unhappy": 11, "tell_far_share": 0.13,
                       "tell_far": 20, "tell_handled_well": 5, "tell_satisfied": 3}
    assert all(p.sources == ["002"] for p in settings("complaint-cost").parameters.values())


def test_every_calculator_page_exists_in_both_languages():
    names = {p.name.removesuffix(".en.md").removesuffix(".md") for p in PAGES}
    for name in names:
        assert (ROOT / "docs" / "calculators" / f"{name}.md").is_file()
        assert (ROOT / "docs" / "calculators" / f"{name}.en.md").is_file()


def test_every_worked_example_on_a_page_exists_and_both_languages_show_the_same():
    for page in PAGES:
        calls = CALL.findall(page.read_text(encoding="utf-8"))
        twin = page.with_name(page.name.replace(".en.md", ".md")) if page.name.endswith(".en.md") else None
        if twin:
            assert calls == CALL.findall(twin.read_text(encoding="utf-8")), page.name
        for file, example in calls:
            assert example in [e.id for e in settings(file).examples], f"{page.name}: {file}/{example}"


def _macros(lang: str):
    file = SimpleNamespace(locale=lang, src_uri="calculators/x.md")
    return SimpleNamespace(env=SimpleNamespace(page=SimpleNamespace(file=file, meta={})))


def test_a_worked_example_shows_what_the_reference_computes():
    example = next(e for e in settings("clv").examples if e.id == "seed-form")
    expected = run("clv", example.input)["clv"]
    text = worked_example(_macros("zh"), "clv", "seed-form")
    assert f"| 客户终身价值 | {expected:,.0f} |" in text
    assert "| Lifetime value | 62,500 |" in worked_example(_macros("en"), "clv", "seed-form")


def test_a_worked_example_labels_tiers_and_segments_in_the_page_language():
    assert "| 等级 | 中价值 |" in worked_example(_macros("zh"), "scorecard", "one-customer")
    assert "| Tier | Middle value |" in worked_example(_macros("en"), "scorecard", "one-customer")
    assert "At risk" in worked_example(_macros("en"), "rfm", "five-customers")


def test_an_unknown_example_stops_the_build_naming_the_page():
    with pytest.raises(MacroError) as raised:
        worked_example(_macros("zh"), "clv", "no-such-example")
    assert "docs/calculators/x.md: unknown example 'no-such-example' in clv.yml" in str(raised.value)



def test_a_changed_data_file_makes_the_calculators_read_their_yaml_again(data_copy):
    # `mkdocs serve` keeps one process: an edited scorecard or setting must show on the next rebuild
    from calculators.data import _read_settings
    from playbook.core.loading import playbook_for

    playbook_for(data_copy)
    settings("clv")
    assert _read_settings.cache_info().currsize > 0
    playbook_for(data_copy)  # nothing changed: nothing forgotten
    assert _read_settings.cache_info().currsize > 0
    changed = data_copy / "playbook_data" / "calculators" / "clv.yml"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    playbook_for(data_copy)
    assert _read_settings.cache_info().currsize == 0


def test_the_site_hands_the_calculators_the_models_it_validated():
    # One loader: after the site loads the playbook, calculators/ computes with those very models
    from playbook.core.loading import playbook_for
    book = playbook_for(ROOT)
    assert settings("clv") is book.files["calculators/clv.yml"]
    assert load_scorecard("dealer") is book.files["scorecards/dealer.yml"]
    assert scorecard_names() == sorted(Path(n).stem for n in book.files if n.startswith("scorecards/"))


def test_each_calculators_strings_reach_the_site_and_the_workbooks_through_the_one_loader(book):
    # A calculator's own words are in its folder (calculators/<name>/strings.yml), with playbook_data/strings.yml's
    from calculators.data import ui_strings, use_loaded
    from playbook.core.loading import calculator_models, playbook_for

    assert book.strings["calc-r-clv"].en == "Lifetime value" and book.strings["wb-sheet-deals"].zh
    assert "calc-r-clv" not in (ROOT / "playbook_data" / "strings.yml").read_text(encoding="utf-8")
    site = playbook_for(ROOT)
    strings = {key: {"zh": text.zh, "en": text.en} for key, text in dict.items(site.strings)}
    assert ui_strings() == strings  # handed over by the site's loader
    use_loaded({})  # the command line: read by the same reader, to the same strings
    try:
        assert ui_strings() == strings
    finally:
        use_loaded(calculator_models(site))


def test_a_calculators_strings_file_is_checked_as_strings_yml_is(tmp_path):
    from playbook.core.ui_strings import add_strings

    files = {"double": "strings:\n  calc-t-double: {zh: 两倍, en: Twice}\n",
             "triple": "strings:\n  calc-t-double: {zh: 两倍, en: Twice}\n  objectives: {zh: 目标, en: Goals}\n",
             "half": "strings:\n  calc-t-half: {zh: 一半, en: Half}\n  calc-r-half: {zh: 一半}\n"}
    for name, text in files.items():
        (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    strings = {"objectives": {"zh": "学习目标", "en": "Objectives"}}
    problems = add_strings(strings, "playbook_data/strings.yml",
                           [(f"calculators/{name}/strings.yml", tmp_path / f"{name}.yml") for name in files])
    assert [str(p) for p in sorted(problems)] == [
        "calculators/half/strings.yml:3: strings.calc-r-half.en is missing; expected the English text",
        "calculators/triple/strings.yml:2: UI string 'calc-t-double' is kept twice (also in "
        "calculators/double/strings.yml); expected it in one file",
        "calculators/triple/strings.yml:3: UI string 'objectives' is kept twice (also in playbook_data/strings.yml); "
        "expected it in one file"]
    assert list(strings) == ["objectives", "calc-t-double"]


def test_a_broken_calculator_strings_file_stops_a_workbook_as_it_stops_the_build(project_copy, tmp_path):
    strings = project_copy / "calculators" / "clv" / "strings.yml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  calc-r-clv:"))
    lines[at] = "  calc-r-clv: {zh: 客户终身价值}\n"
    strings.write_text("".join(lines), encoding="utf-8")
    expected = f"calculators/clv/strings.yml:{at + 1}: strings.calc-r-clv.en is missing; expected the English text"
    done = subprocess.run([sys.executable, "-m", "calculators", "workbook", "clv", "-o", str(tmp_path / "clv.xlsx")],
                          cwd=project_copy, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (2, f"1 problem in calculators/:\n{expected}\n")
    with pytest.raises(DataError) as raised:
        load(project_copy)
    assert [str(p) for p in raised.value.problems] == [expected]
