"""The UI strings: playbook_data/strings.yml, and those a feature keeps beside its code (a calculator's own, in
calculators/<name>/strings.yml), read by the one reader into one mapping; and the keys the templates and macros
use, so `python -m playbook check` finds one missing before the build does (where it would stop with a KeyError)."""

import functools
import re
from pathlib import Path

from playbook import features
from playbook.core.problems import Problem
from playbook.core.reading import read_text, validated
from playbook.core.yaml_source import read_yaml

PACKAGE = Path(__file__).parent.parent
CODE = [*sorted(PACKAGE.glob("*/templates/*.html")), *sorted(set(PACKAGE.rglob("*.py")) - {Path(__file__)}),
        *sorted((PACKAGE.parent / "calculators").rglob("*.py"))]
# A literal key: ui('objectives') in a template; ui("x"), _ui(book, "x", …), book.t("x"), ui["x"] in Python
LITERAL = re.compile(r"""\b(?:ui|_ui\([^,()]+,|\.t)\(\s*["']([a-z][a-z0-9-]*)["']|\bui\[["']([a-z][a-z0-9-]*)["']\]""")


def used_keys() -> dict[str, str]:
    """Each UI string key the code names → the first file naming it (relative to the project)."""
    return _used_keys(tuple((file.stat().st_mtime_ns, file.stat().st_size) for file in CODE))


@functools.lru_cache(maxsize=1)
def _used_keys(_versions: tuple) -> dict[str, str]:
    """used_keys(), read again only when a file of the code changed (`_versions`): every build and every check of a
    project asks, and reading the code is 200 files."""
    used = {}
    for file in CODE:
        for match in LITERAL.finditer(file.read_text(encoding="utf-8")):
            if not (match[1] or match[2]).endswith("-"):  # a prefix: its family is in FAMILIES, or unknowable
                used.setdefault(match[1] or match[2], file.relative_to(PACKAGE.parent).as_posix())
    # Keys made from a prefix and a value the schema fixes: ui('course-kind-' ~ row.block.kind), each feature's
    # UI_FAMILIES (in its macros.py)
    for part in features.parts("macros"):
        for prefix, values in getattr(part, "UI_FAMILIES", {}).items():
            for value in values:
                used.setdefault(prefix + value, part.__name__.replace(".", "/") + ".py")
    return used


def missing_strings(strings: dict, path: str) -> list[Problem]:
    return [Problem(path, 1, f"UI string '{key}' is missing (used in {where}); expected "
                             f"{key}: {{zh: …, en: …}} under strings")
            for key, where in sorted(used_keys().items()) if key not in strings]


def strings_files(root: Path) -> list[tuple[str, Path]]:
    """The files of UI strings a feature keeps beside its code in the project at `root`, (path shown in messages,
    file): each feature's `strings_files(root)` in its schema.py (a calculator's calculators/<name>/strings.yml)."""
    return [pair for part in features.parts("schema") if hasattr(part, "strings_files")
            for pair in part.strings_files(root)]


def add_strings(strings: dict, kept_in: str, files: list[tuple[str, Path]]) -> list[Problem]:
    """Add to `strings` (read from `kept_in`) the strings of each of `files`, read and checked as strings.yml is;
    a key kept already is a problem at its line."""
    problems, first = [], dict.fromkeys(strings, kept_in)
    for shown, file in files:
        model, source, found = _read_strings(file, shown)
        problems += found
        for key, text in model.strings.items() if model else ():
            if key in first:
                problems.append(Problem(shown, source.line_of(("strings", key), key=True),
                                        f"UI string '{key}' is kept twice (also in {first[key]}); expected it in one file"))
            else:
                first[key], strings[key] = shown, text
    return problems


def _read_strings(file: Path, shown: str) -> tuple:
    from playbook.core.schema.taxonomy import StringsFile  # the schema imports every feature's: only when asked

    text, problems = read_text(file, shown)
    source, found = read_yaml(shown, text) if text is not None else (None, [])
    model, invalid = validated(source, StringsFile) if source is not None else (None, [])
    return model, source, problems + found + invalid
