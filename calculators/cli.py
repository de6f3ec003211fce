"""python -m calculators <sub-command>: one sub-command per calculator.

Single values as options (add --json for one JSON object echoing every input and naming every
output); whole files as `FILE -o result.csv|.xlsx|.json`. Errors are one line on stderr, exit 2;
with --strict a file with any row in error exits 1 after writing every row.
"""

import argparse
import json
import sys

from . import runners, workbooks
from .batch import Unsuitable
from .errors import InputError
from .cells import DATE_FORMATS
from .output import FORMATS
from .registry import run
from .rfm import DIMENSIONS, TIES

FILE_HELP = "a .csv (UTF-8 or GBK) or .xlsx file; leave out to compute single values from options"


def _pairs(text: str) -> tuple:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"'{text}' is not KEY=VALUE")
    return key.strip(), value.strip()


def _list(text: str) -> list:
    return [v.strip() for v in text.split(",") if v.strip()]


def _file_options(p, needs_file: bool):
    p.add_argument("file", nargs=None if needs_file else "?", help=FILE_HELP)
    p.add_argument("-o", "--output", help="result file: .csv (default, UTF-8 with BOM), .xlsx or .json")
    p.add_argument("--format", choices=FORMATS, help="result format when the file name does not say")
    p.add_argument("--encoding", help="the CSV's encoding when detection guesses wrong, e.g. gbk")
    p.add_argument("--sheet", help="the sheet of an .xlsx file (default: the first)")
    p.add_argument("--map", action="append", type=_pairs, default=[], metavar="FIELD=HEADER",
                   help="use column HEADER for FIELD (repeat for more)")
    p.add_argument("--header-row", type=int, metavar="N",
                   help="the header is on row N (default: the first row, or the first below a one-cell title)")
    p.add_argument("--date-format", choices=DATE_FORMATS,
                   help="how to read 4/5/2024: dmy (4 May) or mdy (5 April); unambiguous dates need none")
    p.add_argument("--lang", choices=["zh", "en"],
                   help="language of labels, messages and the summary (default: that of the file's headers)")
    p.add_argument("--strict", action="store_true", help="exit 1 when any row has an error")
    p.add_argument("--engine", choices=["polars", "python"], default="polars",
                   help="polars (default): a CSV file scored in batches of columns, any row in doubt by the "
                        "reference; python: every row by the pure-Python reference")
    p.add_argument("--progress", action="store_true", default=None,
                   help="show the progress bar even when stderr is not a terminal")
    p.add_argument("--json", action="store_true", help="single values: print one JSON object")


