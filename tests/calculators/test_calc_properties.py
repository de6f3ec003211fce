"""Invariants of the calculators, checked on generated inputs (hypothesis)."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import abc, rfm, survey
from calculators.data import load_scorecard
from calculators.scorecard import Scorer

amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
values = st.lists(amounts, min_size=1, max_size=60).filter(lambda v: sum(v) > 0)
thresholds = st.tuples(st.floats(1, 100), st.floats(1, 100)).map(sorted)
CLASS_ORDER = {"A": 0, "B": 1, "C": 2}


@settings(deadline=None)  # a loaded machine must not turn slowness into a failure
@given(values, thresholds)
def test_abc_classes_are_ordered_by_value(vals, ab):
    result = abc.classify(vals, *ab)
    by_rank = sorted(range(len(vals)), key=lambda k: result["rank"][k])
    classes = [CLASS_ORDER[result["classes"][k]] for k in by_rank]
    assert classes == sorted(classes)
    assert [vals[k] for k in by_rank] == sorted(vals, reverse=True)


@settings(deadline=None)  # a loaded machine must not turn slowness into a failure
@given(values)
def test_abc_shares_sum_to_100_and_the_last_cumulative_is_100(vals):
    result = abc.classify(vals)
    assert math.isclose(sum(result["share"]), 100, rel_tol=1e-9)
    assert max(result["cumulative"]) == 100
    assert math.isclose(sum(result["value_share"].values()), 100, rel_tol=1e-9)
    assert sum(result["counts"].values()) == len(vals)


@settings(deadline=None)  # a loaded machine must not turn slowness into a failure
@given(values)
def test_abc_cumulative_never_falls_along_the_ranking(vals):
    result = abc.classify(vals)
    cumulative = [c for _, c in sorted(zip(result["rank"], result["cumulative"]))]
    assert cumulative == sorted(cumulative)


CARDS = ["customer-value", "lead", "dealer", "key-account"]


def _raw(card, draw_values):
    # A raw value per criterion: amounts for criteria with breaks, ratings within the scale otherwise.
    return [v if c.breaks else card.scale.min + (v % 1) * (card.scale.max - card.scale.min)
            for c, v in zip(card.criteria, draw_values)]


@settings(deadline=None)  # a loaded machine must not turn slowness into a failure
@given(st.sampled_from(CARDS), st.lists(st.floats(0, 1e7), min_size=5, max_size=5),
       st.integers(0, 4), st.floats(0, 1e7))
def test_a_higher_criterion_never_lowers_a_score(name, raw, index, increase):
    card = load_scorecard(name)
    scorer = Scorer(card)
    base = _raw(card, raw)[:len(card.criteria)]
    k = index % len(card.criteria)
    higher = list(base)
    limit = math.inf if card.criteria[k].breaks else card.scale.max
    higher[k] = min(base[k] + increase, limit)
    low, high = scorer.score(base), scorer.score(higher)
    assert high[0] >= low[0]
    tiers = [t.key for t in card.tiers]
    assert tiers.index(high[1]) <= tiers.index(low[1])
    assert 0 <= low[0] <= 100


@settings(deadline=None)  # a loaded machine must not turn slowness into a failure
@given(st.lists(st.integers(0, 10), min_size=1, max_size=200))
def test_nps_stays_within_minus_100_and_100_and_counts_add_up(answers):
    result = survey.nps(answers)
    assert -100 <= result["nps"] <= 100
    assert result["promoters"] + result["passives"] + result["detractors"] == len(answers)
    assert math.isclose(result["nps"], result["promoter_pct"] - result["detractor_pct"], abs_tol=1e-9)


@settings(deadline=None)  # a loaded machine must not turn slowness into a failure
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 400), st.integers(0, 10_000)), min_size=1, max_size=40))
def test_rfm_equal_values_get_equal_scores_and_scores_follow_values(rows):
    orders = [{"customer": f"c{c}", "date": "", "amount": a} for c, _, a in rows]
    for order, (_, days, _) in zip(orders, rows):
        order["date"] = rfm.dt.date.fromordinal(rfm.dt.date(2023, 1, 1).toordinal() + days).isoformat()
    customers = rfm.analyse(orders)["customers"]
    for a in customers:
        for b in customers:
            if a["monetary"] == b["monetary"]:
                assert a["m"] == b["m"]
            if a["monetary"] > b["monetary"]:
                assert a["m"] >= b["m"]
            if a["recency"] < b["recency"]:
                assert a["r"] >= b["r"]
            if a["frequency"] == b["frequency"]:
                assert a["f"] == b["f"]
        assert all(1 <= a[k] <= 5 for k in "rfm")
