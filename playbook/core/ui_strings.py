"""The UI strings the templates and macros use, so `python -m playbook check` finds one missing from
strings.yml before the build does (where it would stop with a KeyError)."""

import re
from pathlib import Path

from playbook import features
from playbook.core.problems import Problem

PACKAGE = Path(__file__).parent.parent
CODE = [*sorted(PACKAGE.glob("*/templates/*.html")), *sorted(set(PACKAGE.rglob("*.py")) - {Path(__file__)}),
        *sorted((PACKAGE.parent / "calculators").rglob("*.py"))]
# A literal key: ui('objectives') in a template; ui("x"), _ui(book, "x", …), book.t("x"), ui["x"] in Python
LITERAL = re.compile(r"""\b(?:ui|_ui\([^,()]+,|\.t)\(\s*["']([a-z][a-z0-9-]*)["']|\bui\[["']([a-z][a-z0-9-]*)["']\]""")


def used_keys() -> dict[str, str]:
    """Each UI string key the code names → the first file naming it (relative to the project)."""
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
