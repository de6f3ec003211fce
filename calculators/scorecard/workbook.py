"""A weighted scorecard: criteria with editable weights and breaks, the score and tier of one
customer, and the same for a whole customer list."""

from functools import partial

from xlsxwriter.utility import xl_rowcol_to_cell

from ..data import load_scorecard, scorecard_names, settings
from ..scorecard import EPSILON, Scorecard
from ..workbooks.book import Book, Sheet, at_least, between
from ..workbooks.explain import explain


def workbooks() -> dict:
    """One workbook per scorecard file, `scorecard-<id>`."""
    return {f"scorecard-{card}": partial(write, card_name=card) for card in scorecard_names()}


def write(book: Book, card_name: str, rows: int, inputs: dict | None = None):
    card = load_scorecard((inputs or {}).get("scorecard") or card_name)
    data = settings("scorecard")
    example = next((e for e in data.examples if e.input.get("scorecard") == card_name), None)
    values = (inputs or {}).get("values") or (example.input["values"] if example else {})
    s = book.sheet(book.t("wb-sheet-score"))
    s.ws.set_column(3, 3, 12)
    s.ws.set_column(4, 12, 11)
    s.heading(book.pick(card.title))
    if card.intro:
        s.note(book.pick(card.intro), width=8)
    s.note(book.t("wb-inputs-note"), width=8)
    plan = _criteria(book, s, card, values)
    s.skip()
    values_range = f"{plan[0]['value']}:{plan[-1]['value']}"
    score = s.result("score", book.t("calc-r-score"),
                     f'=IF(COUNT({values_range})<{len(plan)},"",{_score_formula(card, plan)[1:]})')
    tiers = _tiers(book, s, card)
    book.cells["tier"] = (s.name, xl_rowcol_to_cell(tiers["row"], 1))
    s.ws.write_formula(tiers["row"], 1, _tier_formula(score, tiers["cells"]), book.fmt["result_text"])
    _list_sheet(book, card, plan, rows, tiers["cells"])
    lines = [{"zh": "得分 = 100 × Σ 权重 ×（得分 − 最低分）÷ Σ 权重 ×（最高分 − 最低分）",
              "en": "Score = 100 × Σ weight × (points − lowest) ÷ Σ weight × (highest − lowest)"}] \
        if card.normalise else [{"zh": "得分 = Σ 权重 × 得分", "en": "Score = Σ weight × points"}]
    explain(book, card.title, [*lines, *data.formulas], card.sources,
            example.title if example else None)


def _criteria(book: Book, s: Sheet, card: Scorecard, values: dict) -> list:
    """Rows of criterion | weight | value | points | breaks…; returns each row's cell addresses."""
    heads = ["wb-criterion", "wb-weight", "wb-value", "wb-points", "wb-breaks"]
    for col, key in enumerate(heads):
        s.text(s.row, col, book.t(key), "head")
    s.skip()
    plan = []
    for c in card.criteria:
        row = s.row
        s.text(row, 0, book.pick(c.title), "label")
        s.value(row, 1, c.weight)
        s.validate(row, 1, row, 1, at_least(0), book.t("wb-weight"))
        s.value(row, 2, values.get(c.key))
        check = _check(card, c)
        if check:
            s.validate(row, 2, row, 2, check, book.pick(c.title))
        book.cells[f"values.{c.key}"] = (s.name, xl_rowcol_to_cell(row, 2))
        book.cells[f"points.{c.key}"] = (s.name, xl_rowcol_to_cell(row, 3))
        breaks = _breaks(book, s, row, c)
        s.ws.write_formula(row, 3, _points(xl_rowcol_to_cell(row, 2), breaks), book.fmt["number"])
        plan.append({"key": c.key, "weight": s.ref(row, 1), "value": s.ref(row, 2), "points": s.ref(row, 3),
                     "breaks": breaks, "title": book.pick(c.title)})
        if c.help:
            s.text(row, 4 + 2 * len(c.breaks) + 1 if c.breaks else 4, book.pick(c.help), "note")
        s.skip()
    return plan


def _check(card: Scorecard, c) -> dict | None:
    """A rating stays on the scale; a raw value is at least 0 unless the criterion allows less."""
    if not c.breaks:
        return between(card.scale.min, card.scale.max)
    return None if c.negative_allowed else at_least(0)


def _breaks(book: Book, s: Sheet, row: int, c) -> dict | None:
    """Breaks and scores as editable cells right of the row: below b1 → s0, b1… → s1 …"""
    if not c.breaks:
        return None
    cols = range(4, 4 + 2 * len(c.breaks) + 1)
    values = [c.scores[0]] + [v for pair in zip(c.breaks, c.scores[1:]) for v in pair]
    for col, value in zip(cols, values):
        s.value(row, col, value, "input")
    scores = ",".join(s.ref(row, 4 + 2 * k) for k in range(len(c.scores)))
    breaks = ",".join(s.ref(row, 5 + 2 * k) for k in range(len(c.breaks)))
    return {"scores": scores.split(","), "breaks": breaks.split(",")}


