"""RFM: an orders list, the customers found in it with recency, frequency and monetary value,
their 1–5 scores from the 20/40/60/80 % breaks, and the first segment rule each matches."""

from ..data import settings
from ..rfm import QUANTILES, TIES, _segments, parse_date
from ..workbooks.book import Book, Sheet, a_date, at_least, one_of
from ..workbooks.explain import explain


def write(book: Book, rows: int, inputs: dict | None = None):
    data = settings("rfm")
    example = data.examples[0]
    given = inputs or example.input_in(book.lang)  # English workbooks show English names
    orders = _orders_sheet(book, given["orders"], rows)
    s = book.sheet(book.t("wb-sheet-customers"))
    s.heading(book.pick(data.title))
    s.note(book.t("wb-inputs-note"), width=9)
    chosen = given.get("analysis_date")
    day = s.input("in.analysis_date", book.t("wb-analysis-date"),
                  parse_date(chosen, "analysis date") if chosen else None, a_date(), book.t("wb-analysis-date-note"))
    ties = s.input("in.ties", book.t("wb-ties"), given.get("ties", "above"), one_of(list(TIES)),
                   book.t("wb-ties-note"))
    used = s.result("analysis_date", book.t("wb-analysis-date-used"),
                    f"=IF(ISBLANK({day}),MAX({orders['date']})+1,{day})", "date")
    s.ws.write_formula(s.row, 0, f'=IF(MAX({orders["date"]})>{used},"{book.t("calc-err-date-before")}","")',
                       book.fmt["note"])
    s.skip(2)
    breaks_row = s.row
    s.skip(5)
    segments = _segments(given.get("segments"))
    table = _customers(book, s, orders, used, rows, segments)
    _breaks(book, s, breaks_row, table, ties, given.get("thresholds") or {})
    _segment_counts(book, s, table["segment"], segments)
    explain(book, data.title, data.formulas, data.sources, example.title)


def _orders_sheet(book: Book, orders: list, rows: int) -> dict:
    s = book.sheet(book.t("wb-sheet-orders"))
    s.note(book.t("wb-list-note", rows=rows), width=4)
    head = s.row
    for col, key in enumerate(("wb-customer", "wb-order-date", "calc-f-amount", "wb-first-seen")):
        s.text(head, col, book.t(key), "head")
    s.ws.set_column(0, 3, 16)
    first, last = head + 1, head + rows
    for k, row in enumerate(range(first, last + 1)):
        order = orders[k] if k < len(orders) else {}
        s.value(row, 0, order.get("customer"))
        s.value(row, 1, parse_date(order["date"], "date") if order.get("date") else None, "input_date")
        s.value(row, 2, order.get("amount"))
        # The n-th new customer in the list gets n: the customers sheet finds them by it.
        seen = f"SUMPRODUCT(($A${first + 1}:A{row + 1}=A{row + 1})*1)"
        s.ws.write_formula(row, 3, f'=IF(ISBLANK(A{row + 1}),"",IF({seen}=1,MAX($D${head + 1}:D{row})+1,""))',
                           book.fmt["whole"])
    s.validate(first, 1, last, 1, a_date(), book.t("wb-order-date"))
    s.validate(first, 2, last, 2, at_least(0), book.t("calc-f-amount"))
    book.cells["list"] = (s.name, "A", first + 1, rows)
    col = lambda letter: f"'{s.name}'!${letter}${first + 1}:${letter}${last + 1}"  # noqa: E731
    return {"customer": col("A"), "date": col("B"), "amount": col("C"), "seen": col("D")}


HEADS = ("wb-customer", "wb-last-order", "wb-recency", "wb-frequency", "wb-monetary", "R", "F", "M", "wb-segment")


def _customers(book: Book, s: Sheet, orders: dict, day: str, rows: int, segments) -> dict:
    head = s.row
    for col, key in enumerate(HEADS):
        s.text(head, col, key if len(key) == 1 else book.t(key), "head")
    s.ws.set_column(3, 8, 12)
    first, last = head + 1, head + rows
    col = lambda letter: f"${letter}${first + 1}:${letter}${last + 1}"  # noqa: E731
    for j, row in enumerate(range(first, last + 1), start=1):
        r = row + 1
        mine = f"({orders['customer']}=A{r})"
        blank = f'IF(A{r}="","",'
        s.ws.write_formula(row, 0, f'=IFERROR(INDEX({orders["customer"]},MATCH({j},{orders["seen"]},0)),"")',
                           book.fmt["text"])
        s.ws.write_formula(row, 1, f"={blank}SUMPRODUCT(MAX({mine}*{orders['date']})))", book.fmt["date"])
        s.ws.write_formula(row, 2, f"={blank}{day}-B{r})", book.fmt["whole"])
        s.ws.write_formula(row, 3, f"={blank}SUMPRODUCT({mine}*1))", book.fmt["whole"])
        s.ws.write_formula(row, 4, f"={blank}SUMPRODUCT({mine}*{orders['amount']}))", book.fmt["number"])
    return {"first": first, "last": last, "recency": col("C"), "frequency": col("D"), "monetary": col("E"),
            "segment": col("I"), "segments": segments, "rows": rows}


