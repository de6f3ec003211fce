"""The browser calculators' scripts, in load order, made from calculators.registry: the shared ones are
docs/assets/javascripts/calculators/, each calculator's formula is its folder's formula.js, which the build adds
to the site as assets/javascripts/calculators/<name>.js (on_files).

The build hands PAGE to overrides/main.html as `extra.calculator_scripts` (define_env), writes WORKER into the
file worker's importScripts (worker.js) and, after a shared script of PARTS, that part of each calculator's folder
(present.js: how its widget shows a result; filescore.js: how the score-file page scores a file with it); the
formulas the test vectors run in Node are FORMULAS. The same worker is also shipped as one text (INLINE), which a
page opened from file:// starts from a Blob: there Chromium starts no Worker from a file's address, and a worker
started from a Blob cannot import the site's files.
"""

import json
from pathlib import Path

from mkdocs.structure.files import File

from calculators.registry import CALCULATORS, folder

FOLDER = "assets/javascripts/calculators"
SHARED = Path(__file__).resolve().parents[2] / "docs" / FOLDER
# The pure formulas: what a page and Node's vector test load before anything else
FORMULAS = ("core.js", "cells.js", *(f"{name}.js" for name in CALCULATORS))
# A calculator page: the formulas, then the page parts (words, results, widgets, the file page's readers, writer and runner)
PAGE = FORMULAS + ("messages.js", "results.js", "widget.js", "csv.js", "xlsx.js", "filewrite.js", "filescore.js",
                   "chart.js", "download.js", "filepage.js")
# The Web Worker that scores a whole file (worker.js): every formula, the readers, the writer, the runner
WORKER = FORMULAS + ("csv.js", "xlsx.js", "filewrite.js", "filescore.js")
PLACEHOLDER = "/* WORKER */"  # where worker.js's importScripts gets WORKER
INLINE = "worker-inline.js"  # the worker as one text in `PlaybookCalcWorker`, for a Blob (filepage.js)
# Shared script → the part of a calculator's folder the site ships after it, for each calculator whose folder has one
PARTS = {"results.js": "present.js", "filescore.js": "filescore.js"}


def source(script: str) -> Path:
    """Where script `script` (a name in PAGE) is kept: a calculator's formula.js, or a shared script."""
    name = script.removesuffix(".js")
    return folder(name) / "formula.js" if name in CALCULATORS else SHARED / script


def page_scripts() -> list[str]:
    """The addresses a calculator page loads, relative to the site."""
    return [f"{FOLDER}/{name}" for name in PAGE]


def worker() -> str:
    """worker.js as the site ships it: WORKER written into its importScripts."""
    text = (SHARED / "worker.js").read_text(encoding="utf-8")
    return text.replace(PLACEHOLDER, ", ".join(f'"{name}"' for name in WORKER))


def worker_inline() -> str:
    """worker-inline.js: WORKER's scripts as shipped, then worker.js importing nothing."""
    worker_js = (SHARED / "worker.js").read_text(encoding="utf-8").replace(PLACEHOLDER, "")
    return one_text([shipped(name) for name in WORKER], worker_js)


def one_text(scripts: list[str], worker_js: str) -> str:
    """The texts of `scripts`, then `worker_js` (importing nothing), as the string `PlaybookCalcWorker`."""
    text = "".join(script + "\n" for script in scripts) + worker_js
    return f"self.PlaybookCalcWorker = {json.dumps(text, ensure_ascii=False)};\n"


def parts(script: str) -> list[Path]:
    """The calculators' parts the site ships after shared script `script`, in the registry's order (none when
    `script` is not in PARTS)."""
    part = PARTS.get(script)
    return [folder(name) / part for name in CALCULATORS if part and (folder(name) / part).is_file()]


def shipped(script: str) -> str:
    """Script `script` (a name in PAGE, or worker.js) as the site ships it."""
    if script == "worker.js":
        return worker()
    return "".join(path.read_text(encoding="utf-8") for path in [source(script), *parts(script)])


def on_files(files, config):
    """Each calculator's formula.js, into the site where the pages and the worker load it; worker.js with the
    list of what it loads, worker-inline.js, and each shared script of PARTS followed by the calculators' parts."""
    for name in CALCULATORS:
        files.append(File.generated(config, f"{FOLDER}/{name}.js", abs_src_path=str(source(f"{name}.js"))))
    files.append(File.generated(config, f"{FOLDER}/{INLINE}", content=worker_inline()))
    for script in ("worker.js", *PARTS):
        kept = files.get_file_from_path(f"{FOLDER}/{script}")
        if kept:
            files.remove(kept)
            files.append(File.generated(config, kept.src_uri, content=shipped(script)))
    return files
