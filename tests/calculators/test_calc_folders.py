"""A calculator is one folder, calculators/<name>/, and one line in calculators.registry: every registered name
has every part, every folder with a formula is registered, and no other module lists the calculators by hand."""

import ast
import json
import shutil
import subprocess
import sys

import pytest

from calculators.registry import CALCULATORS, HERE, folder, part
from tests.conftest import ROOT

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
    done = subprocess.run(["node", "-e", PRESENTERS], input=json.dumps([str(scripts.source("core.js")), scripts.results()]),
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [name for name in CALCULATORS if name in shown]


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


# A tiny calculator: its folder's parts and its settings file, as a contributor writes them
DOUBLE = {
    "calculators/double/__init__.py": '"""Twice x, times the factor of its settings."""\n\n'
                                      "from ..data import settings\n\n\n"
                                      "def calculate(inputs: dict) -> dict:\n"
                                      '    return {"twice": 2 * float(inputs["x"]) * settings("double").value("factor")}\n',
    "calculators/double/cli.py": 'COMMANDS = {"double": "twice a number"}\n\n\n'
                                 "def options(p, command):\n"
                                 '    p.add_argument("--x", required=True)\n'
                                 '    p.add_argument("--json", action="store_true")\n\n\n'
                                 "def inputs(args):\n"
                                 '    return {"x": args.x}\n',
    "calculators/double/workbook.py": "def write(book, rows, inputs=None):\n    pass\n",
    "calculators/double/formula.js": "(function (root) {\n  root.PlaybookCalc.calculators.double = function (a) {\n"
                                     "    return { twice: 2 * a.x };\n  };\n})(globalThis);\n",
    "calculators/double/vectors.json": '{"calculator": "double", "cases": []}\n',
    "playbook_data/calculators/double.yml": "id: calculator.double\ncalculator: double\n"
                                            "title: {zh: 两倍, en: Twice}\nsources: [practice]\ncovers: [cmp.stats]\n"
                                            "parameters:\n  factor: {value: 1, title: {zh: 系数, en: Factor}, "
                                            "sources: [practice]}\n",
}
# What the project makes of it, printed by a run in the copy
SHOWN = ("import sys; from calculators import cli, workbooks; from playbook.calculators import scripts, widgets; "
         "cli.main(['double', '--x', '21']); "
         "print(workbooks.names()[-1], scripts.PAGE[len(scripts.FORMULAS) - 1], scripts.source('double.js'), "
         "'double' in widgets.SETTINGS, list(cli.build_parser()._actions[1].choices)[-2:])")


def test_a_new_calculator_is_one_folder_and_one_line(tmp_path):
    project = tmp_path / "project"
    for name in ("calculators", "playbook", "playbook_data"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for path, text in DOUBLE.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    registry = project / "calculators" / "registry.py"
    registry.write_text(registry.read_text(encoding="utf-8").replace('    "complaint-cost",\n',
                                                                      '    "complaint-cost",\n    "double",\n'))
    done = subprocess.run([sys.executable, "-c", SHOWN], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "twice: 42",
        f"double double.js {project / 'calculators' / 'double' / 'formula.js'} True ['double', 'workbook']"]


def test_the_file_page_offers_the_kinds_of_each_folder_in_the_registrys_order(book):
    from calculators.data import scorecard_names
    from playbook.calculators.widgets import file_kinds

    kinds = file_kinds("en", {key: text["en"] for key, text in book.strings.items()})
    assert [value for value, _ in kinds] == [*(f"score:{n}" for n in scorecard_names()), "abc", "rfm", "nps", "pipeline"]
    assert ("nps", "Net Promoter Score (NPS)") in kinds and ("abc", "ABC (Pareto) classification") in kinds
