"""mkdocs-macros' `git` variable read once per state of the repository, not on every build.

mkdocs-macros runs nine `git` commands (`get_git_info`: the last commit, its author, the nearest tag) each time
its `on_config` runs: twice per build (static-i18n builds each language), so every rebuild of `mkdocs serve`
started 18 processes, 0.1–0.3 s of its wall clock on a shared 2-core machine. Their answer depends only on the
working folder, HEAD, the commit it names and the tags: while HEAD and its branch's file hold the same text and
the tags' files are unchanged (by modification time and size), the answer of the first run is given again. Not kept when the environment tells git
where to look (GIT_DIR and the like) or when the caches are off (playbook/core/caching.py).

Why by hand: mkdocs-macros has no option to leave its git variable out or to keep it; its `define_env` calls the
module's `get_git_info`, which is wrapped here (tests/site/test_git_info.py holds it to the wrapped function's answer).
"""

import copy
import os
from pathlib import Path

from mkdocs_macros import context

from playbook.core.caching import caching

_read_git = context.get_git_info
_kept: dict = {}  # the state of the repository → what mkdocs-macros' get_git_info returned for it
_GIT_ENV = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM")


def git_info():
    state = _state(Path.cwd()) if caching() else None
    if state is None:
        return _read_git()
    if state not in _kept:
        _kept.clear()
        _kept[state] = _read_git()
    return copy.deepcopy(_kept[state])  # a page may change the dictionary it is given


def _state(cwd: Path) -> tuple | None:
    """What git's answer depends on, or None when it cannot be told without running git."""
    if any(name in os.environ for name in _GIT_ENV):
        return None
    top = next((folder for folder in (cwd, *cwd.parents) if (folder / ".git").exists()), None)
    if top is None:
        return (str(cwd), "no repository")
    try:
        git = _git_dir(top / ".git")
        common = git / (git / "commondir").read_text(encoding="utf-8").strip() if (git / "commondir").is_file() else git
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        return None
    ref = head.removeprefix("ref:").strip() if head.startswith("ref:") else None
    read = [common / "packed-refs", common / "refs/tags", *_files(common / "refs/tags")]
    commit = [_text(common / ref), _text(git / ref)] if ref else []  # the branch's commit, as HEAD names it
    return (str(cwd), head, *commit, *map(_stat, read))


def _git_dir(dot_git: Path) -> Path:
    """The repository's folder: `.git` itself, or where a worktree's `.git` file points (`gitdir: …`)."""
    if dot_git.is_dir():
        return dot_git
    text = dot_git.read_text(encoding="utf-8")
    if not text.startswith("gitdir:"):
        raise ValueError(dot_git)
    return (dot_git.parent / text.removeprefix("gitdir:").strip()).resolve()


def _files(folder: Path) -> list:
    return sorted(folder.rglob("*")) if folder.is_dir() else []


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _stat(path: Path) -> tuple:
    try:
        found = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path), found.st_mtime_ns, found.st_size)


context.get_git_info = git_info
