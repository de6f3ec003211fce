"""All of playbook_data/, loaded once, validated, and indexed by id."""

import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path

from playbook import features
from playbook.core import reads
from playbook.core.caching import caching
from playbook.core.problems import DataError, Problem
from playbook.core.reads import Recorded
from playbook.core.schema import TOP_LEVEL, folders, kind_of
from playbook.core.schema.taxonomy import RolesFile, StagesFile, StringsFile, TopicsFile
from playbook.core.ui_strings import add_strings, missing_strings, strings_files
from playbook.core.reading import read_text, validated
from playbook.core.yaml_source import YamlSource, read_yaml

DATA_DIR = "playbook_data"


@dataclass(frozen=True)
class Located:
    """An item with the file and path it was read from, for messages and citations."""

    item: object
    source: YamlSource
    path: tuple

    @property
    def where(self) -> str:
        return f"{self.source.path}:{self.source.line_of(self.path + ('id',))}"


@dataclass
class Playbook:
    root: Path
    files: dict = field(default_factory=lambda: Recorded("files"))  # file name → validated model
    items: dict = field(default_factory=lambda: Recorded("items"))  # id → Located (reads.py: what a page read)
    topics: dict = field(default_factory=lambda: Recorded("topics", by_value=True))  # topic id → Topic
    areas: dict = field(default_factory=lambda: Recorded("areas", by_value=True))
    roles: dict = field(default_factory=lambda: Recorded("roles", by_value=True))
    stages: dict = field(default_factory=lambda: Recorded("stages", by_value=True))
    strings: dict = field(default_factory=lambda: Recorded("strings", by_value=True))
    seeds: dict = field(default_factory=lambda: Recorded("seeds", by_value=True))
    invalid_ids: set = field(default_factory=set)  # ids of files that failed: no second error for them

    def get(self, kind: str, item_id: str):
        """The item of `kind` with `item_id`; KeyError with the known ids when there is none."""
        located = self.items.get(item_id)
        if located is None or kind_of().get(type(located.item)) != kind:
            known = ", ".join(sorted(self.ids(kind))) or "none yet"
            raise KeyError(f"unknown {kind} id '{item_id}'; expected one of: {known}")
        return located.item

    def kind_of(self, item_id: str) -> str | None:
        located = self.items.get(item_id)
        return kind_of().get(type(located.item)) if located else None

    def ids(self, kind: str) -> list[str]:
        found = self.ids_quietly(kind)
        reads.kind(kind, [(i, dict.get(self.items, i).item) for i in found])
        return found

    def ids_quietly(self, kind: str) -> list[str]:
        return [i for i, loc in dict.items(self.items) if kind_of().get(type(loc.item)) == kind]

    def of_kind(self, kind: str) -> list:
        return [self.items[i].item for i in self.ids(kind)]


def load(root: Path) -> Playbook:
    """Read, validate and cross-check every file; raise DataError listing every problem."""
    book, problems, sources = Playbook(root), [], []
    data_dir = root / DATA_DIR
    for file in sorted(data_dir.rglob("*.yml")) + sorted(data_dir.rglob("*.yaml")):
        name = file.relative_to(data_dir).as_posix()
        text, found = read_text(file, f"{DATA_DIR}/{name}")
        problems += found
        if text is None:
            continue
        source, model, found, invalid_id = _parsed(name, text)
        problems += found
        if model is not None:
            book.files[name] = model
            sources.append((source, model))
        elif invalid_id:
            book.invalid_ids.add(invalid_id)
    _index(book, sources, problems)
    _missing_top_level(book, problems)
    unread = add_strings(book.strings, f"{DATA_DIR}/strings.yml", strings_files(root))
    problems += unread
    if "strings.yml" in book.files and not unread:  # a broken strings file is one problem, not one per key
        problems += missing_strings(book.strings, f"{DATA_DIR}/strings.yml")
    if problems:
        raise DataError(problems)
    return book


def load_for_command(root: Path) -> Playbook | None:
    """The validated playbook for a command line, or None once every problem is printed to stderr."""
    try:
        return load(root)
    except DataError as error:
        print(error, file=sys.stderr)
        return None


# A file's name and text → what _parse_file made of them, whatever the project: `mkdocs serve` parses and
# validates again only the files whose text changed, and a copy of the project (the tests' overlays) only the
# files it changed. PLAYBOOK_CACHE=off turns every cache of a rebuild off, for the benchmark.
def _parsed(name: str, text: str) -> tuple:
    return _parse_cached(name, text) if caching() else _parse_file(name, text)


@functools.lru_cache(maxsize=2048)  # a few copies of the playbook's 333 files
def _parse_cached(name: str, text: str) -> tuple:
    return _parse_file(name, text)