def _points(value: str, breaks: dict | None) -> str:
    """A criterion's points: the rating itself, or the score of the last break at or below the value."""
    if breaks is None:
        return f'=IF(ISBLANK({value}),"",{value})'
    # CHOOSE(1 + number of breaks at or below the value, s0, s1, …): bisect_right, as in Python.
    count = "+".join(f"({value}>={b})" for b in breaks["breaks"])
    return f'=IF(ISBLANK({value}),"",CHOOSE(1+{count},{",".join(breaks["scores"])}))'


def _score_formula(card: Scorecard, plan: list) -> str:
    weights = [p["weight"] for p in plan]
    points = [p["points"] for p in plan]
    if card.normalise:
        lo, hi = card.scale.min, card.scale.max
        top = "+".join(f"{w}*({p}-{lo:g})" for w, p in zip(weights, points))
        return f"=100*({top})/(({'+'.join(weights)})*{hi - lo:g})"
    return "=" + "+".join(f"{w}*{p}" for w, p in zip(weights, points))


def _tiers(book: Book, s: Sheet, card: Scorecard) -> dict:
    """The tier cell, then the tier table (name, lowest score, advice) with editable minimums."""
    row = s.row
    s.text(row, 0, book.t("calc-r-tier"), "label")
    s.skip(2)
    for col, key in enumerate(["calc-r-tier", "wb-tier-min", "calc-r-advice"]):
        s.text(s.row, col, book.t(key), "head")
    s.skip()
    cells = []
    for tier in card.tiers:
        s.text(s.row, 0, book.pick(tier.title), "text")
        s.value(s.row, 1, tier.min)
        if tier.advice:
            s.text(s.row, 2, book.pick(tier.advice), "note")
        cells.append((s.ref(s.row, 0), s.ref(s.row, 1)))
        s.skip()
    return {"row": row, "cells": cells}


def _tier_formula(score: str, tiers: list) -> str:
    formula = tiers[-1][0]
    for name, minimum in reversed(tiers[:-1]):
        formula = f"IF({score}>={minimum}-{EPSILON:g},{name},{formula})"
    return f'=IF({score}="","",{formula})'


def _list_sheet(book: Book, card: Scorecard, plan: list, rows: int, tiers: list):
    """A customer a row: the criteria's values, their points, the score and the tier."""
    s = book.sheet(book.t("wb-sheet-list"))
    score_sheet = book.cells["score"][0]
    s.note(book.t("wb-list-note", rows=rows), width=8)
    n = len(plan)
    heads = [book.t("wb-customer"), *[p["title"] for p in plan],
             *[book.t("wb-points-of", criterion=p["title"]) for p in plan],
             book.t("calc-r-score"), book.t("calc-r-tier")]
    for col, head in enumerate(heads):
        s.text(s.row, col, head, "head")
    s.ws.set_column(0, len(heads) - 1, 13)
    first = s.row + 1
    far = lambda ref: f"'{score_sheet}'!{ref}"  # noqa: E731
    far_plan = [{**p, "weight": far(p["weight"]), "breaks": p["breaks"] and {
        "breaks": [far(b) for b in p["breaks"]["breaks"]], "scores": [far(x) for x in p["breaks"]["scores"]]}}
        for p in plan]
    far_tiers = [(far(name), far(minimum)) for name, minimum in tiers]
    for row in range(first, first + rows):
        for k, p in enumerate(far_plan):
            s.ws.write_blank(row, 1 + k, None, book.fmt["input"])
            value = xl_rowcol_to_cell(row, 1 + k)
            s.ws.write_formula(row, 1 + n + k, _points(value, p["breaks"]), book.fmt["number"])
        points = [xl_rowcol_to_cell(row, 1 + n + k) for k in range(n)]
        filled = f'COUNT({xl_rowcol_to_cell(row, 1)}:{xl_rowcol_to_cell(row, n)})<{n}'
        total = _score_formula(card, [{"weight": p["weight"], "points": pt} for p, pt in zip(far_plan, points)])
        s.ws.write_formula(row, 1 + 2 * n, f'=IF({filled},"",{total[1:]})', book.fmt["number"])
        score = xl_rowcol_to_cell(row, 1 + 2 * n)
        s.ws.write_formula(row, 2 + 2 * n, _tier_formula(score, far_tiers), book.fmt["text"])
    for k, c in enumerate(card.criteria):
        check = _check(card, c)
        if check:
            s.validate(first, 1 + k, first + rows - 1, 1 + k, check, book.pick(c.title))
    book.cells["list"] = (s.name, "A", first + 1, rows)
