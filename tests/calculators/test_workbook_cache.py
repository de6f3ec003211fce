"""The built site's workbooks are kept in a cache folder that two builds at once may both fill: each writes
into a folder of its own and the first to finish puts it in place (playbook/calculators/events.py)."""

import json
import threading
import zipfile
from types import SimpleNamespace

from calculators import data, workbooks
from calculators.workbooks import book
from playbook.calculators import events


def test_two_builds_at_once_both_get_every_workbook(tmp_path, monkeypatch):
    both_writing = threading.Barrier(2, timeout=30)

    def build(name, lang, path):  # a stand-in workbook; both builds are writing before either finishes
        if name == workbooks.names()[0] and lang == workbooks.LANGUAGES[0]:
            both_writing.wait()
        path.write_text(f"{name} {lang}", encoding="utf-8")
        return SimpleNamespace(shown=set())  # the UI strings it showed

    monkeypatch.setattr(workbooks, "build", build)
    folders, errors = [], []

    def run():
        try:
            folders.append(events.written(tmp_path))
        except Exception as error:  # noqa: BLE001 (the test reports what a build would have raised)
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert folders[0] == folders[1]
    expected = {workbooks.file_name(name, lang) for name in workbooks.names() for lang in workbooks.LANGUAGES}
    assert {path.name for path in folders[0].iterdir()} == expected
    assert [path.name for path in tmp_path.iterdir() if path.is_dir()] == [folders[0].name]  # no half-written one


def test_only_a_string_a_workbook_shows_writes_the_workbooks_again(tmp_path, monkeypatch):
    # `mkdocs serve` after an edit of strings.yml: a page's string leaves the workbooks as they were
    strings = dict(data.ui_strings())
    monkeypatch.setattr(data, "ui_strings", lambda: strings)
    monkeypatch.setattr(book, "ui_strings", lambda: strings)
    monkeypatch.setattr(workbooks, "names", lambda: ["clv"])
    first = events.written(tmp_path)
    shown = json.loads((tmp_path / f"{events.code_key()}.strings.json").read_text(encoding="utf-8"))
    assert "wb-made-by" in shown and "lesson-overview" not in shown
    strings["lesson-overview"] = _edited(strings["lesson-overview"])
    assert events.written(tmp_path) == first
    strings["wb-made-by"] = _edited(strings["wb-made-by"])
    again = events.written(tmp_path)
    assert again != first
    assert "（改）" in _core_properties(again / workbooks.file_name("clv", "zh"))


def _edited(text):
    return {**text, "zh": text["zh"] + "（改）"}


def _core_properties(path) -> str:
    with zipfile.ZipFile(path) as xlsx:
        return xlsx.read("docProps/core.xml").decode("utf-8")
