"""The browser calculators' scripts, in load order, made from calculators.registry: the shared ones are
docs/assets/javascripts/calculators/, each calculator's formula is its folder's formula.js, which the build adds
to the site as assets/javascripts/calculators/<name>.js (on_files).

The build hands PAGE to overrides/main.html as `extra.calculator_scripts` (define_env), writes WORKER into the
file worker's importScripts (worker.js) and each calculator's present.js (how its widget shows a result) after
results.js; the formulas the test vectors run in Node are FORMULAS.
"""

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


def results() -> str:
    """results.js as the site ships it: followed by the present.js of each calculator whose folder has one."""
    presenters = [folder(name) / "present.js" for name in CALCULATORS if (folder(name) / "present.js").is_file()]
    return "".join(path.read_text(encoding="utf-8") for path in [SHARED / "results.js", *presenters])


def on_files(files, config):
    """Each calculator's formula.js, into the site where the pages and the worker load it; worker.js with the
    list of what it loads, results.js with the calculators' presenters."""
    for name in CALCULATORS:
        files.append(File.generated(config, f"{FOLDER}/{name}.js", abs_src_path=str(source(f"{name}.js"))))
    for script, content in (("worker.js", worker), ("results.js", results)):
        shipped = files.get_file_from_path(f"{FOLDER}/{script}")
        if shipped:
            files.remove(shipped)
            files.append(File.generated(config, shipped.src_uri, content=content()))
    return files
