"""`mkdocs serve` writes only the files of the site whose bytes changed, and deletes only those no longer made.

MkDocs empties the site folder as each build begins, then writes every page and copies every static file again:
after a UI string edit an eighth of the rebuild, though more than half the pages come out byte for byte as before.
In `mkdocs serve` the folder is kept instead. A page (or any file MkDocs writes) whose bytes have the digest this
process wrote there last is not written again, and a static file is not copied again while its source and the
copy are as this process last copied them, each told by its size, modification time and inode: a file another
plugin wrote over since (the search index, material's bundle) is written anew. When the last build of the
languages ends, every file that was there as the build began and that it neither wrote, kept nor changed is
deleted (and the folders left empty), so the folder holds what a build into an empty one would.
`mkdocs build` and PLAYBOOK_CACHE=off empty the folder and write everything, as MkDocs does.

Why by hand: no MkDocs event lets a plugin keep the site folder or skip writing a page. The three functions of
`mkdocs.utils` MkDocs' build calls through the module (`clean_directory`, `write_file`, `copy_file`) are wrapped
here, and only here (tests/site/test_site_writes.py holds a kept folder to a fresh build's).
"""

import hashlib
import os

from mkdocs import utils

from playbook.core.caching import caching

_clean, _write, _copy = utils.clean_directory, utils.write_file, utils.copy_file
_serving = [False]
_depth = [0]  # builds under way: static-i18n builds the other languages inside the first one's on_post_build
_made: dict = {}  # path → (what it was made of, its size, modification time and inode once made)
_build: dict = {}  # the build's folder, the files there as it began, their newest time, the files it kept or wrote


def on_startup(command: str):
    _serving[0] = command == "serve"


def on_pre_build():
    _depth[0] += 1


def on_build_error():
    _depth[0] = 0


def _keeping() -> bool:
    return _serving[0] and caching()


def clean_directory(directory: str) -> None:
    """Note what is there instead of deleting it."""
    if not _keeping():
        _build.clear()
        return _clean(directory)
    present = {os.path.normpath(os.path.join(folder, name)): os.stat(os.path.join(folder, name)).st_mtime_ns
               for folder, _, names in os.walk(directory) for name in names
               if not os.path.relpath(os.path.join(folder, name), directory).startswith(".")}  # as MkDocs spares
    _build.update(folder=directory, present=set(present), newest=max(present.values(), default=0), seen=set())


def write_file(content: bytes, output_path: str) -> None:
    if not _build:
        return _write(content, output_path)
    _made_once(output_path, hashlib.sha256(content).digest(), lambda: _write(content, output_path))


def copy_file(source_path: str, output_path: str) -> None:
    if not _build:
        return _copy(source_path, output_path)
    if os.path.isdir(output_path):
        output_path = os.path.join(output_path, os.path.basename(source_path))
    source = os.stat(source_path)
    _made_once(output_path, (source_path, source.st_size, source.st_mtime_ns, source.st_ino),
               lambda: _copy(source_path, output_path))


def _made_once(path: str, made_of, make) -> None:
    path = os.path.normpath(path)
    _build["seen"].add(path)
    if _made.get(path) == (made_of, _stat(path)):
        return
    make()
    _made[path] = (made_of, _stat(path))


def _stat(path: str) -> tuple | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_size, found.st_mtime_ns, found.st_ino


def on_post_build():
    """After the last language's build: delete what the build did not make."""
    _depth[0] = max(_depth[0] - 1, 0)
    if _depth[0] or not _build:
        return
    for path in _build["present"] - _build["seen"]:
        if not _changed_since(path, _build["newest"]):
            os.remove(path)
            _made.pop(path, None)
    for folder, _, _ in os.walk(_build["folder"], topdown=False):
        place = os.path.relpath(folder, _build["folder"])
        if place != "." and not place.startswith(".") and not os.listdir(folder):
            os.rmdir(folder)
    _build.clear()


def _changed_since(path: str, newest: int) -> bool:
    """Whether something wrote `path` during this build: it is newer than every file there as it began."""
    try:
        return os.stat(path).st_mtime_ns > newest
    except FileNotFoundError:
        return True  # gone already


utils.clean_directory, utils.write_file, utils.copy_file = clean_directory, write_file, copy_file
