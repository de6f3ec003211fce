"""Weighted scorecards: score = Σ weight × criterion score, optionally 0–100, then a tier.

A criterion with `breaks` turns a raw value (an amount, a count) into a score: a value below
breaks[0] gets scores[0]; a value v with breaks[k-1] ≤ v < breaks[k] gets scores[k]; a value at or
above the last break gets the last score. A criterion without breaks is rated directly within
the scorecard's scale. Normalised: 100 × Σ w·(s − min) / Σ w·(max − min).
"""

from bisect import bisect_right

from pydantic import Field, model_validator

from ..errors import InputError, fail, number
from ..models import FieldError, Key, NonEmptyStr, Strict, Tagged, Text


class Scale(Strict):
    min: float = Field(default=1, description="the lowest criterion score, such as 1")
    max: float = Field(default=5, description="the highest criterion score, such as 5")


class Criterion(Strict):
    key: Key = Field(description="the criterion's key, also a column name the command line accepts")
    title: Text = Field(description="the criterion's name in both languages")
    weight: float = Field(gt=0, description="a weight above 0")
    help: Text | None = Field(default=None, description="how to rate it, in both languages")
    aliases: list[NonEmptyStr] = Field(default_factory=list, description="other column headers accepted")
    breaks: list[float] = Field(default_factory=list, description="raw values where the score steps up")
    scores: list[float] = Field(default_factory=list, description="one score more than there are breaks")
    negative_allowed: bool = Field(default=False, description="true when a raw value may be below 0")
    percent: bool = Field(default=False, description="true when values are percentages (22 for 22 %): a cell "
                          "written 22% or formatted as a percentage in Excel then counts as 22")

    @model_validator(mode="after")
    def _breaks_fit_scores(self):
        if self.breaks and len(self.scores) != len(self.breaks) + 1:
            raise ValueError(f"criterion '{self.key}' has {len(self.breaks)} breaks and "
                             f"{len(self.scores)} scores; expected one score more than breaks")
        if not self.breaks and self.scores:
            raise ValueError(f"criterion '{self.key}' has scores but no breaks; expected both or neither")
        if any(b <= a for a, b in zip(self.breaks, self.breaks[1:])):
            raise ValueError(f"criterion '{self.key}': breaks must rise strictly")
        if any(b < a for a, b in zip(self.scores, self.scores[1:])):
            raise ValueError(f"criterion '{self.key}': scores must never fall as the value rises")
        return self


class Tier(Strict):
    key: Key = Field(description="the tier's key, such as 'high'")
    title: Text = Field(description="the tier's name in both languages")
    min: float = Field(description="the lowest score that reaches this tier")
    advice: Text | None = Field(default=None, description="what to do with this tier, in both languages")


class Scorecard(Tagged):
    """A scorecard file in playbook_data/scorecards/ (or the user's own)."""

    intro: Text | None = Field(default=None, description="one or two sentences shown above it")
    scale: Scale = Field(default_factory=Scale, description="the range of a criterion score")
    normalise: bool = Field(default=True, description="true to report the score on 0–100")
    criteria: list[Criterion] = Field(min_length=1, description="the criteria with their weights")
    tiers: list[Tier] = Field(min_length=1, description="the tiers, highest first, each with its min")

    @model_validator(mode="after")
    def _consistent(self):
        if self.scale.max <= self.scale.min:
            raise FieldError(("scale", "max"), f"the scale's max {self.scale.max:g} is not above its min "
                                               f"{self.scale.min:g}; expected max above min")
        for i, c in enumerate(self.criteria):
            for j, s in enumerate(c.scores):
                if not self.scale.min <= s <= self.scale.max:
                    raise FieldError(("criteria", i, "scores", j), f"score {s:g} is outside the scale; expected "
                                     f"{self.scale.min:g} to {self.scale.max:g}")
        for i, (a, b) in enumerate(zip(self.tiers, self.tiers[1:])):
            if b.min >= a.min:
                raise FieldError(("tiers", i + 1, "min"), f"tier '{b.key}' has min {b.min:g}, not below "
                                 f"{a.min:g} of the tier before; expected tiers highest first, each min lower")
        if self.tiers[-1].min > self.lowest():
            raise FieldError(("tiers", len(self.tiers) - 1, "min"),
                             f"the last tier's min {self.tiers[-1].min:g} is above the lowest possible "
                             f"score {self.lowest():g}; expected a last tier every score reaches")
        keys = [c.key for c in self.criteria]
        for i, key in enumerate(keys):
            if key in keys[:i]:
                raise FieldError(("criteria", i, "key"), f"criterion key '{key}' is used twice; expected unique keys")
        return self

    def lowest(self) -> float:
        return 0.0 if self.normalise else sum(c.weight for c in self.criteria) * self.scale.min


