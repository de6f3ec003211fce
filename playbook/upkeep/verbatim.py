"""Verbatim reuse of the source documents: one of the checks of `make sources` (playbook/upkeep/sources.py).

Every text of the playbook (each YAML string in playbook_data/, each paragraph of docs/) is normalised
(Traditional to Simplified, full-width to half-width; punctuation, spaces and Latin letters dropped; a
run of one repeated character kept once, because the OCR of source 004 doubles many characters) and
compared with the normalised sources. Latin letters are dropped because the sources are Chinese: their
few English words are titles ("customer analysis") that English pages must use as terms. A passage sharing MIN_RUN or more consecutive characters with a
source fails, unless the shared run lies inside a term list of `verbatim_allow.yml` (kept with a reason).

Every MIN_RUN-character window of the sources goes into one set; a text's windows are looked up in it,
so the whole check is linear in the size of sources and texts. The longest run is then measured only
where a window was found.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc
import yaml

from playbook.core.problems import Problem
from playbook.core.yaml_source import FastLoader

MIN_RUN = 15
_REPEATS = re.compile(r"(.)\1+")
ALLOW_NAME = "playbook/upkeep/verbatim_allow.yml"
SOURCES_DIR = "seeds-clean"


@lru_cache(maxsize=1)
def _to_simplified():
    return opencc.OpenCC("t2s")


def normalise(text: str) -> str:
    """Simplified, half-width, CJK characters and digits only, each run of one character kept once."""
    text = unicodedata.normalize("NFKC", _to_simplified().convert(text))
    kept = "".join(ch for ch in text if ch.isalnum() and not ch.isascii() or ch.isdigit())
    return _REPEATS.sub(r"\1", kept)


@dataclass(frozen=True)
class Passage:
    path: str
    line: int
    text: str


@dataclass(frozen=True)
class Source:
    name: str  # the three-digit prefix, as citations name it
    text: str  # normalised


class Sources:
    """The normalised sources and the set of all their MIN_RUN-character windows."""

    def __init__(self, sources: list[Source]):
        self.sources = sources
        self.windows = {s.text[i:i + MIN_RUN] for s in sources for i in range(len(s.text) - MIN_RUN + 1)}

    @classmethod
    def from_folder(cls, folder: Path) -> "Sources":
        files = sorted(folder.glob("*.txt"))
        return cls([Source(f.name[:3], normalise(f.read_text(encoding="utf-8"))) for f in files])

    def longest_runs(self, text: str):
        """(start, run, source name) for each maximal run of `text` found in a source, MIN_RUN or longer."""
        start = 0
        while start <= len(text) - MIN_RUN:
            if text[start:start + MIN_RUN] not in self.windows:
                start += 1
                continue
            end, name = self._extend(text, start)
            yield start, text[start:end], name
            start = end - MIN_RUN + 1 if end - start > MIN_RUN else start + 1

    def _extend(self, text: str, start: int) -> tuple[int, str]:
        # grow the run one character at a time while one source still contains it
        end, name = start + MIN_RUN, ""
        for source in self.sources:
            if text[start:end] in source.text:
                name = source.name
                while end < len(text) and text[start:end + 1] in source.text:
                    end += 1
        return end, name


def passages(root: Path):
    """Every text a reader sees: YAML strings of playbook_data/ and of the calculators' own UI strings
    (calculators/<name>/strings.yml), and Markdown paragraphs of docs/."""
    for path in [*sorted((root / "playbook_data").rglob("*.yml")), *sorted((root / "calculators").glob("*/strings.yml"))]:
        rel = path.relative_to(root).as_posix()
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=FastLoader)
        yield from _scalars(rel, node)
    for path in sorted((root / "docs").rglob("*.md")):
        yield from _paragraphs(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"))


def _scalars(path: str, node):
    if isinstance(node, yaml.ScalarNode):
        yield Passage(path, node.start_mark.line + 1, node.value)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _scalars(path, child)
    elif isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _scalars(path, value)


def _paragraphs(path: str, text: str):
    first, lines = 1, []
    for number, line in enumerate(text.splitlines() + [""], start=1):
        if line.strip():
            first = first if lines else number
            lines.append(line)
        elif lines:
            yield Passage(path, first, "\n".join(lines))
            lines = []


def load_allowed(path: Path) -> tuple[dict[str, list[str]], list[Problem]]:
    """file → the normalised term lists it may share with the sources (none without the file); entries lacking a reason."""
    allowed: dict[str, list[str]] = {}
    problems = []
    if not path.is_file():
        return allowed, problems
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=FastLoader)
    for entry_node in node.value[0][1].value:
        entry = {key.value: value.value for key, value in entry_node.value}
        if not entry.get("reason", "").strip():
            problems.append(Problem(ALLOW_NAME, entry_node.start_mark.line + 1,
                                    "this entry has no reason; expected 'reason:' saying why the terms stay"))
        allowed.setdefault(entry["file"], []).append(normalise(entry["terms"]))
    return allowed, problems


def check(texts, sources: Sources, allowed: dict[str, list[str]]) -> list[Problem]:
    """A problem for each passage sharing MIN_RUN+ characters outside its file's allowed term lists."""
    problems, used = [], set()
    for passage in texts:
        for _start, run, name in sources.longest_runs(normalise(passage.text)):
            terms = [t for t in allowed.get(passage.path, []) if run in t]
            if terms:
                used.update((passage.path, t) for t in terms)
                continue
            shown = run if len(run) <= 40 else run[:40] + "…"
            problems.append(Problem(passage.path, passage.line, (
                f"shares {len(run)} consecutive characters with source {name} ({shown}); "
                f"expected at most {MIN_RUN - 1}: say it in your own words")))
    for path, terms in allowed.items():
        problems.extend(Problem(ALLOW_NAME, 1, f"the allowed terms '{t[:20]}…' of {path} match nothing; "
                                "expected every entry to be needed (remove it)")
                        for t in terms if (path, t) not in used)
    return sorted(set(problems))


def no_verbatim_reuse(book, shared: Path) -> list[Problem]:
    """The check `make sources` runs: no passage shares MIN_RUN+ characters with shared/seeds-clean/."""
    folder = shared / SOURCES_DIR
    if not any(folder.glob("*.txt")):
        return [Problem(SOURCES_DIR, 1, f"no source document (*.txt) in {folder}; expected the cleaned seeds")]
    allowed, problems = load_allowed(book.root / ALLOW_NAME)
    return problems + check(passages(book.root), Sources.from_folder(folder), allowed)
