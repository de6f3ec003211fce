"""A calculator is one folder, calculators/<name>/, and one line in calculators.registry: every registered name
has every part, and every folder with a formula is registered."""

import json

import pytest

from calculators.registry import CALCULATORS, HERE, folder, part
from tests.conftest import ROOT

# What every calculator's folder holds (calculators/registry.py says what each part is)
PARTS = ("__init__.py", "formula.js", "vectors.json", "workbook.py")


@pytest.mark.parametrize("name", CALCULATORS)
def test_every_registered_calculator_has_every_part(name):
    assert [p for p in PARTS if not (folder(name) / p).is_file()] == []
    assert callable(part(name).calculate)
    workbook = part(name, "workbook")
    assert callable(getattr(workbook, "workbooks", None) or workbook.write)
    assert json.loads((folder(name) / "vectors.json").read_text(encoding="utf-8"))["calculator"] == name
    assert (ROOT / "playbook_data" / "calculators" / f"{name}.yml").is_file()


def test_every_calculator_folder_is_registered():
    folders = sorted(p.parent.name for p in HERE.glob("*/formula.js"))
    assert folders == sorted(folder(name).name for name in CALCULATORS)

