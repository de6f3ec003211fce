"""Every calculator by name, each taking one JSON-like mapping and returning one: the interface the
test vectors (tests/vectors/), the site's worked examples and the browser widgets share."""

from . import abc, clv, complaint_cost, pipeline, rfm, scorecard, survey
from .errors import InputError

CALCULATORS = {
    "clv": clv.calculate,
    "scorecard": scorecard.calculate,
    "abc": abc.calculate,
    "rfm": rfm.calculate,
    "survey": survey.calculate,
    "pipeline": pipeline.calculate,
    "complaint-cost": complaint_cost.calculate,
}


def run(name: str, inputs: dict) -> dict:
    """The outputs of calculator `name` for `inputs`; InputError when either is wrong."""
    if name not in CALCULATORS:
        raise InputError(f"unknown calculator '{name}'; expected one of: {', '.join(CALCULATORS)}")
    if not isinstance(inputs, dict):
        raise InputError(f"{name}: the inputs are not a mapping; expected {{name: value}}")
    return CALCULATORS[name](inputs)
