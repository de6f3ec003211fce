"""One data file read for the author: its text, its YAML and its model, every problem as
`file:line: what is wrong; expected what`. The one loader (book.py) reads each file of playbook_data/ with it, and
the calculators' command line reads a calculator's settings, a scorecard and the user's own files with it. No
MkDocs here (tests/calculators/test_calc_data.py): only the YAML reader and the problems."""

from pathlib import Path

from pydantic import BaseModel, ValidationError

from playbook.core.problems import Problem, validation_problems
from playbook.core.yaml_source import YamlSource, read_yaml


def read_text(file: Path, path: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problem that keeps it from being read: a folder, not UTF-8, unreadable."""
    if file.is_dir():
        return None, [Problem(path, 1, "this is a folder named like a data file; expected a YAML file")]
    try:
        raw = file.read_bytes()
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(path, line, f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read); "
                                          "expected the file saved as UTF-8")]
    except OSError as error:
        return None, [Problem(path, 1, f"the file cannot be read ({error.strerror}); expected a readable file")]


def validated(source: YamlSource, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """The model of `source`'s data, or None and every problem with its line."""
    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        return None, validation_problems(source, model, error)


def read_model(file: Path, path: str, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """The validated model of one file, shown in messages as `path`, and the problems found (a model may come with
    problems: a key written twice)."""
    text, problems = read_text(file, path)
    source, found = read_yaml(path, text) if text is not None else (None, [])
    if source is None:
        return None, problems + found
    result, invalid = validated(source, model)
    return result, found + invalid
