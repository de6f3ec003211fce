"""Customer lifetime value: the four-part form, the retention form, and a customer list (four-part)."""

from ..data import settings
from ..workbooks.book import Book, Sheet, at_least, between, one_of, share
from ..workbooks.explain import explain

SEED = ("purchases_per_period", "average_amount", "periods", "margin", "retention_cost", "referral_value")


def write(book: Book, rows: int, inputs: dict | None = None):
    data = settings("clv")
    examples = {e.id: e.input for e in data.examples}
    form = (inputs or {}).get("form", "seed")
    seed = inputs if inputs and form == "seed" else examples["seed-form"]
    retention = inputs if inputs and form == "retention" else examples["retention-form"]
    yearly = inputs if inputs and form == "per-period" else examples["sas"]
    _seed_sheet(book, seed, yearly)
    _retention_sheet(book, retention)
    _list_sheet(book, rows)
    explain(book, data.title, data.formulas, data.sources)


def _seed_sheet(book: Book, given: dict, yearly: dict):
    s = book.sheet(book.t("wb-sheet-clv-seed"))
    s.heading(book.t("calc-t-clv-seed"))
    s.note(book.t("wb-inputs-note"))
    c = {}
    for key, check in zip(SEED, (at_least(0), at_least(0), at_least(0), share(), at_least(0), at_least(0))):
        fmt = "input_pct" if key == "margin" else "input"
        note = book.t("calc-optional") if key == "margin" else ""
        c[key] = s.input(f"seed.{key}", book.t("calc-f-" + key.replace("_", "-")), given.get(key), check,
                         note, fmt)
    s.skip()
    revenue = s.result("seed.revenue", book.t("calc-r-revenue"),
                       f"={c['purchases_per_period']}*{c['average_amount']}*{c['periods']}")
    gross = s.result("seed.gross_margin", book.t("calc-r-gross-margin"),
                     f"={revenue}*IF(ISBLANK({c['margin']}),1,{c['margin']})")
    keeping = s.result("seed.retention_cost_total", book.t("calc-r-keeping"),
                       f"={c['retention_cost']}*{c['periods']}")
    referred = s.result("seed.referral_value", book.t("calc-r-referrals"), f"={c['referral_value']}")
    s.result("seed.clv", book.t("calc-r-clv"), f"={gross}-{keeping}+{referred}")
    # The seed's five company figures, spread over their years (per-period form).
    s.skip()
    s.heading(book.t("wb-per-period"))
    value = s.input("per-period.value", book.t("wb-lifetime-value"), yearly.get("value"), at_least(0))
    years = s.input("per-period.periods", book.t("calc-f-periods"), yearly.get("periods"), at_least(1))
    s.result("per-period.per_period", book.t("wb-per-year"), f"={value}/{years}")


def _retention_sheet(book: Book, given: dict):
    s = book.sheet(book.t("wb-sheet-clv-retention"))
    s.heading(book.t("calc-t-clv-retention"))
    s.note(book.t("wb-inputs-note"))
    m = s.input("retention.margin", book.t("calc-f-margin-per-period"), given.get("margin"), at_least(0))
    r = s.input("retention.retention", book.t("calc-f-retention"), given.get("retention"), share(),
                fmt="input_pct")
    i = s.input("retention.discount", book.t("calc-f-discount"), given.get("discount"), at_least(0),
                fmt="input_pct")
    now = s.input("retention.first_margin_now", book.t("calc-f-first-margin-now"),
                  bool(given.get("first_margin_now")), one_of([book.t("wb-yes"), book.t("wb-no")]))
    n = s.input("retention.periods", book.t("calc-f-periods-limit"), given.get("periods"), at_least(1, whole=True),
                book.t("calc-periods-blank"))
    s.skip()
    q = s.result("retention.per_period_factor", book.t("wb-factor"), f"={r}/(1+{i})", "number")
    yes = f'{now}="{book.t("wb-yes")}"'
    endless = f"IF(1+{i}-{r}<=0,NA(),IF({yes},(1+{i})/(1+{i}-{r}),{r}/(1+{i}-{r})))"
    finite = f"IF({q}=1,{n},IF({yes},1,{q})*(1-{q}^{n})/(1-{q}))"
    multiple = s.result("retention.margin_multiple", book.t("calc-r-multiple"),
                        f"=IF(ISBLANK({n}),{endless},{finite})", "number")
    s.result("retention.clv", book.t("calc-r-clv"), f"={m}*{multiple}")
    s.ws.write_formula(s.row, 0, f'=IF(AND(ISBLANK({n}),1+{i}-{r}<=0),"{book.t("calc-err-infinite")}","")',
                       book.fmt["note"])


def _list_sheet(book: Book, rows: int):
    """One customer a row: the four-part form for each, as `python -m calculators` scores a file."""
    s = book.sheet(book.t("wb-sheet-list"))
    s.note(book.t("wb-list-note", rows=rows), width=8)
    heads = [book.t("wb-customer")] + [book.t("calc-f-" + k.replace("_", "-")) for k in SEED] + [book.t("calc-r-clv")]
    for col, head in enumerate(heads):
        s.text(s.row, col, head, "head")
    s.ws.set_column(0, len(heads) - 1, 16)
    first = s.row + 1
    for row in range(first, first + rows):
        cell = lambda col: f"{chr(65 + col)}{row + 1}"  # noqa: E731
        gross = f"{cell(1)}*{cell(2)}*{cell(3)}*IF(ISBLANK({cell(4)}),1,{cell(4)})"
        s.ws.write_formula(row, 7, f'=IF(COUNT({cell(1)}:{cell(3)})<3,"",{gross}-{cell(5)}*{cell(3)}+{cell(6)})',
                           book.fmt["number"])
        for col in range(1, 7):
            s.ws.write_blank(row, col, None, book.fmt["input_pct" if col == 4 else "input"])
    for col, check in zip(range(1, 7), (at_least(0), at_least(0), at_least(0), share(), at_least(0), at_least(0))):
        s.validate(first, col, first + rows - 1, col, check, heads[col])
    book.cells["list"] = (s.name, "A", first + 1, rows)
