"""`python -m calculators complaint-cost`: what the complaints cost, from options."""

from ..cli import given, pairs

COMMANDS = {"complaint-cost": "unhappy customers, who leaves and revenue at risk"}


def options(p, command: str):
    p.add_argument("--complaints", required=True)
    p.add_argument("--customer-value", required=True)
    p.add_argument("--handled-well", default="0", help="share handled fast and well, 0 to 1")
    p.add_argument("--satisfied", help="satisfied customers, to see how many people they tell")
    p.add_argument("--set", action="append", type=pairs, default=[], metavar="PARAMETER=VALUE",
                   help="override a seed figure, e.g. silent_share=0.9")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def inputs(args) -> dict:
    return {**given(args, "complaints", "customer_value", "handled_well", "satisfied"), **dict(args.set)}