def _parse_file(name: str, text: str) -> tuple:
    """(source, validated model or None, problems, id of a file that failed validation or None)."""
    source, problems = read_yaml(f"{DATA_DIR}/{name}", text)
    model = _model_for(name, source, problems)
    if source is None or model is None:
        return source, None, problems, None
    result, invalid = validated(source, model)
    if result is not None:
        return source, result, problems, None
    failed = isinstance(source.data, dict) and isinstance(source.data.get("id"), str)
    return source, None, problems + invalid, source.data["id"] if failed else None


def _model_for(name: str, source, problems: list):
    if name in TOP_LEVEL:
        return TOP_LEVEL[name]
    folder = name.split("/")[0] if "/" in name else None
    if folder in folders() and name.count("/") == 1:
        return folders()[folder]
    path = f"{DATA_DIR}/{name}"
    known = ", ".join([f"{f}/" for f in folders()] + list(TOP_LEVEL))
    problems.append(Problem(path, 1, f"no kind of data is kept here; expected a file in one of: {known}"))
    return None


def _missing_top_level(book: Playbook, problems: list):
    for name in TOP_LEVEL:
        if name not in book.files and not any(p.path == f"{DATA_DIR}/{name}" for p in problems):
            problems.append(Problem(f"{DATA_DIR}/{name}", 1, f"the file is missing; expected {name}"))


def _index(book: Playbook, sources: list, problems: list):
    """Fill the lookups, then check what spans files: unique ids, topics, roles, references."""
    for source, model in sources:
        _index_taxonomy(book, model)
    for source, model in sources:
        for path, item in model.located_items():
            if item.id in book.items:
                problems.append(_used_twice(book, source, path, item))
            else:
                book.items[item.id] = Located(item, source, path)
    for source, model in sources:
        problems += _cross_references(book, source, model)


def _used_twice(book: Playbook, source: YamlSource, path: tuple, item) -> Problem:
    first = book.items[item.id].where
    return Problem(source.path, source.line_of(path + ("id",)),
                   f"id '{item.id}' is used twice; expected a unique id (first used at {first})")


def check_file(book: Playbook, name: str, text: str) -> list[Problem]:
    """What `load` would report of one more file `name` (such as 'courses/x.yml') beside the loaded `book`: the
    same reading, schema and cross-file checks, without reading the rest again (the course composer's tests)."""
    source, problems = read_yaml(f"{DATA_DIR}/{name}", text)
    model = _model_for(name, source, problems) if source else None
    if model is None:
        return problems
    result, invalid = validated(source, model)
    if result is None:
        return problems + invalid
    problems += [_used_twice(book, source, path, item)
                 for path, item in result.located_items() if item.id in book.items]
    return problems + _cross_references(book, source, result)


def _index_taxonomy(book: Playbook, model):
    if isinstance(model, TopicsFile):
        book.seeds.update((seed.prefix, seed) for seed in model.seeds)
        book.areas.update((area.id, area) for area in model.areas)
        book.topics.update((topic.id, topic) for area in model.areas for topic in area.topics)
    elif isinstance(model, RolesFile):
        book.roles.update((role.id, role) for role in model.roles)
    elif isinstance(model, StagesFile):
        book.stages.update((stage.id, stage) for stage in model.stages)
    elif isinstance(model, StringsFile):
        book.strings.update(model.strings)


def _cross_references(book: Playbook, source: YamlSource, model) -> list[Problem]:
    def unknown(path, what, value, known, home):
        expected = f"one of: {', '.join(sorted(known))}" if 0 < len(known) <= 12 else f"an id from {home}"
        return Problem(source.path, source.line_of(path), f"unknown {what} '{value}'; expected {expected}")

    # A shared file that failed (roles, stages, topics) is reported once, not as an unknown id everywhere
    valid = {name: name in book.files for name in ("topics.yml", "roles.yml", "stages.yml")}
    found = []
    for path, item in model.located_items():
        for index, topic in enumerate(item.covers):
            if valid["topics.yml"] and topic not in book.topics:
                found.append(unknown(path + ("covers", index), "topic id", topic, book.topics,
                                     "playbook_data/topics.yml"))
        for index, role in enumerate(getattr(item, "roles", [])):
            if valid["roles.yml"] and role not in book.roles:
                found.append(unknown(path + ("roles", index), "role", role, book.roles,
                                     "playbook_data/roles.yml"))
    for path, kind, target in model.references():
        located = book.items.get(target)
        if target in book.invalid_ids:
            continue
        if located is None or kind_of().get(type(located.item)) != kind:
            found.append(unknown(path, f"{kind} id", target, book.ids(kind), f"playbook_data/{kind}s/"))
    # Each feature's own checks (its checks.py: CHECKS)
    return found + [problem for part in features.parts("checks") for check in part.CHECKS
                    for problem in check(book, source, model)]

