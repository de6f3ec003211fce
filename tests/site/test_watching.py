"""`mkdocs serve` is told of a save by inotify where the file system reports every change, and polls elsewhere
(playbook/site/watching.py): a save starts a rebuild at once, a build reading the files starts none."""

import time
from types import SimpleNamespace

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from playbook.site import watching


def _server(tmp_path, *paths) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    for path in paths:
        server.watch(str(path))
    return server


def _rebuild_wanted(server, within: float) -> bool:
    end = time.monotonic() + within
    while time.monotonic() < end and not server._want_rebuild:
        time.sleep(0.01)
    return server._want_rebuild


def test_a_save_is_heard_at_once_and_a_read_is_not(tmp_path):
    (tmp_path / "docs").mkdir()
    page, data = tmp_path / "docs/index.md", tmp_path / "data.yml"
    page.write_text("# Home\n", encoding="utf-8")
    data.write_text("a: 1\n", encoding="utf-8")
    server = watching.on_serve(_server(tmp_path, tmp_path / "docs"), SimpleNamespace(watch=[str(data)]))
    server.watch(str(data))  # as MkDocs watches mkdocs.yml's `watch` after on_serve
    assert not isinstance(server.observer, PollingObserver)
    server.observer.start()
    try:
        page.read_text(encoding="utf-8"), data.read_text(encoding="utf-8")  # what a build does
        assert not _rebuild_wanted(server, 0.5)
        for saved in (page, data):
            server._want_rebuild = False
            saved.write_text("changed\n", encoding="utf-8")
            assert _rebuild_wanted(server, 2), f"no rebuild after saving {saved.name}"
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_folder_linking_to_another_is_still_polled(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "docs/shared").symlink_to(tmp_path / "elsewhere")
    server = watching.on_serve(_server(tmp_path, tmp_path / "docs"), SimpleNamespace(watch=[]))
    assert isinstance(server.observer, PollingObserver)


def test_a_file_system_that_is_not_local_is_still_polled():
    assert watching._file_system("/proc/sys/fs") == "proc"
    assert not watching._inotify_sees("/proc/sys/fs")


def test_past_the_system_limits_of_inotify_it_still_polls(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()

    def no_more_watches(observer):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr("watchdog.observers.inotify.InotifyObserver.start", no_more_watches)
    server = watching.on_serve(_server(tmp_path, tmp_path / "docs"), SimpleNamespace(watch=[]))
    assert isinstance(server.observer, PollingObserver)
