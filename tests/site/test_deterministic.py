"""Two builds of the same sources give byte-identical files (dates come from SOURCE_DATE_EPOCH)."""

import hashlib

from tests.conftest import ROOT, mkdocs_build


def digests(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(site, tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    first, second = digests(site), digests(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
