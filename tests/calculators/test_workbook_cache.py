"""The built site's workbooks are kept in a cache folder that two builds at once may both fill: each writes
into a folder of its own and the first to finish puts it in place (playbook/calculators/events.py)."""

import threading

from calculators import workbooks
from playbook.calculators import events


def test_two_builds_at_once_both_get_every_workbook(tmp_path, monkeypatch):
    both_writing = threading.Barrier(2, timeout=30)

    def build(name, lang, path):  # a stand-in workbook; both builds are writing before either finishes
        if name == workbooks.names()[0] and lang == workbooks.LANGUAGES[0]:
            both_writing.wait()
        path.write_text(f"{name} {lang}", encoding="utf-8")

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
    assert [path.name for path in tmp_path.iterdir()] == [folders[0].name]  # no half-written folder left
