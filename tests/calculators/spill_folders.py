"""What the spill tests share: the temporary folders a run makes, listed to check that none is left behind."""

import tempfile

from calculators.columns.spill import Spill


def listed_folders(monkeypatch, tmp_path, module) -> list:
    """The names of the temporary folders `module`'s Spill makes from now on, each made under tmp_path/"tmp"."""
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    folders = []

    class Listed(Spill):
        def __init__(self):
            super().__init__()
            folders.append(self.folder.name)

    monkeypatch.setattr(module, "Spill", Listed)
    return folders
