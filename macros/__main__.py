"""`python -m macros check` validates playbook_data/; `python -m macros coverage` reports topics."""

import argparse
import sys
from pathlib import Path

from .coverage import report
from .playbook import load
from .problems import DataError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("command", choices=["check", "coverage"])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: .)")
    args = parser.parse_args(argv)
    try:
        book = load(args.root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"playbook_data/ is valid: {len(book.items)} items, {len(book.topics)} topics")
    else:
        print(report(book))
    return 0


if __name__ == "__main__":
    sys.exit(main())
