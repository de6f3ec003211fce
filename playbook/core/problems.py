"""Problems in the data, said for the author: `file:line: what is wrong; expected what`."""

import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel, RootModel, ValidationError


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, sorted, so the author can fix them all in one go."""

    def __init__(self, problems: list[Problem], where: str = "playbook_data/"):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{count} problem{'s' * (count != 1)} in {where}:\n{lines}")


def explain(error: dict, model: type[BaseModel]) -> str:
    """One pydantic error as a sentence naming the field, what is wrong and what was expected."""
    loc, kind = error["loc"], error["type"]
    where = dotted(loc) or "the file"
    if kind == "missing":
        return f"{where} is missing; expected {expectation(model, loc)}"
    if kind == "extra_forbidden":
        allowed = ", ".join(allowed_keys(model, loc[:-1]))
        return f"unknown key '{loc[-1]}' in {dotted(loc[:-1]) or 'the file'}; expected one of: {allowed}"
    if kind in ("value_error", "assertion_error"):
        return f"{where}: {error['ctx']['error']}"
    if kind == "finite_number":
        return f"{where} is {shown(error['input'])}; expected a finite number"
    if kind == "too_short" and isinstance(error["input"], (list, dict)):
        count = len(error["input"])
        return f"{where} {f'has only {count}' if count else 'is empty'}; expected {expectation(model, loc)}"
    return f"{where} is {shown(error['input'])}; expected {expectation(model, loc)}"


def validation_problems(source, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    problems = []
    for e in error.errors():
        # A whole-item check names the field at fault (calculators.models.FieldError): report it there
        e = {**e, "loc": tuple(e["loc"]) + getattr(e.get("ctx", {}).get("error"), "path", ())}
        # An unknown key is reported on its own line, not on its value's first line
        line = source.line_of(e["loc"], key=e["type"] == "extra_forbidden")
        problems.append(Problem(source.path, line, explain(e, model)))
    return problems


def dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def shown(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return cut(repr(value)) if value.strip() else "blank"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return cut(repr(value))


def cut(text: str, limit: int = 80) -> str:
    """A value as shown in a message: at most `limit` characters, a long one cut with '…'."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def expectation(model: type[BaseModel], loc: tuple) -> str:
    """The field's own description at `loc`, or a plain name for its type."""
    info, annotation = field_at(model, loc)
    if info is not None and info.description and not (loc and isinstance(loc[-1], int)):
        return info.description
    return type_name(annotation)


def allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    _, annotation = field_at(model, loc)
    inner = _unwrap(annotation)
    return list(inner.model_fields) if _is_model(inner) else []


def field_at(model: type[BaseModel], loc: tuple):
    """Walk the model's annotations along `loc`; return (FieldInfo or None, annotation). A file that is one list
    or mapping (a RootModel) starts at its root field."""
    info, annotation = None, model
    if isinstance(model, type) and issubclass(model, RootModel):
        info = model.model_fields["root"]
        annotation = info.annotation
    for part in loc:
        annotation = _unwrap(annotation)
        if _is_model(annotation) and isinstance(part, str) and part in annotation.model_fields:
            info = annotation.model_fields[part]
            annotation = info.annotation
        elif typing.get_origin(annotation) in (list, dict):
            annotation = typing.get_args(annotation)[-1]
        else:
            return info, annotation
    return info, annotation


def type_name(annotation) -> str:
    annotation = _unwrap(annotation)
    if _is_model(annotation) and annotation.__name__ == "Text":
        return "text in both languages, {zh: …, en: …}"
    if _is_model(annotation):
        return f"a mapping with the keys {', '.join(annotation.model_fields)}"
    origin = typing.get_origin(annotation)
    if origin is list:
        return f"a list of {type_name(typing.get_args(annotation)[0])}s"
    if origin is dict:
        return "a mapping"
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(annotation))
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}.get(
        annotation, str(annotation)
    )


def _unwrap(annotation):
    # Annotated[X, …] → X; X | None → X
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