def _breaks(text: str) -> tuple:
    key, values = _pairs(text)
    if key not in DIMENSIONS:
        raise argparse.ArgumentTypeError(f"'{key}' is not one of {', '.join(DIMENSIONS)}")
    return key, _list(values)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculators", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("clv", help="customer lifetime value (seed form or retention form)")
    _file_options(p, False)
    p.add_argument("--form", choices=["seed", "retention"], default="seed")
    for name in ("purchases-per-period", "average-amount", "periods", "margin", "retention-cost",
                 "referral-value", "retention", "discount"):
        p.add_argument(f"--{name}")
    p.add_argument("--first-margin-now", action="store_true")
    p = sub.add_parser("score", help="weighted scorecard → score and tier")
    _file_options(p, False)
    p.add_argument("--scorecard", required=True, help="customer-value, lead, dealer, key-account or a .yml")
    p.add_argument("--value", action="append", type=_pairs, default=[], metavar="CRITERION=VALUE")
    p = sub.add_parser("abc", help="Pareto / ABC classes by a value column")
    _file_options(p, False)
    p.add_argument("--a", help="A threshold in %% (default 80)")
    p.add_argument("--b", help="B threshold in %% (default 95)")
    p.add_argument("--values", type=_list, help="single values: 420,260,110")
    p = sub.add_parser("rfm", help="recency, frequency, monetary scores and segments of an orders file")
    _file_options(p, True)
    p.add_argument("--analysis-date", help="default: the day after the last order")
    p.add_argument("--segments", metavar="FILE.yml", help="your own segment rules, as in playbook_data/calculators/rfm.yml")
    p.add_argument("--thresholds", action="append", type=_breaks, default=[], metavar="NAME=B1,B2,B3,B4",
                   help="fixed breaks for recency, frequency or monetary instead of quantiles (repeat)")
    p.add_argument("--ties", choices=TIES, default="above",
                   help="above: a value beyond a break scores higher; r-rfm: as the R package rfm")
    p = sub.add_parser("pipeline", help="weighted pipeline forecast of a deals file")
    _file_options(p, True)
    p.add_argument("--stage", action="append", type=_pairs, default=[], metavar="NAME=P",
                   help="add or change a stage and its probability, e.g. 试用=0.5 (repeat)")
    p.add_argument("--stages", metavar="FILE.yml", help="your own stages: a mapping of name to probability")
    for metric, what in (("nps", "Net Promoter Score (0–10)"), ("csat", "CSAT"), ("ces", "CES")):
        p = sub.add_parser(metric, help=f"{what} from raw answers")
        _file_options(p, False)
        p.add_argument("--answers", type=_list, help="single values: 9,10,7,6")
        p.add_argument("--scale", help=argparse.SUPPRESS if metric == "nps" else "the top of the scale")
        p.add_argument("--satisfied-from", help=argparse.SUPPRESS if metric != "csat" else "lowest satisfied answer")
    p = sub.add_parser("complaint-cost", help="unhappy customers, who leaves and revenue at risk")
    p.add_argument("--complaints", required=True)
    p.add_argument("--customer-value", required=True)
    p.add_argument("--handled-well", default="0", help="share handled fast and well, 0 to 1")
    p.add_argument("--satisfied", help="satisfied customers, to see how many people they tell")
    p.add_argument("--set", action="append", type=_pairs, default=[], metavar="PARAMETER=VALUE",
                   help="override a seed figure, e.g. silent_share=0.9")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p = sub.add_parser("workbook", help="an Excel workbook of a calculator, with live formulas")
    p.add_argument("name", metavar="NAME", help="one of: " + ", ".join(workbooks.names()))
    p.add_argument("--lang", choices=workbooks.LANGUAGES, default="zh", help="the workbook's language")
    p.add_argument("-o", "--output", help="the .xlsx to write (default: NAME-LANG.xlsx)")
    return parser


def single_inputs(args) -> tuple:
    """(calculator, inputs) from the options of a single-value run."""
    given = lambda *names: {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}  # noqa: E731
    if args.command == "clv":
        names = ("purchases_per_period", "average_amount", "periods", "margin", "retention_cost",
                 "referral_value") if args.form == "seed" else ("margin", "retention", "discount", "periods")
        extra = {"first_margin_now": True} if args.first_margin_now else {}
        return "clv", {"form": args.form, **given(*names), **extra}
    if args.command == "score":
        return "scorecard", {"scorecard": args.scorecard, "values": dict(args.value)}
    if args.command == "abc":
        return "abc", {"values": args.values or [], **given("a", "b")}
    if args.command in ("nps", "csat", "ces"):
        return "survey", {"metric": args.command, "answers": args.answers or [],
                          **given("scale", "satisfied_from")}
    return "complaint-cost", {**given("complaints", "customer_value", "handled_well", "satisfied"), **dict(args.set)}


def print_single(calculator: str, inputs: dict, outputs: dict, as_json: bool):
    if as_json:
        print(json.dumps({"calculator": calculator, "input": inputs, "output": outputs}, ensure_ascii=False))
        return
    for key, value in outputs.items():
        shown = f"{value:,.4g}" if isinstance(value, float) and abs(value) < 1e4 else (
            f"{value:,.2f}" if isinstance(value, float) else value)
        print(f"{key}: {shown}")


RUNNERS = {"clv": runners.clv, "score": runners.score, "abc": runners.abc, "rfm": runners.rfm, "pipeline": runners.pipeline,
           "nps": runners.answers, "csat": runners.answers, "ces": runners.answers}


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "workbook":
            target = args.output or workbooks.file_name(args.name, args.lang)
            workbooks.build(args.name, args.lang, target)
            print(target, file=sys.stderr)
            return 0
        if getattr(args, "file", None):
            args.map = dict(args.map)
            if args.json and not args.format:
                args.format = "json"
            try:
                summary = RUNNERS[args.command](args)
            except Unsuitable:  # a file the fast path cannot read as the reference does: again, row by row
                args.engine = "python"
                summary = RUNNERS[args.command](args)
            print(summary.text(), file=sys.stderr)
            return 1 if args.strict and summary.failed else 0
        calculator, inputs = single_inputs(args)
        print_single(calculator, inputs, run(calculator, inputs), args.json)
        return 0
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
