"""Every case of every tests/vectors/*.json file against the Python reference, by the rules of
tests/vectors/README.md; and every worked example the site shows runs without error."""

import json
import math
from pathlib import Path

import pytest

from calculators import CALCULATORS, InputError, run
from calculators.registry import folder
from calculators.cells import header_position, is_total_row, parse_date, safe_cell
from calculators.data import SETTINGS, settings
from calculators.errors import number

VECTORS = Path(__file__).parent.parent / "vectors"
FILES = [folder(name) / "vectors.json" for name in CALCULATORS]
CELL_FILES = sorted((VECTORS / "cells").glob("*.json"))
# How the cases of tests/vectors/cells/ call the reference (the browser's runner calls PB.cells alike).
CELL_FUNCTIONS = {
    "number": lambda i: number(i["value"], "value", percent=i.get("percent", False), minimum=i.get("minimum")),
    "date": lambda i: parse_date(i["value"], "date", i.get("date_format")).isoformat(),
    "total-row": lambda i: is_total_row(i["cells"]),
    "safe-cell": lambda i: safe_cell(i["value"]),
    "header-position": lambda i: header_position(i["rows"]),
}


def _cases():
    for path in FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["calculator"], case, id=f"{data['calculator']}: {case['name']}")


def matches(actual, expected, tolerance, where="output") -> list[str]:
    """Differences between `actual` and the partial `expected`, as the README defines a match."""
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return [] if actual == expected and type(actual) is type(expected) else [f"{where}: {actual!r} != {expected!r}"]
    if isinstance(expected, (int, float)):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return [f"{where}: {actual!r} is not a number"]
        limit = tolerance if tolerance is not None else 1e-9 * max(1.0, abs(expected))
        return [] if math.isfinite(actual) and abs(actual - expected) <= limit else [f"{where}: {actual!r} != {expected!r}"]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: {actual!r} is not a list of {len(expected)}"]
        return [d for i, (a, e) in enumerate(zip(actual, expected)) for d in matches(a, e, tolerance, f"{where}[{i}]")]
    if not isinstance(actual, dict):
        return [f"{where}: {actual!r} is not a mapping"]
    return [d for k, e in expected.items()
            for d in (matches(actual[k], e, tolerance, f"{where}.{k}") if k in actual else [f"{where}.{k} is missing"])]


def test_every_calculator_has_a_vector_file():
    assert [p for p in FILES if not p.is_file()] == []


def test_vector_files_are_well_formed():
    for path in FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert folder(data["calculator"]) == path.parent, path
        names = [c["name"] for c in data["cases"]]
        assert len(names) == len(set(names)), f"{path}: two cases share a name"
        for case in data["cases"]:
            assert ("output" in case) != ("error" in case), f"{path}: {case['name']}"
            assert set(case) <= {"name", "source", "input", "output", "error", "tolerance"}, case["name"]


@pytest.mark.parametrize("calculator,case", list(_cases()))
def test_vector(calculator, case):
    if "error" in case:
        with pytest.raises(InputError) as raised:
            run(calculator, case["input"])
        assert case["error"] in str(raised.value)
    else:
        problems = matches(run(calculator, case["input"]), case["output"], case.get("tolerance"))
        assert not problems, "\n".join(problems)


def _cell_cases():
    for path in CELL_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["function"] == path.stem, path
        for case in data["cases"]:
            yield pytest.param(data["function"], case, id=f"cells/{path.stem}: {case['name']}")


def test_every_cell_function_has_a_vector_file():
    assert sorted(p.stem for p in CELL_FILES) == sorted(CELL_FUNCTIONS)


@pytest.mark.parametrize("function,case", list(_cell_cases()))
def test_cell_vector(function, case):
    if "error" in case:
        with pytest.raises(InputError) as raised:
            CELL_FUNCTIONS[function](case["input"])
        assert case["error"] in str(raised.value)
    else:
        problems = matches(CELL_FUNCTIONS[function](case["input"]), case["output"], case.get("tolerance"))
        assert not problems, "\n".join(problems)


def test_the_matcher_rejects_a_wrong_value():
    assert matches({"a": 1.0, "b": [1, 2]}, {"a": 1.0 + 1e-6}, None)
    assert matches({"a": [1, 2]}, {"a": [1]}, None)
    assert matches({"a": "x"}, {"b": "x"}, None)
    assert not matches({"a": 1.0 + 1e-12, "b": 3}, {"a": 1}, None)


@pytest.mark.parametrize("name", sorted(p.stem for p in SETTINGS.glob("*.yml")))
def test_every_worked_example_runs(name):
    examples = settings(name).examples
    assert examples, f"playbook_data/calculators/{name}.yml has no worked example for its page"
    for example in examples:
        assert run(example.calculator, example.input)
