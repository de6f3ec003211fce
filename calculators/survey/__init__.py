"""Survey scores from raw answers: NPS, CSAT and CES.

NPS  = % of answers 9–10 minus % of answers 0–6, on 0–10; passives (7–8) stay in the total.
CSAT = % of answers at or above `satisfied_from` on 1..scale (survey.yml: scale 5, satisfied 4–5;
       a scale given without `satisfied_from` counts its top two answers).
CES  = the mean answer on 1..scale (survey.yml: 7, "the company made it easy": 7 = strongly agree).
"""

from ..data import settings
from ..errors import InputError, call, fail, number


def answers_checked(answers, low: int, high: int) -> list:
    """Whole numbers from `low` to `high`; at least one."""
    if not isinstance(answers, (list, tuple)):
        raise InputError("answers is not a list; expected a list of whole numbers")
    if not answers:
        raise InputError("there are no answers; expected at least one")
    return [answer(a, f"answer {i}", low, high) for i, a in enumerate(answers, start=1)]


def answer(value, name: str, low: int, high: int) -> int:
    result = number(value, name, whole=True)
    if not low <= result <= high:
        fail("answer-out-of-scale", name=name, shown=repr(value), low=low, high=high)
    return result


def nps_counts(promoters: int, passives: int, detractors: int) -> dict:
    total = promoters + passives + detractors
    if total == 0:
        raise InputError("there are no answers; expected at least one")
    return {"nps": 100 * (promoters - detractors) / total, "promoters": promoters, "passives": passives,
            "detractors": detractors, "total": total, "promoter_pct": 100 * promoters / total,
            "passive_pct": 100 * passives / total, "detractor_pct": 100 * detractors / total}


def nps(answers) -> dict:
    values = answers_checked(answers, 0, 10)
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    return nps_counts(promoters, len(values) - promoters - detractors, detractors)


def csat_settings(scale=None, satisfied_from=None) -> tuple:
    """The scale and the lowest satisfied answer: survey.yml's defaults, or the top two boxes."""
    defaults = settings("survey")
    if scale is None and satisfied_from is None:
        return int(defaults.value("csat_scale")), int(defaults.value("csat_satisfied_from"))
    top = number(defaults.value("csat_scale") if scale is None else scale, "scale", minimum=2, whole=True)
    cut = top - 1 if satisfied_from is None else answer(satisfied_from, "satisfied from", 1, top)
    return top, cut


def csat(answers, scale=None, satisfied_from=None) -> dict:
    top, cut = csat_settings(scale, satisfied_from)
    values = answers_checked(answers, 1, top)
    satisfied = sum(1 for v in values if v >= cut)
    return {"csat": 100 * satisfied / len(values), "satisfied": satisfied, "total": len(values),
            "scale": top, "satisfied_from": cut}


def ces(answers, scale=None) -> dict:
    _, top, _ = scale_of("ces", scale)
    values = answers_checked(answers, 1, top)
    return {"ces": sum(values) / len(values), "total": len(values), "scale": top}


def scale_of(metric: str, scale=None, satisfied_from=None) -> tuple:
    """(lowest answer, highest answer, the cut that counts as good) for a metric."""
    if metric == "nps":
        return 0, 10, 9
    if metric == "csat":
        return (1, *csat_settings(scale, satisfied_from))
    default = settings("survey").value("ces_scale")
    return 1, number(default if scale is None else scale, "scale", minimum=2, whole=True), None


def category(metric: str, value: int, cut) -> str | int:
    """What one answer counts as: promoter / passive / detractor, satisfied or not, or itself."""
    if metric == "nps":
        return "promoter" if value >= 9 else ("passive" if value >= 7 else "detractor")
    if metric == "csat":
        return "satisfied" if value >= cut else "not satisfied"
    return value


METRICS = {"nps": nps, "csat": csat, "ces": ces}


def calculate(inputs: dict) -> dict:
    """Registry entry: {"metric": "nps" | "csat" | "ces", "answers": [...], ...}."""
    args = dict(inputs)
    metric = args.pop("metric", None)
    if metric not in METRICS:
        raise InputError(f"metric {metric!r} is unknown; expected one of: {', '.join(METRICS)}")
    return call(METRICS[metric], args, metric)
