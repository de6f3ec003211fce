"""`python -m calculators abc`: Pareto / ABC classes of a few values, or of a file by its value column."""

from ..batch import Summary, fast_way, stream
from ..cli import file_options, given, list_of
from ..errors import InputError, number
from ..messages import say
from ..runners import columns_of, open_table, plan_of, summary_of
from . import classify_checked, thresholds

COMMANDS = {"abc": "Pareto / ABC classes by a value column"}


def options(p, command: str):
    file_options(p, needs_file=False)
    p.add_argument("--a", help="A threshold in %% (default 80)")
    p.add_argument("--b", help="B threshold in %% (default 95)")
    p.add_argument("--values", type=list_of, help="single values: 420,260,110")


def inputs(args) -> dict:
    return {"values": args.values or [], **given(args, "a", "b")}


def run_file(args) -> Summary:
    table, columns, lang = open_table(args, ["value"])
    i, name = columns["value"], table.header[columns["value"]]
    limits = thresholds(args.a, args.b)
    plan = fast_way(table, args.output, args.format, plan_of(args, lambda: columns_of("abc").AbcColumns(i, name, limits)))
    try:  # a long file's ranks go through a temporary folder, removed however the run ends
        result, row = (plan.prepare(table), None) if plan else _abc_reference(table, i, name, limits)
        summary = summary_of(table, "classes", lang)
        summary.lines.append(say("summary-value-share", lang, shares=", ".join(
            f"{c}: {v:.1f}%" for c, v in result["value_share"].items())))
        return stream(table, args.output, args.format, ["share", "cumulative", "class", "rank"], row, summary,
                      plan, args.progress)
    finally:
        if plan:
            plan.close()


def _abc_reference(table, i: int, name: str, limits: tuple) -> tuple:
    """(classes, row function): a first pass reads the value column, the classes are computed, the row
    function gives each row its own."""
    values, problems = [], {}
    # Only rows without a shape problem (and no total row) reach `row` below, so only they count here.
    clean = (cells for _, cells, problem in table.rows() if problem is None)
    for k, cells in enumerate(clean):
        try:
            values.append(number(cells[i], name, minimum=0))
        except InputError as error:
            problems[k] = error
    result = classify_checked(values, *limits)
    position = iter(range(len(values)))
    seen = iter(range(len(values) + len(problems)))

    def row(cells, line):
        k = next(seen)
        if k in problems:
            raise problems[k]
        j = next(position)
        return [round(result["share"][j], 4), round(result["cumulative"][j], 4), result["classes"][j],
                result["rank"][j]], result["classes"][j]

    return result, row
