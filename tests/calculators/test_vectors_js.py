"""Parity: every case of calculators/<name>/vectors.json and tests/vectors/cells/, run through the browser's
formulas (calculators/<name>/formula.js, docs/assets/javascripts/calculators/) in Node, must pass by the same
rule the Python reference passes (tests/vectors/README.md): numbers within the tolerance, errors containing the English text."""

import json
import math
import subprocess
from pathlib import Path

import pytest

from calculators.data import scorecard_names
from calculators.registry import CALCULATORS, folder
from playbook.calculators.scripts import FORMULAS, source
from playbook.calculators.widgets import SETTINGS, browser_data

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
FILES = [folder(name) / "vectors.json" for name in CALCULATORS]

# Loads the formula scripts into one context the way a page does, then answers every case on stdin.
RUNNER = r"""
const fs = require("fs"), vm = require("vm");
const [scripts, data] = JSON.parse(fs.readFileSync(0, "utf8"));
for (const file of scripts) vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
const PB = globalThis.PlaybookCalc, out = {};
for (const file of data.vectors) {
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const c of doc.cases) {
    try { out[doc.calculator + "/" + c.name] = { output: PB.run(doc.calculator, c.input, data.yaml) }; }
    catch (e) { out[doc.calculator + "/" + c.name] = e instanceof PB.InputError ? { error: e.message, code: e.code }
                                                                                : { crash: String(e.stack) }; }
  }
}
// tests/vectors/cells/: the same functions the Python reference's test calls
const CELLS = {
  "number": i => PB.number(i.value, "value", { percent: i.percent, minimum: i.minimum }),
  "date": i => PB.cells.iso(PB.cells.parseDate(i.value, "date", i.date_format)),
  "total-row": i => PB.cells.isTotalRow(i.cells),
  "safe-cell": i => PB.cells.safeCell(i.value),
  "header-position": i => PB.cells.headerPosition(i.rows),
};
for (const file of data.cells) {
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const c of doc.cases) {
    const key = "cells/" + doc.function + "/" + c.name;
    try { out[key] = { output: CELLS[doc.function](c.input) }; }
    catch (e) { out[key] = e instanceof PB.InputError ? { error: e.message } : { crash: String(e.stack) }; }
  }
}
process.stdout.write(JSON.stringify(out));
"""


def _cases():
    for path in FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            yield pytest.param(doc["calculator"], case, id=f"{doc['calculator']}/{case['name']}")
    for path in sorted((VECTORS / "cells").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            yield pytest.param(f"cells/{doc['function']}", case, id=f"cells/{doc['function']}/{case['name']}")


@pytest.fixture(scope="module")
def js_results() -> dict:
    """Every vector case answered by the JavaScript formulas, in one Node run."""
    data = {"vectors": [str(p) for p in FILES],
            "cells": [str(p) for p in sorted((VECTORS / "cells").glob("*.json"))],
            "yaml": browser_data(scorecard_names(), SETTINGS)}
    stdin = json.dumps([[str(source(f)) for f in FORMULAS], data])
    run = subprocess.run(["node", "-e", RUNNER], input=stdin, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def matches(actual, expected, tolerance) -> bool:
    """The README's rule: numbers within tolerance, lists item by item, objects on the expected keys."""
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return actual == expected and type(actual) is type(expected)
    if isinstance(expected, (int, float)):
        limit = tolerance if tolerance is not None else 1e-9 * max(1.0, abs(expected))
        return isinstance(actual, (int, float)) and not isinstance(actual, bool) and \
            math.isfinite(actual) and abs(actual - expected) <= limit
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and \
            all(matches(a, e, tolerance) for a, e in zip(actual, expected))
    return isinstance(actual, dict) and all(k in actual and matches(actual[k], v, tolerance)
                                            for k, v in expected.items())


@pytest.mark.parametrize("calculator,case", list(_cases()))
def test_vector_in_javascript(js_results, calculator, case):
    got = js_results[f"{calculator}/{case['name']}"]
    assert "crash" not in got, got["crash"]
    if "error" in case:
        assert "error" in got, f"expected the error {case['error']!r}, got {got.get('output')}"
        assert case["error"] in got["error"]
    else:
        assert "output" in got, f"expected a result, got the error {got.get('error')!r}"
        assert matches(got["output"], case["output"], case.get("tolerance")), \
            f"JavaScript gave {json.dumps(got['output'], ensure_ascii=False)}"


def test_matching_rule_rejects_a_wrong_number():
    assert not matches({"clv": 62500.1}, {"clv": 62500}, None)
    assert matches({"clv": 62500 + 1e-6}, {"clv": 62500}, None)
    assert not matches({"points": [1, 2]}, {"points": [1, 2, 3]}, None)
