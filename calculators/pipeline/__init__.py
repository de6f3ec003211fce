"""Weighted pipeline forecast: Σ amount × stage probability, per stage, salesperson and region.

Stage probabilities come from playbook_data/calculators/pipeline.yml (won 1, lost 0) unless the
caller passes its own {stage: probability}. The roll-up is bottom-up: each deal's weighted amount
adds to its stage, its salesperson and its region, and all of them to the total.
"""

from ..data import settings
from ..errors import InputError, call, fail, number, rate

NONE = "(none)"


class Stages:
    """Stage lookup by key, Chinese or English title, or alias (case-insensitive)."""

    def __init__(self, probabilities=None):
        stages = settings("pipeline").stages
        self.probability = {s.key: s.probability for s in stages}
        if probabilities is not None:
            if not isinstance(probabilities, dict):
                raise InputError("probabilities is not a mapping; expected {stage: probability}")
            self.probability = {str(k): rate(v, f"probability of stage '{k}'") for k, v in probabilities.items()}
        self.names = {k.lower(): k for k in self.probability}
        for s in stages:
            for name in (s.title.zh, s.title.en, *s.aliases):
                self.names.setdefault(name.strip().lower(), s.key)

    def key(self, value, name: str = "stage") -> str:
        found = self.names.get(str(value or "").strip().lower())
        if found not in self.probability:
            stages = ", ".join(self.probability)
            if not str(value or "").strip():
                fail("empty-stage", name=name, stages=stages)
            fail("unknown-stage", name=name, shown=f'"{value}"', stages=stages)
        return found


class Rollup:
    """Sums fed one deal at a time (the command line streams a file through it)."""

    def __init__(self, stages: Stages):
        self.stages = stages
        self.total = _empty()
        self.by = {"stage": {k: _empty() for k in stages.probability}, "salesperson": {}, "region": {}}

    def add(self, amount: float, stage: str, salesperson: str = "", region: str = "") -> float:
        weighted = amount * self.stages.probability[stage]
        for group, key in (("stage", stage), ("salesperson", salesperson or NONE), ("region", region or NONE)):
            _add(self.by[group].setdefault(key, _empty()), amount, weighted)
        _add(self.total, amount, weighted)
        return weighted

    def result(self) -> dict:
        return {"total": self.total, "by_stage": self.by["stage"],
                "by_salesperson": self.by["salesperson"], "by_region": self.by["region"]}


def _empty() -> dict:
    return {"deals": 0, "amount": 0.0, "weighted": 0.0}


def _add(bucket: dict, amount: float, weighted: float):
    bucket["deals"] += 1
    bucket["amount"] += amount
    bucket["weighted"] += weighted


def forecast(deals, probabilities=None) -> dict:
    if not isinstance(deals, list):
        raise InputError("deals is not a list; expected a list of {amount, stage, salesperson, region}")
    rollup = Rollup(Stages(probabilities))
    weighted = []
    for i, deal in enumerate(deals, start=1):
        amount = number(deal.get("amount"), f"deal {i}: amount", minimum=0)
        stage = rollup.stages.key(deal.get("stage"), f"deal {i}: stage")
        weighted.append(rollup.add(amount, stage, str(deal.get("salesperson") or ""),
                                   str(deal.get("region") or "")))
    return {**rollup.result(), "weighted": weighted}


def calculate(inputs: dict) -> dict:
    """Registry entry: {"deals": [...], "probabilities": {...}}."""
    return call(forecast, inputs, "pipeline")
