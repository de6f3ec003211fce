"""`python -m calculators clv`: customer lifetime value from options, or the seed form on each row of a
customer file."""

from ..batch import Summary, stream
from ..cli import file_options, given
from ..errors import number, rate
from ..runners import open_table, summary_of
from . import seed_form

COMMANDS = {"clv": "customer lifetime value (seed form or retention form)"}
SEED = ("purchases_per_period", "average_amount", "periods", "margin", "retention_cost", "referral_value")
RETENTION = ("margin", "retention", "discount", "periods")


def options(p, command: str):
    file_options(p, needs_file=False)
    p.add_argument("--form", choices=["seed", "retention"], default="seed")
    for name in ("purchases-per-period", "average-amount", "periods", "margin", "retention-cost",
                 "referral-value", "retention", "discount"):
        p.add_argument(f"--{name}")
    p.add_argument("--first-margin-now", action="store_true")


def inputs(args) -> dict:
    extra = {"first_margin_now": True} if args.first_margin_now else {}
    return {"form": args.form, **given(args, *(SEED if args.form == "seed" else RETENTION)), **extra}


def run_file(args) -> Summary:
    """clv on a customer file, one row per customer: the seed form from its columns."""
    fields = ["purchases_per_period", "average_amount", "periods", "margin", "retention_cost", "referral_value"]
    table, columns, lang = open_table(args, fields, ("margin", "retention_cost", "referral_value"))

    def row(cells, line):
        given = {f: cells[columns[f]] for f in fields if f in columns and cells[columns[f]] not in (None, "")}
        # Checked here, so a message names the file's column; the margin is a share (30% or 0.3).
        inputs = {f: (rate if f == "margin" else _amount)(v, table.header[columns[f]]) for f, v in given.items()}
        result = seed_form(**inputs)
        return [round(result["revenue"], 2), round(result["clv"], 2)], None

    return stream(table, args.output, args.format, ["revenue", "clv"], row, summary_of(table, "customers", lang))


def _amount(value, name: str) -> float:
    return number(value, name, minimum=0)
