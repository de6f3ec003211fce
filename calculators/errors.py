"""Checked input: every bad value becomes one sentence a salesperson can act on."""

import inspect
import math
import re


class InputError(ValueError):
    """A value the calculator cannot use; the message says which value and what is expected."""


# "1,234.5" (thousands separators) and a leading currency sign are accepted; anything else is text.
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_CURRENCY = "¥￥$"


def number(value, name: str, *, minimum=None, below=None, whole=False) -> float:
    """`value` as a finite number, or InputError naming `name`; bounds are checked when given."""
    result = _parse(value, name)
    if whole and result != int(result):
        raise InputError(f'{name} {_show(value)} is not a whole number')
    if minimum is not None and result < minimum:
        what = "negative" if minimum == 0 else f"below {_fmt(minimum)}"
        raise InputError(f"{name} {_show(value)} is {what}; expected at least {_fmt(minimum)}")
    if below is not None and result >= below:
        raise InputError(f"{name} {_show(value)} must be below {_fmt(below)}")
    return int(result) if whole else result


def _parse(value, name: str) -> float:
    # The common case first and fast: a plain number or plain numeric text.
    kind = type(value)
    if kind is float or kind is int:
        result = float(value)
    elif kind is str and "_" not in value:
        try:
            result = float(value)
        except ValueError:
            result = _parse_text(value, name)
    elif value is None or kind is bool:
        raise InputError(f"{name} is {'empty' if value is None else 'a yes/no value'}; expected a number")
    else:
        result = _parse_text(str(value), name)
    if math.isnan(result):
        raise InputError(f"{name} {_show(value)} is not a number")
    if math.isinf(result):
        raise InputError(f"{name} {_show(value)} is infinite; expected a finite number")
    return result


def _parse_text(value: str, name: str) -> float:
    # Thousands separators and a leading currency sign are what Excel users type; nothing else is.
    text = value.strip().lstrip(_CURRENCY).strip()
    if not text:
        raise InputError(f"{name} is empty; expected a number")
    if _THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if "_" not in text:
        try:
            return float(text)
        except ValueError:
            pass
    raise InputError(f"{name} {_show(value)} is not a number")


def rate(value, name: str) -> float:
    """A rate given as a fraction (0.8) in [0, 1]."""
    result = number(value, name, minimum=0)
    if result > 1:
        raise InputError(f"{name} {_show(value)} is above 1; expected a fraction such as 0.8 for 80%")
    return result


def number_list(values, name: str, **bounds) -> list:
    if not isinstance(values, (list, tuple)):
        raise InputError(f"{name} is not a list; expected a list of numbers")
    return [number(v, f"{name}[{i + 1}]", **bounds) for i, v in enumerate(values)]


def _show(value) -> str:
    return f'"{value}"' if isinstance(value, str) else _fmt(value)


def _fmt(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def call(function, inputs: dict, what: str):
    """`function(**inputs)`, saying which input is unknown or missing instead of a TypeError."""
    params = {k: p for k, p in inspect.signature(function).parameters.items() if p.kind != p.VAR_KEYWORD}
    open_ended = len(params) < len(inspect.signature(function).parameters)
    unknown = [k for k in inputs if k not in params]
    if unknown and not open_ended:
        raise InputError(f"{what}: unknown input '{unknown[0]}'; expected some of: {', '.join(params)}")
    missing = [k for k, p in params.items() if p.default is p.empty and k not in inputs]
    if missing:
        raise InputError(f"{what}: input '{missing[0]}' is missing")
    return function(**inputs)
