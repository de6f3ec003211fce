"""Checked input: every bad value becomes one sentence a salesperson can act on.

Numbers are read as people type them in Chinese and English sales files: thousands separators, a
currency mark or word (¥ ￥ $ 元 RMB CNY), 万 and 亿, a percent sign, full-width digits and commas, and
accounting negatives such as (1,234.50). The browser reads them the same way (core.js); the cases
both must pass are in tests/vectors/cells/.
"""

import inspect
import math
import re

from .messages import say

# Full-width digits and marks (a Chinese input method's) to their ASCII forms.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．％（）－＋　￥", "0123456789,.%()-+ ¥")
_NUMBER = re.compile(
    r"^(?P<sign>[+-]?)\s*(?P<cur>[¥$]|RMB|CNY)?\s*(?P<sign2>[+-]?)\s*"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)"
    r"\s*(?P<unit>[万亿])?\s*(?P<tail>元|RMB|CNY|%)?$", re.IGNORECASE)
_PLACES = {"万": 4, "亿": 8, "%": -2}


class InputError(ValueError):
    """A value the calculator cannot use; the message says which value and what is expected.

    `code` and `params` name the sentence in calculators.messages, so a file run can say it in the
    user's language (`text(lang)`); without a code the English message is all there is. `lang` is the language
    of the file's header where the error knows it (a missing column)."""

    def __init__(self, message: str, code: str = None, params: dict = None, lang: str = None):
        super().__init__(message)
        self.code, self.params, self.lang = code, params or {}, lang

    def text(self, lang: str = "en") -> str:
        return say(self.code, lang, **self.params) if self.code and lang != "en" else str(self)


def fail(code: str, lang: str = None, **params):
    """Raise the catalogue's sentence `code` (English message, code and params kept; `lang` as InputError's)."""
    raise InputError(say(code, "en", **params), code, params, lang)


def number(value, name: str, *, minimum=None, below=None, whole=False, percent=False) -> float:
    """`value` as a finite number, or InputError naming `name`; bounds are checked when given.

    `percent` says the column holds percentages (22 for 22 %): a cell written "22%" then reads 22;
    elsewhere it reads as the share 0.22."""
    result = _parse(value, name, percent)
    if whole and result != int(result):
        fail("not-whole", name=name, shown=_show(value))
    if minimum is not None and result < minimum:
        fail("negative" if minimum == 0 else "below", name=name, shown=_show(value), min=_fmt(minimum))
    if below is not None and result >= below:
        fail("not-below", name=name, shown=_show(value), max=_fmt(below))
    return int(result) if whole else result


def _parse(value, name: str, percent=False) -> float:
    # The common case first and fast: a plain number or plain numeric text.
    kind = type(value)
    if kind is float or kind is int:
        result = float(value)
    elif kind is str and "_" not in value:
        try:
            result = float(value)
        except ValueError:
            result = _parse_text(value, name, percent)
    elif value is None or kind is bool:
        fail("empty" if value is None else "yes-no", name=name)
    else:
        result = _parse_text(str(value), name, percent)
    if math.isnan(result):
        fail("not-number", name=name, shown=_show(value))
    if math.isinf(result):
        fail("not-finite", name=name, shown=_show(value))
    return result


def read_text_number(text: str, percent=False):
    """A number written as people do (see the module's doc), or None when `text` is not one."""
    text = text.translate(_FULL_WIDTH).strip()
    negative = text.startswith("(") and text.endswith(")")
    match = _NUMBER.match(text[1:-1].strip() if negative else text)
    if not match or (match["sign"] and match["sign2"]) or (negative and (match["sign"] or match["sign2"])):
        return None
    tail, unit = (match["tail"] or "").upper(), match["unit"]
    if tail == "%" and (match["cur"] or unit):
        return None
    places = _PLACES.get(unit, 0) + (0 if percent or tail != "%" else -2)
    result = float(_shift(match["digits"].replace(",", ""), places))
    return -result if negative or "-" in (match["sign"] + match["sign2"]) else result


def _shift(digits: str, places: int) -> str:
    """The decimal text `digits` × 10**places, moved in the text (exact, as the browser does it)."""
    whole, _, frac = digits.partition(".")
    if places >= 0:
        frac = frac.ljust(places, "0")
        return (whole or "0") + frac[:places] + "." + frac[places:]
    whole = whole.rjust(1 - places, "0")
    return whole[:places] + "." + whole[places:] + frac


def _parse_text(value: str, name: str, percent=False) -> float:
    text = value.strip()
    if not text:
        fail("empty", name=name)
    result = None if text.lower().strip("+-") in ("nan", "inf", "infinity") else read_text_number(text, percent)
    if result is None:
        try:
            result = float(text) if "_" not in text else None
        except ValueError:
            pass
    if result is None:
        fail("not-number", name=name, shown=_show(value))
    return result


def rate(value, name: str) -> float:
    """A rate given as a fraction (0.8) in [0, 1]."""
    result = number(value, name, minimum=0)
    if result > 1:
        fail("above-one", name=name, shown=_show(value))
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
