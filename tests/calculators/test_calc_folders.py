"""A calculator is one folder, calculators/<name>/, and one line in calculators.registry: every registered name
has every part, every folder with a formula is registered, and no other module lists the calculators by hand."""

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.registry import CALCULATORS, HERE, folder, part
from tests.conftest import ROOT, copy_project, mkdocs_build

# What every calculator's folder holds (calculators/registry.py says what each part is)
PARTS = ("__init__.py", "cli.py", "formula.js", "vectors.json", "workbook.py")


@pytest.mark.parametrize("name", CALCULATORS)
def test_every_registered_calculator_has_every_part(name):
    assert [p for p in PARTS if not (folder(name) / p).is_file()] == []
    assert callable(part(name).calculate)
    workbook = part(name, "workbook")
    assert callable(getattr(workbook, "workbooks", None) or workbook.write)
    cli = part(name, "cli")
    assert cli.COMMANDS and callable(cli.options) and (callable(getattr(cli, "inputs", None))
                                                        or callable(getattr(cli, "run_file", None)))
    assert json.loads((folder(name) / "vectors.json").read_text(encoding="utf-8"))["calculator"] == name
    assert (ROOT / "playbook_data" / "calculators" / f"{name}.yml").is_file()


# The presenters the shipped results.js registers, run in Node after core.js as a page loads them
PRESENTERS = r"""
const fs = require("fs"), vm = require("vm");
const [core, results] = JSON.parse(fs.readFileSync(0, "utf8"));
vm.runInThisContext(fs.readFileSync(core, "utf8"));
vm.runInThisContext(results);
process.stdout.write(JSON.stringify(Object.keys(globalThis.PlaybookCalc.presenters)));
"""


