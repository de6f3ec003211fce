"""Pareto / ABC: a customer list with each one's share, cumulative share, class and rank, and the
counts per class. Ties keep the list's order, as in calculators/abc/__init__.py."""

from ..data import settings
from ..workbooks.book import Book, at_least, between
from ..workbooks.explain import explain


def write(book: Book, rows: int, inputs: dict | None = None):
    data = settings("abc")
    example = data.examples[0]
    given = inputs or example.input
    label = lambda key: book.pick(data.labels[key])  # noqa: E731
    s = book.sheet(book.t("wb-sheet-list"))
    s.heading(book.pick(data.title))
    s.note(book.t("wb-inputs-note"), width=6)
    a = s.input("a", label("a"), given.get("a", data.value("a_threshold")), between(0, 100))
    b = s.input("b", label("b"), given.get("b", data.value("b_threshold")), between(0, 100))
    s.skip()
    head = s.row
    for col, text in enumerate([book.t("wb-customer"), label("values"), label("share"), label("cumulative"),
                                label("classes"), label("rank")]):
        s.text(head, col, text, "head")
    s.ws.set_column(3, 5, 14)
    first, last = head + 1, head + rows
    values = f"$B${first + 1}:$B${last + 1}"
    for k, row in enumerate(range(first, last + 1)):
        v = f"B{row + 1}"
        above = f"$B${first + 1}:B{row + 1}"
        s.value(row, 0, _name(given, k))
        s.value(row, 1, given["values"][k] if k < len(given["values"]) else None)
        blank = f'IF(ISBLANK({v}),"",'
        s.ws.write_formula(row, 2, f"={blank}{v}/SUM({values})*100)", book.fmt["number"])
        # Everything larger, plus the equal values from the top of the list down to this one.
        running = f"SUMPRODUCT(({values}>{v})*{values})+SUMPRODUCT(({above}={v})*{above})"
        s.ws.write_formula(row, 3, f"={blank}({running})/SUM({values})*100)", book.fmt["number"])
        s.ws.write_formula(row, 4, f'={blank}IF(D{row + 1}<={a},"A",IF(D{row + 1}<={b},"B","C")))',
                           book.fmt["text"])
        s.ws.write_formula(row, 5, f"={blank}SUMPRODUCT(({values}>{v})*1)+SUMPRODUCT(({above}={v})*1))",
                           book.fmt["whole"])
    s.validate(first, 1, last, 1, at_least(0), label("values"))
    book.cells["list"] = (s.name, "A", first + 1, rows)
    summary = book.sheet(book.t("wb-sheet-summary"))
    summary.heading(book.pick(data.title))
    classes = f"'{s.name}'!$E${first + 1}:$E${last + 1}"
    for cls in "ABC":
        summary.result(f"counts.{cls}", f"{label('counts')} {cls}", f'=COUNTIF({classes},"{cls}")', "whole")
        summary.result(f"value_share.{cls}", book.t("wb-value-share", cls=cls),
                       f"=IF(COUNT('{s.name}'!{values})=0,0,"
                       f"SUMIF({classes},\"{cls}\",'{s.name}'!{values})/SUM('{s.name}'!{values})*100)")
    explain(book, data.title, data.formulas, data.sources, example.title)


def _name(given: dict, k: int):
    names = given.get("names") or []
    if k < len(names):
        return names[k]
    return f"#{k + 1}" if k < len(given["values"]) else None
