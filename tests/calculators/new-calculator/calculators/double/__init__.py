"""Twice x, times the factor of its settings."""

from ..data import settings
from ..errors import number


def calculate(inputs: dict) -> dict:
    return {"twice": 2 * number(inputs.get("x"), "x") * settings("double").value("factor")}
