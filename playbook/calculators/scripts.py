"""The browser calculators' scripts (docs/assets/javascripts/calculators/), listed once, in load order.

The build hands PAGE to overrides/main.html as `extra.calculator_scripts` (define_env); the file worker's
importScripts (worker.js) and the formulas the test vectors run in Node are checked against WORKER and FORMULAS
by tests/calculators/test_calc_parity.py. A new calculator's script goes into FORMULAS (and WORKER if files are scored with it).
"""

FOLDER = "assets/javascripts/calculators"
# The pure formulas: what a page and Node's vector test load before anything else
FORMULAS = ("core.js", "cells.js", "clv.js", "scorecard.js", "abc.js", "rfm.js", "survey.js", "pipeline.js",
            "complaint-cost.js")
# A calculator page: the formulas, then the page parts (words, results, widgets, the file page's readers, writer and runner)
PAGE = FORMULAS + ("messages.js", "results.js", "widget.js", "csv.js", "xlsx.js", "filewrite.js", "filescore.js",
                   "chart.js", "download.js", "filepage.js")
# The Web Worker that scores a whole file (worker.js): the formulas files are scored with, the readers, the writer, the runner
WORKER = ("core.js", "cells.js", "scorecard.js", "abc.js", "rfm.js", "survey.js", "pipeline.js", "csv.js", "xlsx.js",
          "filewrite.js", "filescore.js")


def page_scripts() -> list[str]:
    """The addresses a calculator page loads, relative to the site."""
    return [f"{FOLDER}/{name}" for name in PAGE]