def _breaks(book: Book, s: Sheet, row: int, table: dict, ties: str, fixed: dict):
    """The breaks of each measure: fixed ones where given (columns G–J), else the 20/40/60/80 % quantiles
    (plus 1 under the R package's rule); then each customer's scores and segment."""
    for q, p in enumerate(QUANTILES):
        s.text(row, 1 + q, f"{p:.0%}", "head")
    s.ws.merge_range(row, 6, row, 9, book.t("wb-fixed-breaks"), book.fmt["head"])
    r_rule = f'({ties}="r-rfm")'
    s.validate(row + 1, 6, row + 3, 9, at_least(0), book.t("wb-fixed-breaks"))
    cuts = {}
    for k, name in enumerate(("recency", "frequency", "monetary"), start=1):
        s.text(row + k, 0, book.t(f"wb-{name}"), "label")
        cuts[name] = []
        given = fixed.get(name) or [None] * 4
        for q, p in enumerate(QUANTILES):
            s.value(row + k, 6 + q, given[q])
            book.cells[f"in.thresholds.{name}.{q}"] = (s.name, f"{chr(71 + q)}{row + k + 1}")
            own = s.ref(row + k, 6 + q)
            s.ws.write_formula(row + k, 1 + q, f"=IF(ISBLANK({own}),PERCENTILE({table[name]},{p})+{r_rule},{own})",
                               book.fmt["number"])
            book.cells[f"breaks.{name}.{q}"] = (s.name, f"{chr(66 + q)}{row + k + 1}")
            cuts[name].append(s.ref(row + k, 1 + q))
    for line in range(table["first"], table["last"] + 1):
        r = line + 1
        # A value above a break reaches the next band; under the R package's rule a value at it does too.
        band = lambda value, name: "(1+" + "+".join(f"({value}>{c})+{r_rule}*({value}={c})"  # noqa: E731
                                                    for c in cuts[name]) + ")"
        s.ws.write_formula(line, 5, f'=IF(A{r}="","",6-{band(f"C{r}", "recency")})', book.fmt["whole"])
        s.ws.write_formula(line, 6, f'=IF(A{r}="","",{band(f"D{r}", "frequency")})', book.fmt["whole"])
        s.ws.write_formula(line, 7, f'=IF(A{r}="","",{band(f"E{r}", "monetary")})', book.fmt["whole"])
        s.ws.write_formula(line, 8, f'=IF(A{r}="","",{_segment(book, r, table["segments"])})', book.fmt["text"])
    book.cells["customers"] = (s.name, "A", table["first"] + 1, table["rows"])


def _segment(book: Book, r: int, segments) -> str:
    """Nested IFs: the first segment whose every rule holds, as in Segment.matches."""
    formula = f'"{_quoted(book.pick(segments[-1].title))}"'
    for seg in reversed(segments[:-1]):
        tests = [f"{col}{r}>={rule[0]},{col}{r}<={rule[1]}"
                 for col, rule in (("F", seg.r), ("G", seg.f), ("H", seg.m)) if rule]
        formula = f'IF(AND({",".join(tests)}),"{_quoted(book.pick(seg.title))}",{formula})'
    return formula


def _quoted(text: str) -> str:
    return text.replace('"', '""')


def _segment_counts(book: Book, s: Sheet, column: str, segments):
    s.ws.write_string(s.row, 10, book.t("wb-segment"), book.fmt["head"])
    s.ws.write_string(s.row, 11, book.t("wb-customers"), book.fmt["head"])
    for k, seg in enumerate(segments, start=1):
        title = book.pick(seg.title)
        s.ws.write_string(s.row + k, 10, title, book.fmt["text"])
        s.ws.write_formula(s.row + k, 11, f'=COUNTIF({column},"{_quoted(title)}")', book.fmt["whole"])
        book.cells[f"segments.{seg.key}"] = (s.name, f"L{s.row + k + 1}")
    s.ws.set_column(10, 10, 18)

