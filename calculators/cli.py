"""python -m calculators <sub-command>: each calculator's sub-commands, from its calculators/<name>/cli.py.

Single values as options (add --json for one JSON object echoing every input and naming every
output); whole files as `FILE -o result.csv|.xlsx|.json`. Errors are one line on stderr, exit 2;
with --strict a file with any row in error exits 1 after writing every row.
"""

import argparse
import json
import sys
from pathlib import Path

from playbook.core.problems import DataError

from .io import Unsuitable
from .errors import InputError, fail
from .messages import say, user_language
from .cells import DATE_FORMATS
from .output import FORMATS
from .registry import CALCULATORS, folder, part, run
from .runners import collecting

FILE_HELP = "a .csv (UTF-8 or GBK) or .xlsx file; leave out to compute single values from options"


def pairs(text: str) -> tuple:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"'{text}' is not KEY=VALUE")
    return key.strip(), value.strip()


def list_of(text: str) -> list:
    return [v.strip() for v in text.split(",") if v.strip()]


def file_options(p, needs_file: bool):
    p.add_argument("file", nargs=None if needs_file else "?", help=FILE_HELP)
    p.add_argument("-o", "--output", help="result file: .csv (default, UTF-8 with BOM), .xlsx or .json")
    p.add_argument("--format", choices=FORMATS, help="result format when the file name does not say")
    p.add_argument("--encoding", help="the CSV's encoding when detection guesses wrong, e.g. gbk")
    p.add_argument("--sheet", help="the sheet of an .xlsx file (default: the first)")
    p.add_argument("--map", action="append", type=pairs, default=[], metavar="FIELD=HEADER",
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


def given(args, *names) -> dict:
    """The options among `names` that the user gave, by name: the inputs of a single-value run."""
    return {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}


def offered(wanted: str = None) -> list:
    """(name, cli module) of the calculators whose sub-commands the parser offers: only the one with the `wanted`
    command (looked for in the calculator of that name first), else every one, for the list in the help and in an
    error. All seven import the pydantic models of both the settings and the scorecards: the parser of `abc` took
    46–64 ms of CPU so, 3–6 ms alone (measured); a run uses one."""
    for name in sorted(CALCULATORS, key=lambda name: name != wanted):
        if wanted in part(name, "cli").COMMANDS:
            return [(name, part(name, "cli"))]
    return [(name, part(name, "cli")) for name in CALCULATORS]


def build_parser(wanted: str = None) -> argparse.ArgumentParser:
    """The parser of the `wanted` sub-command (of every one when it is not a calculator's: `workbook`, unknown or
    none); the workbooks (xlsxwriter and every calculator's workbook.py) are only imported to list their names when
    the `wanted` command is `workbook` or unknown: scoring needs none."""
    parser = argparse.ArgumentParser(prog="python -m calculators", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in offered(wanted):
        for command, what in module.COMMANDS.items():
            p = sub.add_parser(command, help=what)
            p.set_defaults(calculator=name)
            module.options(p, command)
    p = sub.add_parser("workbook", help="an Excel workbook of a calculator, with live formulas")
    if wanted not in sub.choices or wanted == "workbook":
        from . import workbooks

        p.add_argument("name", metavar="NAME", help="one of: " + ", ".join(workbooks.names()))
    else:
        p.add_argument("name", metavar="NAME")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="the workbook's language")
    p.add_argument("-o", "--output", help="the .xlsx to write (default: NAME-LANG.xlsx)")
    return parser


def print_single(calculator: str, inputs: dict, outputs: dict, as_json: bool):
    if as_json:
        print(json.dumps({"calculator": calculator, "input": inputs, "output": outputs}, ensure_ascii=False))
        return
    for key, value in outputs.items():
        shown = f"{value:,.4g}" if isinstance(value, float) and abs(value) < 1e4 else (
            f"{value:,.2f}" if isinstance(value, float) else value)
        print(f"{key}: {shown}")


def fast_way(args) -> bool:
    """Whether a file run may go the fast way: polars asked for, and columns for the calculator."""
    return bool(getattr(args, "file", None)) and getattr(args, "engine", "") == "polars" and \
        (folder(args.calculator) / "columns.py").is_file()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0] if argv and not argv[0].startswith("-") else None  # else -h or an error: both list every one
    args = build_parser(command).parse_args(argv)
    if not fast_way(args):  # else once polars is imported (runners.columns_of)
        collecting()
    try:
        _folder_of(getattr(args, "output", None))
        if args.command == "workbook":
            from . import workbooks

            target = args.output or workbooks.file_name(args.name, args.lang)
            workbooks.build(args.name, args.lang, target)
            print(target, file=sys.stderr)
            return 0
        if getattr(args, "file", None):
            args.map = dict(args.map)
            if args.json and not args.format:
                args.format = "json"
            try:
                summary = part(args.calculator, "cli").run_file(args)
            except Unsuitable:  # a file the fast path cannot read as the reference does: again, row by row
                args.engine = "python"
                summary = part(args.calculator, "cli").run_file(args)
            print(summary.text(), file=sys.stderr)
            return 1 if args.strict and summary.failed else 0
        inputs = part(args.calculator, "cli").inputs(args)
        print_single(args.calculator, inputs, run(args.calculator, inputs), args.json)
        return 0
    except InputError as error:
        lang = _language(args, error) if error.code else "en"  # a sentence not in the catalogue is English only
        print(say("error", lang, message=error.text(lang)), file=sys.stderr)
        return 2
    except DataError as error:  # a YAML file the run reads: every problem as the site's build says it
        print(error, file=sys.stderr)
        return 2
    except OSError as error:  # a file that cannot be written or read mid-run, a full disk: one line, no traceback
        message = f"{f'{error.filename}: ' if error.filename else ''}{error.strerror or error}"
        print(say("error", _language(args), message=message), file=sys.stderr)
        return 2


def _language(args, error: InputError = None) -> str:
    """What an error is said in: --lang, else the file's header where the error knows it, else the locale's."""
    return getattr(args, "lang", None) or getattr(error, "lang", None) or user_language()


def _folder_of(output):
    """The result's folder checked before the rows are read: the file itself is opened once they are scored."""
    if output and not Path(output).resolve().parent.is_dir():
        fail("no-folder", path=output, folder=Path(output).resolve().parent)
