"""What the Python side and the browser calculators share is written once or tested equal: the scripts a page,
the file worker and the vector test load (playbook/calculators/scripts.py), and the column names a file is read
by (calculators/runners.py NAMES, copied into filescore.js)."""

import json
import re

from calculators.runners import NAMES
from calculators.registry import CALCULATORS
from playbook.calculators.scripts import FORMULAS, PAGE, PLACEHOLDER, WORKER, source, worker

from tests.conftest import ROOT

SCRIPTS = ROOT / "docs" / "assets" / "javascripts" / "calculators"


def js(name: str) -> str:
    return source(name).read_text(encoding="utf-8")


def test_every_listed_script_exists_and_every_script_is_listed():
    listed = set(PAGE) | set(WORKER) | {"worker.js"}
    shared = {p.name for p in SCRIPTS.glob("*.js")}
    assert sorted(shared | {f"{name}.js" for name in CALCULATORS}) == sorted(listed)
    assert [name for name in listed if not source(name).is_file()] == []
    assert shared.isdisjoint(f"{name}.js" for name in CALCULATORS)  # a formula is kept in its folder only


def test_the_worker_imports_exactly_the_listed_scripts_in_order():
    call = re.search(r"^importScripts\(([^)]*)\)", worker(), re.MULTILINE)
    assert tuple(re.findall(r'"([^"]+)"', call.group(1))) == WORKER
    # the build writes the list in: worker.js itself names no script
    assert PLACEHOLDER in js("worker.js") and not re.search(r'"[\w-]+\.js"', js("worker.js"))


def test_the_page_loads_the_formulas_first():
    assert PAGE[:len(FORMULAS)] == FORMULAS and set(WORKER) - {"csv.js", "xlsx.js", "filewrite.js", "filescore.js"} <= set(FORMULAS)


def js_names() -> dict:
    """filescore.js's NAMES object, read as JSON (its keys are bare words)."""
    body = re.search(r"var NAMES = (\{.*?\});", js("filescore.js"), re.DOTALL).group(1)
    return json.loads(re.sub(r"^(\s*)(\w+):", r'\1"\2":', body, flags=re.MULTILINE))


def test_the_browser_reads_columns_by_the_names_python_does():
    browser = js_names()
    assert browser == {field: NAMES[field] for field in browser}
    # only the customer-lifetime-value file run is not in the browser (python -m calculators clv)
    assert set(NAMES) - set(browser) == {"purchases_per_period", "average_amount", "periods", "margin",
                                         "retention_cost", "referral_value"}