def test_every_calculator_a_page_shows_brings_its_presenter():
    from playbook.calculators import scripts, widgets

    shown = {name for name, _ in widgets.starts().values()} | {"scorecard"}  # a scorecard's widget: widgets.py
    assert {name for name in CALCULATORS if (folder(name) / "present.js").is_file()} == shown
    done = subprocess.run(["node", "-e", PRESENTERS], input=json.dumps([str(scripts.source("core.js")), scripts.shipped("results.js")]),
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [name for name in CALCULATORS if name in shown]


# The file runners each calculator's filescore.js registers, run in Node after core.js and the shared filescore.js as
# the site loads them: {calculator: the names it adds to PB.fileRunners}
RUNNERS = r"""
const fs = require("fs"), vm = require("vm");
const [shared, parts] = JSON.parse(fs.readFileSync(0, "utf8")), added = {};
for (const file of shared) vm.runInThisContext(fs.readFileSync(file, "utf8"));
for (const [name, file] of parts) {
  const before = Object.keys(globalThis.PlaybookCalc.fileRunners);
  vm.runInThisContext(fs.readFileSync(file, "utf8"));
  added[name] = Object.keys(globalThis.PlaybookCalc.fileRunners).filter(key => !before.includes(key));
}
process.stdout.write(JSON.stringify(added));
"""


def without_runners(offered: dict, folders: dict) -> dict:
    """{calculator: the runners of the kinds it offers (`offered`) its folder's filescore.js does not register}, for
    calculators named with their folders in `folders`."""
    from playbook.calculators import scripts

    parts = [[name, str(path / "filescore.js")] for name, path in folders.items() if (path / "filescore.js").is_file()]
    done = subprocess.run(["node", "-e", RUNNERS], capture_output=True, text=True, check=True,
                          input=json.dumps([[str(scripts.source(s)) for s in ("core.js", "filescore.js")], parts]))
    added = json.loads(done.stdout)
    return {name: sorted(set(runners) - set(added.get(name, []))) for name, runners in offered.items()
            if set(runners) - set(added.get(name, []))}


def test_every_calculator_the_file_page_offers_brings_its_runner(book):
    from playbook.calculators.widgets import runner

    ui = {key: text["en"] for key, text in book.strings.items()}
    offered = {name: {runner(kind) for kind, _ in part(name, "widget").file_kinds("en", ui)} for name in CALCULATORS
               if hasattr(part(name, "widget"), "file_kinds")}
    assert offered["scorecard"] == {"score"} and offered["survey"] == {"nps"}
    assert without_runners(offered, {name: folder(name) for name in CALCULATORS}) == {}
    # and no folder brings a runner the page never asks for
    assert {name for name in CALCULATORS if (folder(name) / "filescore.js").is_file()} == set(offered)


def test_the_runner_check_finds_a_calculator_without_one(tmp_path):
    (tmp_path / "twice").mkdir()
    (tmp_path / "twice" / "filescore.js").write_text("PlaybookCalc.fileRunners.double = function* () {};\n")
    (tmp_path / "half").mkdir()
    offered = {"twice": ["twice"], "half": ["half"], "abc": ["abc"]}
    assert without_runners(offered, {"twice": tmp_path / "twice", "half": tmp_path / "half", "abc": folder("abc")}) == {
        "twice": ["twice"], "half": ["half"]}


def test_every_calculator_folder_is_registered():
    folders = sorted(p.parent.name for p in HERE.glob("*/formula.js"))
    assert folders == sorted(folder(name).name for name in CALCULATORS)


def name_lists(path) -> list[int]:
    """The lines of `path` where a list, tuple, set or mapping literal names four or more calculators (a list of
    the few a feature handles, such as the file kinds of the browser, may name three)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        items = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
        if isinstance(node, (ast.Dict, ast.List, ast.Tuple, ast.Set)) and items:
            names = {i.value for i in items if isinstance(i, ast.Constant) and i.value in CALCULATORS}
            if len(names) >= 4:
                found.append(node.lineno)
    return found


def test_only_the_registry_lists_the_calculators():
    sources = [*(ROOT / "calculators").rglob("*.py"), *(ROOT / "playbook").rglob("*.py")]
    listed = {p.relative_to(ROOT).as_posix(): name_lists(p) for p in sources if p != HERE / "registry.py"}
    assert {path: lines for path, lines in listed.items() if lines} == {}


def test_the_name_list_check_finds_a_hand_kept_list(tmp_path):
    kept = tmp_path / "kept.py"
    kept.write_text('SETTINGS = ("abc", "clv", "rfm", "survey")\nKINDS = {"abc": 1, "rfm": 2, "pipeline": 3, "clv": 4}\n'
                    'FEW = ("abc", "rfm", "pipeline")\n')
    assert name_lists(kept) == [1, 2]


# CONTRIBUTING's worked example, a tiny calculator: its folder, and the content a reader sees (its data file, its
# page in both languages), laid out as in the project
NEW = Path(__file__).parent / "new-calculator"
# What the project makes of it, printed by a run in the copy
SHOWN = ("import sys; from calculators import cli, workbooks; from playbook.calculators import scripts, widgets; "
         "from playbook.core.book import load; from pathlib import Path; "
         "cli.main(['double', '--x', '21']); "
         "print(workbooks.names()[-1], scripts.PAGE[len(scripts.FORMULAS) - 1], scripts.source('double.js'), "
         "'double' in widgets.SETTINGS, list(cli.build_parser()._actions[1].choices)[-2:]); "
         "print(load(Path('.')).strings['calc-t-double'].en, 'PB.presenters.double' in scripts.shipped('results.js'))")


def with_a_new_calculator(project: Path) -> list[str]:
    """Put the worked example into a copy of the project: its folder, its content and the one registry line;
    the places touched outside calculators/double/ (its data file, its pages, the nav)."""
    shutil.copytree(NEW, project, dirs_exist_ok=True)
    registry = project / "calculators" / "registry.py"
    registry.write_text(registry.read_text(encoding="utf-8").replace('    "complaint-cost",\n',
                                                                      '    "complaint-cost",\n    "double",\n'))
    site = project / "mkdocs.yml"
    if site.exists():
        site.write_text(site.read_text(encoding="utf-8").replace("          - calculators/complaint-cost.md\n",
                        "          - calculators/complaint-cost.md\n          - calculators/double.md\n"))
    return sorted(p.relative_to(NEW).as_posix() for p in NEW.rglob("*") if p.is_file()
                  and "calculators/double/" not in p.relative_to(NEW).as_posix())


def test_a_new_calculator_is_one_folder_and_one_line(tmp_path):
    project = tmp_path / "project"
    for name in ("calculators", "playbook", "playbook_data", "docs"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    content = with_a_new_calculator(project)
    assert content == ["docs/calculators/double.en.md", "docs/calculators/double.md",
                       "playbook_data/calculators/double.yml"]
    assert sorted(p.name for p in (project / "calculators" / "double").iterdir()) == sorted(
        (*PARTS, "present.js", "strings.yml", "widget.py"))
    done = subprocess.run([sys.executable, "-c", SHOWN], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "twice: 42",
        f"double double.js {project / 'calculators' / 'double' / 'formula.js'} True ['double', 'workbook']",
        "Twice True"]


@pytest.mark.build
@pytest.mark.browser
def test_the_new_calculator_works_on_its_page_on_a_phone(tmp_path, browser):
    # The worked example built into a site as a reader meets it: its widget computes as they type, in both languages
    project = tmp_path / "project"
    copy_project(project)
    with_a_new_calculator(project)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 390, "height": 844})
    for path, label in (("calculators/double.html", "两倍"), ("en/calculators/double.html", "Twice")):
        page.goto((project / "site" / path).as_uri())
        expect(page.locator(".pb-calc__working")).to_have_text("2 × 21 = 42")
        page.fill("input[name=x]", "5")
        expect(page.locator(".pb-calc__working")).to_have_text("2 × 5 = 10")
        expect(page.locator(".pb-calc__result")).to_contain_text(f"{label}10")
    page.close()


def test_the_file_page_offers_the_kinds_of_each_folder_in_the_registrys_order(book):
    from calculators.data import scorecard_names
    from playbook.calculators.widgets import file_kinds

    kinds = file_kinds("en", {key: text["en"] for key, text in book.strings.items()})
    assert [value for value, _ in kinds] == [*(f"score:{n}" for n in scorecard_names()), "abc", "rfm", "nps", "pipeline"]
    assert ("nps", "Net Promoter Score (NPS)") in kinds and ("abc", "ABC (Pareto) classification") in kinds


def test_the_file_page_shows_the_option_fields_of_each_folder_for_its_own_kinds(book):
    from playbook.calculators.widgets import file_fields

    fields = file_fields("en", {key: text["en"] for key, text in book.strings.items()})
    assert [(runners, [f.name for f in options]) for runners, options in fields] == [
        (["abc"], ["a", "b"]), (["rfm"], ["analysis_date", "date_format", "ties", "thresholds"]), (["pipeline"], ["stages"])]
    ties = fields[1][1][2]
    assert (ties.label, ties.choices[1]) == ("Score rule (--ties)", ("r-rfm", "As the R package rfm (r-rfm)"))
