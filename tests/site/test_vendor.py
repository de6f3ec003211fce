"""The npm files the site ships are exactly those of the versions package-lock.json pins, with their
licence beside them: nothing hand-edited, nothing fetched from another host."""

import json

import pytest

from tests.conftest import ROOT

LOCK = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
# Shipped file (from the project root) → (npm package, its file)
SHIPPED = {
    "overrides/assets/javascripts/vendor/exceljs.min.js": ("exceljs", "dist/exceljs.min.js"),
    "docs/assets/javascripts/vendor/reveal/reveal.js": ("reveal.js", "dist/reveal.js"),
    "docs/assets/javascripts/vendor/reveal/reveal.css": ("reveal.js", "dist/reveal.css"),
}


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_a_shipped_file_is_the_pinned_packages_own(name):
    package, path = SHIPPED[name]
    pinned = LOCK["packages"][f"node_modules/{package}"]["version"]
    installed = ROOT / "node_modules" / package
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    shipped = ROOT / name
    assert shipped.read_bytes() == (installed / path).read_bytes()
    assert (shipped.parent / f"{package}-LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()
