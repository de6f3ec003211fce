"""Where the calculators' YAML lives and how it is read: scorecards and calculator defaults, by the reader the
site's loader uses (playbook/core/reading.py, no MkDocs), so a problem reads `file:line: what; expected what`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from playbook.core.problems import DataError
from playbook.core.reading import read_model as read_file

from .errors import InputError
from .registry import CALCULATORS, folder

if TYPE_CHECKING:
    from .scorecard import Scorecard
    from .settings import CalculatorSettings

DATA = Path(__file__).resolve().parent.parent / "playbook_data"
SCORECARDS = DATA / "scorecards"
SETTINGS = DATA / "calculators"
# The models a caller has validated already (the site's one loader, playbook/core/loading.py), by file name:
# {"calculators": {"clv": CalculatorSettings}, "scorecards": {"dealer": Scorecard}, "strings": {key: {zh, en}}}.
# What is not there is read here.
_given: dict = {"calculators": {}, "scorecards": {}, "strings": {}}


def read_model(path: Path, model: type[BaseModel]):
    """Read and validate one YAML file; DataError lists every problem, sorted, each with its line."""
    inside = path.resolve().is_relative_to(DATA)
    shown = path.resolve().relative_to(DATA.parent).as_posix() if inside else str(path)
    result, problems = read_file(path, shown, model)
    if problems:
        raise DataError(problems, "playbook_data/" if inside else shown)
    return result


def validate(data, model: type[BaseModel], where: str):
    try:
        return model.model_validate(data)
    except ValidationError as error:
        lines = [f"{'.'.join(str(p) for p in e['loc']) or 'the file'}: {e['msg']}" for e in error.errors()]
        raise InputError(f"{where}: " + "; ".join(lines)) from None


def strings_files(root: Path = DATA.parent) -> list[tuple[str, Path]]:
    """Each calculator's own UI strings, (path shown in messages, file): calculators/<name>/strings.yml of the
    project at `root`, or of this package when that project has no calculators/ (a test's small copy)."""
    base = root / "calculators" if (root / "calculators").is_dir() else folder(CALCULATORS[0]).parent
    files = [(f"calculators/{folder(name).name}/strings.yml", base / folder(name).name / "strings.yml")
             for name in CALCULATORS]
    return [(shown, file) for shown, file in files if file.is_file()]


@lru_cache(maxsize=None)
def ui_strings() -> dict:
    """The UI strings, {key: {zh, en}}: the workbooks' labels. The site's loader hands over those it validated;
    else playbook_data/strings.yml and each calculator's are read as it reads them (DataError: every problem)."""
    from playbook.core.schema.taxonomy import StringsFile  # only a workbook needs them: the files' runs import neither
    from playbook.core.ui_strings import add_strings

    strings = _given["strings"]
    if not strings:
        strings = dict(read_model(DATA / "strings.yml", StringsFile).strings)
        problems = add_strings(strings, "playbook_data/strings.yml", strings_files())
        if problems:
            raise DataError(problems, "calculators/")
    return {key: text.model_dump() for key, text in strings.items()}  # plain {zh, en}: a cache key hashes them


def scorecard_names() -> list[str]:
    return sorted(_given["scorecards"] or (p.stem for p in SCORECARDS.glob("*.yml")))


def _builtin_scorecard(name: str) -> Scorecard:
    return _given["scorecards"].get(name) or _read_scorecard(name)


@lru_cache(maxsize=None)
def _read_scorecard(name: str) -> Scorecard:
    from .scorecard import Scorecard  # see load_scorecard

    return read_model(SCORECARDS / f"{name}.yml", Scorecard)


def load_scorecard(spec) -> Scorecard:
    """A built-in scorecard by name, the user's own file by path, or a mapping (vectors, browser)."""
    from .scorecard import Scorecard  # its 4 models are no part of abc, rfm or pipeline: 8–14 ms of CPU

    if isinstance(spec, Scorecard):
        return spec
    if isinstance(spec, dict):
        return validate(spec, Scorecard, "scorecard")
    if not isinstance(spec, str) or not spec:
        raise InputError("scorecard is missing; expected a scorecard name or a .yml file")
    if spec in scorecard_names():
        return _builtin_scorecard(spec)
    path = Path(spec)
    if path.suffix in (".yml", ".yaml") and path.exists():
        return read_model(path, Scorecard)
    raise InputError(f"unknown scorecard '{spec}'; expected one of: {', '.join(scorecard_names())}, "
                     "or the path of your own .yml file")


def settings(calculator: str) -> CalculatorSettings:
    """The defaults of one calculator, from playbook_data/calculators/<calculator>.yml."""
    return _given["calculators"].get(calculator) or _read_settings(calculator)


@lru_cache(maxsize=None)
def _read_settings(calculator: str) -> CalculatorSettings:
    from .settings import CalculatorSettings  # its 7 models are no part of score: 14–25 ms of CPU

    return read_model(SETTINGS / f"{calculator}.yml", CalculatorSettings)


def use_loaded(models: dict) -> None:
    """Take the calculators' models from a loader that validated them (`{"calculators": {name: model},
    "scorecards": {name: model}, "strings": {key: text}}`, mappings whose lookups the site may note), forgetting
    what was read before: the site hands over its playbook's on every (re)load, so the calculators compute with the
    very models the build checked."""
    _given.update({kind: models.get(kind) or {} for kind in _given})
    _read_settings.cache_clear()
    _read_scorecard.cache_clear()
    ui_strings.cache_clear()
