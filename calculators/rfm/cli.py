"""`python -m calculators rfm`: recency, frequency, monetary scores and segments of an orders file."""

import argparse

from ..batch import Summary, fast_way, stream
from ..cells import parse_date
from ..cli import file_options, list_of, pairs
from ..data import settings
from ..errors import InputError, number
from ..messages import say, word
from ..runners import columns_of, open_table, own_file, plan_of, summary_of
from ..settings import OwnSegments
from . import DIMENSIONS, TIES, Totals

COMMANDS = {"rfm": "recency, frequency, monetary scores and segments of an orders file"}


def _breaks(text: str) -> tuple:
    key, values = pairs(text)
    if key not in DIMENSIONS:
        raise argparse.ArgumentTypeError(f"'{key}' is not one of {', '.join(DIMENSIONS)}")
    return key, list_of(values)


def options(p, command: str):
    file_options(p, needs_file=True)
    p.add_argument("--analysis-date", help="default: the day after the last order")
    p.add_argument("--segments", metavar="FILE.yml", help="your own segment rules, as in playbook_data/calculators/rfm.yml")
    p.add_argument("--thresholds", action="append", type=_breaks, default=[], metavar="NAME=B1,B2,B3,B4",
                   help="fixed breaks for recency, frequency or monetary instead of quantiles (repeat)")
    p.add_argument("--ties", choices=TIES, default="above",
                   help="above: a value beyond a break scores higher; r-rfm: as the R package rfm")


def run_file(args) -> Summary:
    segments = own_file(args.segments, OwnSegments) if args.segments else None  # checked before the file is read
    table, columns, lang = open_table(args, ["customer", "date", "amount"])
    i, d, a = columns["customer"], columns["date"], columns["amount"]
    names = [table.header[k] for k in (i, d, a)]

    def order(cells) -> tuple:
        customer = str(cells[i] or "").strip()
        if not customer:
            raise InputError(say("empty-customer", name=names[0]), "empty-customer", {"name": names[0]})
        return customer, parse_date(cells[d], names[1], args.date_format), number(cells[a], names[2], minimum=0)

    plan = fast_way(table, args.output, args.format, plan_of(args, lambda: columns_of("rfm").RfmColumns(i, d, a, order)))
    try:  # a file of many customers has its orders go through a temporary folder, removed however the run ends
        return _scored(args, table, order, plan, segments, lang)
    finally:
        if plan:
            plan.close()


def _scored(args, table, order, plan, segments, lang) -> Summary:
    # The totals go once scored (their arrays held ~40 bytes a customer through the second pass).
    result = (plan.prepare(table) if plan else _rfm_totals(table, order)).score(
        args.analysis_date, segments, dict(args.thresholds) or None, args.ties)
    rules = settings("rfm").segments if segments is None else segments
    titles = {s["key"] if isinstance(s, dict) else s.key: _title(s, lang) for s in rules}
    customers = result.pop("customers")
    if not isinstance(customers, list):  # scored as columns (calculators/rfm/scores.py, spilled.py)
        by_customer = plan.customers(customers, titles)
    else:
        by_customer = {c["customer"]: c for c in customers}
        plan = None

    def row(cells, line):
        c = by_customer[order(cells)[0]]
        return [c["recency"], c["frequency"], round(c["monetary"], 2), c["r"], c["f"], c["m"],
                titles[c["segment"]]], titles[c["segment"]]

    summary = summary_of(table, "orders per segment", lang)
    summary.say("summary-rfm-date", date=result["analysis_date"], customers=len(by_customer))
    summary.say("summary-rfm-segments", counts=", ".join(f"{titles[k]}: {v}" for k, v in result["segments"].items()))
    summary.say("summary-rfm-breaks", breaks="; ".join(
        f"{word(k, lang)} " + ", ".join(f"{b:g}" for b in result["breaks"][k]) for k in DIMENSIONS))
    added = ["recency", "frequency", "monetary", "r", "f", "m", "segment"]
    return stream(table, args.output, args.format, added, row, summary, plan, args.progress)


def _rfm_totals(table, order) -> Totals:
    """The first pass: every order of the file added to its customer's totals."""
    totals = Totals()
    for _, cells, problem in table.rows():
        try:
            totals.add(*order(cells)) if problem is None else None
        except InputError:
            pass  # the second pass writes the same error on the row
    return totals


def _title(item, lang: str) -> str:
    title = item.get("title") if isinstance(item, dict) else item.title
    return title[lang] if title else (item["key"] if isinstance(item, dict) else item.key)
