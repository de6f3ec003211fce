"""`python -m playbook check` validates playbook_data/ (`--review`: what is due for review); `python -m playbook
coverage` reports topics; `python -m playbook sources --shared ../shared` checks the playbook against the source
documents; `python -m playbook translations [--refresh ID…]` lists or records which Chinese each English follows."""

import argparse
import datetime
import sys
from pathlib import Path

from playbook.core.book import load_for_command
from playbook.upkeep.coverage import report
from playbook.upkeep.freshness import stale
from playbook.upkeep.review import due_lines, today
from playbook.upkeep.sources import run_checks
from playbook.upkeep.translations import refresh, stale_lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m playbook", description=__doc__)
    parser.add_argument("command", choices=["check", "coverage", "sources", "translations"])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: .)")
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="the folder with SEED_MAP.md and the seeds, for `sources` (default: ../shared)")
    parser.add_argument("--review", action="store_true", help="with `check`: list what is due for review, by date")
    parser.add_argument("--strict-review", action="store_true", help="with `check`: exit 1 when anything is due")
    parser.add_argument("--today", type=datetime.date.fromisoformat, help="the day to compare review dates with, YYYY-MM-DD (default: $PLAYBOOK_TODAY, "
                                        "else the day of $SOURCE_DATE_EPOCH, else today)")
    parser.add_argument("--refresh", nargs="*", metavar="ID",
                        help="with `translations`: record the Chinese these items' English now follows")
    args = parser.parse_args(argv)
    book = load_for_command(args.root)
    if book is None:
        return 1
    if args.command == "check":
        print(f"playbook_data/ is valid: {len(book.items)} items, {len(book.topics)} topics")
        return check_upkeep(book, args)
    if args.command == "translations":
        return translations(book, args.refresh)
    if args.command == "coverage":
        print(report(book))
    else:
        return sources(book, args.shared)
    return 0


def check_upkeep(book, args) -> int:
    """Translations that may lag (always warnings); with --review or --strict-review, what is due for review."""
    for path, line, message in stale_lines(book):
        print(f"{path}:{line}: warning: {message}")
    if not (args.review or args.strict_review):
        return 0
    day = today(args.today)
    due = due_lines(book, day)
    level = "error" if args.strict_review else "warning"
    for path, line, message in due:
        print(f"{path}:{line}: {level}: {message}")
    print(f"{len(due)} item{'s' * (len(due) != 1)} due for review on {day}")
    return 1 if args.strict_review and due else 0


def translations(book, ids: list[str] | None) -> int:
    """Without --refresh, the items whose English may lag; with it, record the given items' Chinese (with no ids,
    of every item listed)."""
    if ids is None:
        lines = stale_lines(book)
        for path, line, message in lines:
            print(f"{path}:{line}: {message}")
        print(f"{len(lines)} translation{'s' * (len(lines) != 1)} to check")
        return 0
    said = refresh(book, ids or [stale_id for stale_id in stale(book)])
    print("\n".join(said))
    return 1 if any(line.startswith("unknown id") for line in said) else 0


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