# A score within this of a tier's min reaches the tier (weights such as 0.3 are not exact in binary).
EPSILON = 1e-9


class Scorer:
    """A scorecard compiled once for a whole file: `score(values)` with values in criterion order."""

    def __init__(self, card: Scorecard, names=None):
        self.card = card
        self.lo, self.hi = card.scale.min, card.scale.max
        names = names or [c.key for c in card.criteria]
        # One tuple per criterion, so the per-row loop touches no attribute lookups.
        self.plan = [(c.weight, c.breaks, c.scores, c.negative_allowed, c.percent, name)
                     for c, name in zip(card.criteria, names)]
        self.span = sum(c.weight * (self.hi - self.lo) for c in card.criteria)
        self.tiers = [(t.min - EPSILON, t.key) for t in card.tiers]

    def points(self, values) -> list:
        """Each criterion's score from its raw value; InputError names the column."""
        return self._evaluate(values)[0]

    def score(self, values) -> tuple:
        """(score, tier key, criterion scores), summing in criterion order."""
        pts, weighted = self._evaluate(values)
        total = 100 * weighted / self.span if self.card.normalise else weighted
        for minimum, key in self.tiers:
            # The validator guarantees the last tier's min is at most the lowest possible score.
            if total >= minimum:
                return total, key, pts

    def _evaluate(self, values) -> tuple:
        """(criterion scores, Σ w·(s − min) when normalised else Σ w·s) in one pass over the row."""
        out, weighted, offset = [], 0.0, self.lo if self.card.normalise else 0.0
        for (w, breaks, scores, negative, percent, name), value in zip(self.plan, values):
            # Fast path for plain numbers; anything unusual goes through errors.number for its message.
            kind = type(value)
            try:
                v = float(value) if kind is float or kind is int or (kind is str and "_" not in value) else None
            except ValueError:
                v = None
            if v is None or v - v != 0 or (v < 0 and not negative):
                v = number(value, name, minimum=None if negative else 0, percent=percent)
            if breaks:
                p = scores[bisect_right(breaks, v)]
            elif self.lo <= v <= self.hi:
                p = v
            else:
                fail("out-of-scale", name=name, shown=repr(value), low=f"{self.lo:g}", high=f"{self.hi:g}")
            out.append(p)
            weighted += w * (p - offset)
        return out, weighted


def calculate(inputs: dict) -> dict:
    """Registry entry: {"scorecard": name, path or mapping, "values": {criterion key: value}}."""
    from ..data import load_scorecard

    card = load_scorecard(inputs.get("scorecard"))
    values = inputs.get("values")
    if not isinstance(values, dict):
        raise InputError("values is missing; expected a mapping of criterion key to value")
    missing = [c.key for c in card.criteria if c.key not in values]
    if missing:
        raise InputError(f"criterion '{missing[0]}' has no value; expected one for every criterion")
    total, tier, pts = Scorer(card).score([values[c.key] for c in card.criteria])
    return {"score": total, "tier": tier, "points": dict(zip([c.key for c in card.criteria], pts))}
