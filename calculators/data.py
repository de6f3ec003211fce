"""Where the calculators' YAML lives and how it is read: scorecards and calculator defaults, by the reader the
site's loader uses (playbook/core/reading.py, no MkDocs), so a problem reads `file:line: what; expected what`."""

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from playbook.core.problems import DataError
from playbook.core.reading import read_model as read_file

from .errors import InputError
from .scorecard import Scorecard
from .settings import CalculatorSettings

DATA = Path(__file__).resolve().parent.parent / "playbook_data"
SCORECARDS = DATA / "scorecards"
SETTINGS = DATA / "calculators"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: 50× faster
# The models a caller has validated already (the site's one loader, playbook/core/loading.py), by file name:
# {"calculators": {"clv": CalculatorSettings}, "scorecards": {"dealer": Scorecard}}. What is not there is read here.
_given: dict = {"calculators": {}, "scorecards": {}}


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


@lru_cache(maxsize=None)
def ui_strings() -> dict:
    """The UI strings of playbook_data/strings.yml, {key: {zh, en}}: the workbooks' labels."""
    try:
        return yaml.load((DATA / "strings.yml").read_text(encoding="utf-8"), Loader=_LOADER)["strings"]
    except (OSError, yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError) as error:
        raise InputError(f"{DATA / 'strings.yml'}: cannot be read ({error}); run `make check`") from None


def scorecard_names() -> list[str]:
    return sorted(_given["scorecards"] or (p.stem for p in SCORECARDS.glob("*.yml")))


def _builtin_scorecard(name: str) -> Scorecard:
    return _given["scorecards"].get(name) or _read_scorecard(name)


@lru_cache(maxsize=None)
def _read_scorecard(name: str) -> Scorecard:
    return read_model(SCORECARDS / f"{name}.yml", Scorecard)


def load_scorecard(spec) -> Scorecard:
    """A built-in scorecard by name, the user's own file by path, or a mapping (vectors, browser)."""
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
    return read_model(SETTINGS / f"{calculator}.yml", CalculatorSettings)


def use_loaded(models: dict) -> None:
    """Take the calculators' models from a loader that validated them (`{"calculators": {name: model},
    "scorecards": {name: model}}`, mappings whose lookups the site may note), forgetting what was read before:
    the site hands over its playbook's on every (re)load, so the calculators compute with the very models the
    build checked."""
    _given.update({folder: models.get(folder) or {} for folder in _given})
    _read_settings.cache_clear()
    _read_scorecard.cache_clear()
    ui_strings.cache_clear()
