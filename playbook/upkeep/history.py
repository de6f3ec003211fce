"""When each file last changed, from the project's own git history: one `git log` per commit, read once per build.

Hand-written rather than mkdocs-git-revision-date-localized-plugin: a page's date here is that of its Markdown
and of the data files it renders, and a build must stay byte-identical (no build-time fallback date).
Dates are the committer dates of commits, so they are the same for a commit wherever it is built. Outside a
git work tree, or for a file whose last change is hidden by a shallow clone, there is no date: the page then
simply shows none.
"""

import datetime
import functools
import subprocess
from pathlib import Path

MARK = "\x01"


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def changed(root: Path) -> dict:
    """Project-relative path (posix) → the date (UTC) of the last commit that changed it."""
    head = _git(root, "rev-parse", "HEAD")
    return _changed(root.resolve(), head.strip()) if head else {}


@functools.lru_cache(maxsize=4)
def _changed(root: Path, head: str) -> dict:
    log = _git(root, "log", f"--format={MARK}%H %ct", "--name-only", "--no-renames", "--relative", "HEAD", "--")
    if log is None:
        return {}
    hidden = _shallow_boundary(root)  # such a commit seems to add every file: its dates say nothing
    dates = {}
    for chunk in log.split(MARK)[1:]:
        header, *names = chunk.strip().split("\n")
        commit, seconds = header.split(" ")
        if commit in hidden:
            continue
        day = datetime.datetime.fromtimestamp(int(seconds), datetime.timezone.utc).date()
        for name in filter(None, names):
            dates.setdefault(name, day)  # newest first: the first date seen is the last change
    return dates


def _shallow_boundary(root: Path) -> set:
    path = _git(root, "rev-parse", "--git-path", "shallow")
    file = root / path.strip() if path else None
    return set(file.read_text().split()) if file and file.is_file() else set()


def last_changed(dates: dict, paths) -> datetime.date | None:
    """The latest date among `paths` in `dates` (from `changed`), or None."""
    known = [dates[p] for p in paths if p in dates]
    return max(known) if known else None
