"""Results that depend on nothing but their inputs, kept in pytest's cache folder between runs.

A slow computation whose inputs are all hashed into its key (the files it reads, the code that computes it, the
versions of the libraries it computes with) is computed once and read back by the next run with the same inputs;
anything changed gives another key, computed afresh. A clean checkout (CI) computes everything, and so does a run
with pytest's cache off (`-p no:cacheprovider`).
"""

import hashlib
import os
import pickle
from pathlib import Path


def cache_folder(config, name: str) -> Path | None:
    """The cache folder `name` of this run, or None when pytest's cache is off."""
    cache = getattr(config, "cache", None)
    return cache.mkdir(name) if cache else None


def kept(where: Path | None, key: str, compute):
    """compute(), or what it gave last time under `key` in the folder `where`."""
    file = where / key if where else None
    if file and file.exists():
        return pickle.loads(file.read_bytes())
    got = compute()
    if file:  # written whole under another name first: xdist's workers share the folder
        part = file.with_suffix(f".{os.getpid()}")
        part.write_bytes(pickle.dumps(got))
        part.replace(file)
    return got


def files_hash(root: Path, paths) -> "hashlib._Hash":
    """A hash of the files' names (from `root`) and bytes, in sorted order, to start a key with."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest
