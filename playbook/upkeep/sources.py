"""Checks against the source documents, which are not in the repository: `python -m playbook sources`.

The seeds and their map live in `../shared/` beside a working copy, never in a fresh clone, so these checks
are a command of their own (`make sources`; .ci/run runs it when `../shared/` is there), not part of
`make test`. A check is a function `(book, shared) -> list[Problem]`, named in CHECKS; add one there.
"""

import re
from pathlib import Path

from playbook.core.book import DATA_DIR, Playbook
from playbook.core.problems import Problem
from playbook.upkeep.verbatim import no_verbatim_reuse

SEED_MAP = "SEED_MAP.md"
TOPICS_FILE = f"{DATA_DIR}/topics.yml"


def seed_map_topics(shared: Path) -> dict[str, int]:
    """topic id → its line in SEED_MAP.md (lines such as "- `plan.smart` SMART goals … — 002")."""
    text = (shared / SEED_MAP).read_text(encoding="utf-8")
    return {m[1]: text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"^- `([a-z0-9.-]+)`", text, re.M)}


def topics_match_the_seed_map(book: Playbook, shared: Path) -> list[Problem]:
    """topics.yml lists exactly the topic ids of SEED_MAP.md."""
    seeded = seed_map_topics(shared)
    topics_text = (book.root / TOPICS_FILE).read_text(encoding="utf-8")
    found = []
    for topic in sorted(set(book.topics) - set(seeded)):
        at = re.search(rf"\bid: {re.escape(topic)}\b", topics_text)
        line = topics_text.count("\n", 0, at.start()) + 1 if at else 1
        found.append(Problem(TOPICS_FILE, line, f"topic '{topic}' is not in {SEED_MAP}; "
                                                f"expected only the seed map's topic ids"))
    for topic in sorted(set(seeded) - set(book.topics)):
        found.append(Problem(TOPICS_FILE, 1, f"seed map topic '{topic}' ({SEED_MAP} line {seeded[topic]}) "
                                             f"is missing; expected every topic of the seed map"))
    return found


# name → check; each runs on every call of the command, in this order.
CHECKS = {
    "topics match the seed map": topics_match_the_seed_map,
    "no passage repeats 15 or more characters of a source": no_verbatim_reuse,
}


def run_checks(book: Playbook, shared: Path) -> dict[str, list[Problem]]:
    """Each check's name → the problems it found (an empty list when it passed)."""
    return {name: sorted(check(book, shared)) for name, check in CHECKS.items()}
