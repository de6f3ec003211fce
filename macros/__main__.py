"""`python -m macros check` validates playbook_data/; `python -m macros coverage` reports topics;
`python -m macros sources --shared ../shared` checks the playbook against the source documents."""

import argparse
import sys
from pathlib import Path

from .coverage import report
from .playbook import load
from .problems import DataError
from .sources import run_checks


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("command", choices=["check", "coverage", "sources"])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: .)")
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="the folder with SEED_MAP.md and the seeds, for `sources` (default: ../shared)")
    args = parser.parse_args(argv)
    try:
        book = load(args.root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"playbook_data/ is valid: {len(book.items)} items, {len(book.topics)} topics")
    elif args.command == "coverage":
        print(report(book))
    else:
        return sources(book, args.shared)
    return 0


def sources(book, shared: Path) -> int:
    """Run every check against the source documents; print each one's outcome; 1 if any failed."""
    if not (shared / "SEED_MAP.md").is_file():
        print(f"{shared}/SEED_MAP.md not found; expected --shared to name the folder of the source documents",
              file=sys.stderr)
        return 1
    failed = 0
    for name, problems in run_checks(book, shared).items():
        print(f"{'ok  ' if not problems else 'FAIL'} {name}")
        for problem in problems:
            print(f"  {problem}")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
