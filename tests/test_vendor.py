"""The npm files the site ships are exactly those of the versions tests/package-lock.json pins, with their
licence beside them: nothing hand-edited, nothing fetched from another host."""

import json

import pytest

from .conftest import ROOT

VENDOR = ROOT / "overrides" / "assets" / "javascripts" / "vendor"
LOCK = json.loads((ROOT / "tests" / "package-lock.json").read_text(encoding="utf-8"))
SHIPPED = {"exceljs.min.js": ("exceljs", "dist/exceljs.min.js")}


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_a_shipped_file_is_the_pinned_packages_own(name):
    package, path = SHIPPED[name]
    pinned = LOCK["packages"][f"node_modules/{package}"]["version"]
    installed = ROOT / "tests" / "node_modules" / package
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    assert (VENDOR / name).read_bytes() == (installed / path).read_bytes()
    assert (VENDOR / f"{package}-LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()
