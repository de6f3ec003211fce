"""Customer lifetime value: the seed's four-part form (004 L4 §2) and the retention form.

Retention form (Gupta & Lehmann 2003): the first margin comes one period after acquisition,
    CLV = m·r / (1 + i − r)          = Σ_{t=1..∞} m·q^t,  q = r / (1 + i)
With `first_margin_now` (Farris et al., Marketing Metrics) the margin of today counts too,
    CLV = m·(1 + i) / (1 + i − r)    = Σ_{t=0..∞} m·q^t
With `periods` = N only N margins count: m·q·(1 − q^N)/(1 − q), or m·(1 − q^N)/(1 − q) when now
(m·N when q = 1).
"""

from ..errors import InputError, call, number, rate


def seed_form(purchases_per_period, average_amount, periods, margin=None, retention_cost=0,
              referral_value=0) -> dict:
    """Purchases × average amount × periods (× margin), − the cost of keeping them, + referrals."""
    count = number(purchases_per_period, "purchases per period", minimum=0)
    amount = number(average_amount, "average amount", minimum=0)
    length = number(periods, "periods", minimum=0)
    share = 1.0 if margin is None else rate(margin, "margin")
    keep = number(retention_cost, "cost of keeping the customer per period", minimum=0)
    referred = number(referral_value, "value of referred customers", minimum=0)
    # Revenue first, then what the margin leaves, then costs and referrals.
    revenue = count * amount * length
    gross = revenue * share
    keeping = keep * length
    return {"revenue": revenue, "gross_margin": gross, "retention_cost_total": keeping,
            "referral_value": referred, "clv": gross - keeping + referred}


def retention_form(margin, retention, discount, first_margin_now=False, periods=None) -> dict:
    """Discounted margins of a customer who stays each period with probability `retention`."""
    m = number(margin, "margin per period", minimum=0)
    r = rate(retention, "retention rate")
    i = number(discount, "discount rate", minimum=0)
    q = r / (1 + i)
    if periods is None:
        if 1 + i - r <= 0:
            raise InputError(
                "retention rate 1 with discount rate 0 makes the value infinite; "
                "expected a retention rate below 1, a discount rate above 0, or a number of periods")
        multiple = (1 + i) / (1 + i - r) if first_margin_now else r / (1 + i - r)
    else:
        n = number(periods, "periods", minimum=1, whole=True)
        multiple = _finite_multiple(q, n, first_margin_now)
    return {"clv": m * multiple, "margin_multiple": multiple, "per_period_factor": q}


def _finite_multiple(q: float, n: int, now: bool) -> float:
    # A geometric sum of n terms starting at q^0 (now) or q^1 (after one period).
    if q == 1:
        return float(n)
    total = (1 - q ** n) / (1 - q)
    return total if now else q * total


def per_period(value, periods) -> dict:
    """A lifetime value spread over its periods: what the seed's examples say per year."""
    total = number(value, "lifetime value", minimum=0)
    length = number(periods, "periods", minimum=1)
    return {"per_period": total / length}


def calculate(inputs: dict) -> dict:
    """The registry entry: `form` is 'seed' (default), 'retention' or 'per-period'."""
    args = dict(inputs)
    form = args.pop("form", "seed")
    forms = {"seed": seed_form, "retention": retention_form, "per-period": per_period}
    if form not in forms:
        raise InputError(f"form {form!r} is unknown; expected one of: {', '.join(forms)}")
    return call(forms[form], args, f"clv ({form})")
