"""What complaints cost: three inputs, the seed's figures as editable parameters, live results."""

from ..data import settings
from ..workbooks.book import Book, at_least, share
from ..workbooks.explain import explain

SHARES = ("silent_share", "repurchase_low", "repurchase_high", "repurchase_handled_well", "tell_far_share")


def write(book: Book, rows: int, inputs: dict | None = None):
    data = settings("complaint-cost")
    example = data.examples[0]
    given = inputs or example.input
    s = book.sheet(book.t("wb-sheet-complaints"))
    s.heading(book.pick(data.title))
    s.note(book.t("wb-inputs-note"))
    n = s.input("in.complaints", book.t("calc-f-complaints"), given.get("complaints"), at_least(0))
    value = s.input("in.customer_value", book.t("calc-f-customer-value"), given.get("customer_value"), at_least(0))
    well = s.input("in.handled_well", book.t("calc-f-handled-well"), given.get("handled_well", 0), share(),
                   fmt="input_pct")
    satisfied = s.input("in.satisfied", book.t("calc-f-satisfied"), given.get("satisfied", 0), at_least(0))
    s.skip()
    s.heading(book.t("calc-assumptions"))
    p = {}
    for key, parameter in data.parameters.items():
        fmt = "input_pct" if key in SHARES else "input"
        check = share() if key in SHARES else at_least(0)
        sources = ", ".join(book.t("source-practice") if x == "practice" else x for x in parameter.sources)
        p[key] = s.input(f"in.{key}", book.pick(parameter.title), given.get(key, parameter.value),
                         check, f"{book.t('source')}: {sources}", fmt)
    s.skip()
    s.heading(book.t("wb-results"))
    unhappy = s.result("unhappy", book.t("calc-r-unhappy"), f"={n}/(1-{p['silent_share']})")
    s.result("silent", book.t("calc-r-silent"), f"={unhappy}-{n}")
    handled = s.result("handled_well", book.t("wb-handled"), f"={n}*{well}")
    kept = f"{handled}*{p['repurchase_handled_well']}"
    others = f"({n}-{handled})"
    s.result("buy_again_low", book.t("wb-buy-again-low"), f"={kept}+{others}*{p['repurchase_low']}")
    s.result("buy_again_high", book.t("wb-buy-again-high"), f"={kept}+{others}*{p['repurchase_high']}")
    leave = f"({unhappy}-{n})+({handled}-{kept})"
    low = s.result("lost_low", book.t("wb-lost-low"), f"={leave}+{others}*(1-{p['repurchase_high']})")
    high = s.result("lost_high", book.t("wb-lost-high"), f"={leave}+{others}*(1-{p['repurchase_low']})")
    s.result("revenue_at_risk_low", book.t("wb-at-risk-low"), f"={low}*{value}")
    s.result("revenue_at_risk_high", book.t("wb-at-risk-high"), f"={high}*{value}")
    per = s.result("tellers_per_unhappy", book.t("wb-tellers"),
                   f"=(1-{p['tell_far_share']})*{p['tell_unhappy']}+{p['tell_far_share']}*{p['tell_far']}")
    bad = s.result("hear_bad", book.t("calc-r-hear-bad"), f"=({unhappy}-{handled})*{per}")
    s.result("hear_good", book.t("calc-r-hear-good"), f"={handled}*{p['tell_handled_well']}")
    s.result("hear_satisfied", book.t("calc-r-hear-satisfied"), f"={satisfied}*{p['tell_satisfied']}")
    s.result("satisfied_to_offset", book.t("calc-r-offset"),
             f'=IF({p["tell_satisfied"]}=0,"",{bad}/{p["tell_satisfied"]})')
    explain(book, data.title, data.formulas, data.sources, example.title)
