"""python -m playbook.progress.roster SLIP… -o roster.xlsx: merge learners' completion slips into one table.

Each slip is validated against this playbook (playbook/progress/progress.py); a malformed or foreign slip is named on
stderr with what is wrong and left out, the others are merged. Exit 1 when any slip was left out.
"""

import argparse
import sys
from pathlib import Path

from openpyxl import Workbook

from calculators.cells import safe_cell
from playbook.core.book import load_for_command
from playbook.progress.progress import passed, read_slip

HEADS = ("name", "made", "modules read", "checklists", "sheets", "course quizzes right", "cards reviewed",
         "self-checks passed")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m playbook.progress.roster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("slips", nargs="+", type=Path, help="slip files (.json, or a .txt holding PBS1:…)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .xlsx to write")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: .)")
    args = parser.parse_args(argv)
    book = load_for_command(args.root)
    if book is None:
        return 2
    slips, refused = [], 0
    for path in args.slips:
        try:
            slips.append(read_slip(str(path), path.read_text(encoding="utf-8"), book))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            refused += 1
            print(error if isinstance(error, ValueError) else f"{path}: cannot be read ({error})", file=sys.stderr)
    write(slips, book, args.output)
    print(f"{len(slips)} slips merged into {args.output}; {refused} left out. A slip is a record the learner "
          "made, not proof.", file=sys.stderr)
    return 1 if refused else 0


def write(slips: list, book, target: Path):
    """One row per learner (summary), then one sheet with a column per learner and a row per module."""
    wb = Workbook()
    summary = wb.active
    summary.title = "roster"
    summary.append(HEADS)
    for s in sorted(slips, key=lambda s: (s.name, s.made)):
        summary.append([safe_cell(s.name), s.made, len(s.modules), len(s.checklists), len(s.sheets),
                        sum(q.right for q in s.quizzes), s.cards, passed(s, book)])
    modules = wb.create_sheet("modules")
    modules.append(["module", *[safe_cell(s.name) for s in slips]])
    for module in sorted(book.of_kind("module"), key=lambda m: m.page):
        modules.append([module.title.en, *["✓" if module.id in s.modules else "" for s in slips]])
    wb.save(target)


if __name__ == "__main__":
    sys.exit(main())
