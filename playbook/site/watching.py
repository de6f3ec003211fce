"""`mkdocs serve` hears of a saved file from the kernel at once, instead of finding it by polling every 0.5 s.

MkDocs looks for changes by listing every watched folder twice a second (watchdog's PollingObserver), so that it
also works where the file system reports no changes (Docker Desktop's and WSL's shared folders, network mounts):
a save waited 0.25 s on average, up to 0.5 s, before its rebuild began. On Linux, when every watched path is on a
local file system, no watched folder holds a link to another folder (which inotify would not follow) and inotify
starts on them within the system's limits, the server's observer becomes watchdog's inotify one, told only of
changes: not of every file a build opens and reads, which would start the next build. Anywhere else MkDocs polls
as before.

Why by hand: MkDocs has no option to choose its observer; `on_serve` is where a plugin may change the server.
"""

import os
import sys
from pathlib import Path

from watchdog import events

_LOCAL = {"ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs"}  # where inotify sees all
_CHANGES = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileMovedEvent, events.FileDeletedEvent,
            events.FileClosedEvent, events.DirCreatedEvent, events.DirMovedEvent, events.DirDeletedEvent]


def on_serve(server, config):
    """Every path watched so far moved to an inotify observer, which watches the paths watched after this too."""
    watched = dict(getattr(server, "_watched_paths", None) or {})
    paths = set(watched) | {os.path.abspath(path) for path in config.watch}
    if not watched or not all(map(_inotify_sees, paths)) or not _inotify_starts(paths):
        return server
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _changes_observer()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return server


def _changes_observer():
    from watchdog.observers.inotify import InotifyObserver  # Linux only

    class Changes(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=_CHANGES)

    return Changes()


def _inotify_starts(paths) -> bool:
    """Whether an inotify observer starts on every path, within the system's limits of watches and instances
    (reached, it would fail `mkdocs serve` as it starts): tried once and stopped."""
    try:
        probe = _changes_observer()
    except OSError:
        return False
    try:
        for path in paths:
            probe.schedule(events.FileSystemEventHandler(), path, recursive=True)
        probe.start()
    except OSError:
        probe.unschedule_all()  # the emitters started before the one that failed
        return False
    probe.stop()
    probe.join()
    return True


def _inotify_sees(path: str) -> bool:
    """Whether inotify reports every change under `path`: Linux, a local file system, no linked folder inside."""
    if not sys.platform.startswith("linux") or not os.path.exists(path):
        return False
    if _file_system(os.path.realpath(path)) not in _LOCAL:
        return False
    return not any(os.path.islink(os.path.join(folder, name))
                   for folder, names, _ in os.walk(path) for name in names)


def _file_system(path: str) -> str:
    """The type of the file system `path` is on (the longest mount point above it, /proc/self/mounts)."""
    best, kind = "", ""
    for line in Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines():
        fields = line.split()
        point = fields[1].replace("\\040", " ")
        if (path == point or path.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, kind = point, fields[2]
    return kind
