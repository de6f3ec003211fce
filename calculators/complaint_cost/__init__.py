"""What complaints cost: unhappy customers behind them, who buys again, who hears, revenue at risk.

Defaults are seed 002's figures (playbook_data/calculators/complaint-cost.yml), all overridable:
  unhappy        = complaints / (1 − silent_share)           96% of unhappy customers never complain
  silent         = unhappy − complaints                      they simply stop buying
  handled        = complaints × handled_well                 handled fast and well: 95% buy again
  others         = complaints − handled                      54%–70% buy again
  lost (low…high)= silent + handled·(1 − 0.95) + others·(1 − 0.70 … 1 − 0.54)
  at risk        = lost × customer value
  hear bad news  = (unhappy − handled) × ((1 − far_share)·tell_unhappy + far_share·tell_far)
  hear good news = handled × tell_handled_well               and a satisfied customer tells 3
  satisfied reach= satisfied × tell_satisfied                 what `satisfied` happy customers spread
"""

from ..data import settings
from ..errors import InputError, call, number, rate


def _defaults() -> dict:
    return {key: p.value for key, p in settings("complaint-cost").parameters.items()}


def estimate(complaints, customer_value, handled_well=0, satisfied=0, **overrides) -> dict:
    p = _defaults()
    unknown = [k for k in overrides if k not in p]
    if unknown:
        raise InputError(f"complaint cost: unknown input '{unknown[0]}'; expected some of: "
                         f"complaints, customer_value, handled_well, satisfied, {', '.join(p)}")
    p.update(overrides)
    n = number(complaints, "complaints", minimum=0)
    value = number(customer_value, "customer value", minimum=0)
    well = rate(handled_well, "share handled fast and well")
    happy = number(satisfied, "satisfied customers", minimum=0)
    silent_share = rate(p["silent_share"], "share who never complain")
    if silent_share == 1:
        raise InputError("share who never complain is 1, so no complaint would ever arrive; expected below 1")
    low, high = rate(p["repurchase_low"], "repurchase low"), rate(p["repurchase_high"], "repurchase high")
    if low > high:
        raise InputError(f"repurchase low {low:g} is above repurchase high {high:g}")
    again_well = rate(p["repurchase_handled_well"], "repurchase when handled well")
    far = rate(p["tell_far_share"], "share who tell many")
    tell = {k: number(p[k], k.replace("_", " "), minimum=0)
            for k in ("tell_unhappy", "tell_far", "tell_handled_well", "tell_satisfied")}
    # The customers first, then who leaves, then who hears of it.
    unhappy = n / (1 - silent_share)
    handled = n * well
    others = n - handled
    kept_handled = handled * again_well
    lost_low = (unhappy - n) + (handled - kept_handled) + others * (1 - high)
    lost_high = (unhappy - n) + (handled - kept_handled) + others * (1 - low)
    per_unhappy = (1 - far) * tell["tell_unhappy"] + far * tell["tell_far"]
    bad = (unhappy - handled) * per_unhappy
    return {"unhappy": unhappy, "silent": unhappy - n, "handled_well": handled,
            "buy_again_low": kept_handled + others * low, "buy_again_high": kept_handled + others * high,
            "lost_low": lost_low, "lost_high": lost_high,
            "revenue_at_risk_low": lost_low * value, "revenue_at_risk_high": lost_high * value,
            "hear_bad": bad, "hear_good": handled * tell["tell_handled_well"],
            "tellers_per_unhappy": per_unhappy, "hear_satisfied": happy * tell["tell_satisfied"],
            "satisfied_to_offset": bad / tell["tell_satisfied"] if tell["tell_satisfied"] else None}


def calculate(inputs: dict) -> dict:
    """Registry entry: {"complaints": 10, "customer_value": 5000, "handled_well": 0.5, "satisfied": 200, ...}."""
    return call(estimate, inputs, "complaint cost")
