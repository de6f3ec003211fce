"""`python -m calculators double --x 21`: twice a number."""

COMMANDS = {"double": "twice a number"}


def options(p, command):
    p.add_argument("--x", required=True)
    p.add_argument("--json", action="store_true")


def inputs(args):
    return {"x": args.x}
