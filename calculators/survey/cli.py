"""`python -m calculators nps|csat|ces`: a survey score from a few answers, or from a file of one answer a row."""

import argparse

from ..batch import Summary, stream
from ..cli import file_options, given, list_of
from ..messages import word
from ..runners import open_table, summary_of
from . import METRICS, answer, category, scale_of

COMMANDS = {"nps": "Net Promoter Score (0–10) from raw answers", "csat": "CSAT from raw answers",
            "ces": "CES from raw answers"}


def options(p, command: str):
    file_options(p, needs_file=False)
    p.add_argument("--answers", type=list_of, help="single values: 9,10,7,6")
    p.add_argument("--scale", help=argparse.SUPPRESS if command == "nps" else "the top of the scale")
    p.add_argument("--satisfied-from", help=argparse.SUPPRESS if command != "csat" else "lowest satisfied answer")


def inputs(args) -> dict:
    return {"metric": args.command, "answers": args.answers or [], **given(args, "scale", "satisfied_from")}


def run_file(args) -> Summary:
    """nps, csat and ces on a survey file: one answer per row."""
    table, columns, lang = open_table(args, ["answer"])
    i, name, metric = columns["answer"], table.header[columns["answer"]], args.command
    low, high, cut = scale_of(metric, args.scale, args.satisfied_from)
    values = []

    def row(cells, line):
        value = answer(cells[i], name, low, high)
        values.append(value)
        label = word(category(metric, value, cut), lang)
        return ([] if metric == "ces" else [label]), label

    added = [] if metric == "ces" else ["category"]
    summary = stream(table, args.output, args.format, added, row, summary_of(table, "answers", lang))
    if values:
        options = {"nps": {}, "csat": {"scale": high, "satisfied_from": cut}, "ces": {"scale": high}}
        result = METRICS[metric](values, **options[metric])
        summary.say(f"summary-{metric}", **{k: f"{v:g}" for k, v in result.items()})
    return summary
