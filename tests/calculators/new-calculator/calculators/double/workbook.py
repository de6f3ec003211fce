"""The double workbook: the number as an input, twice it as a live formula."""

from ..workbooks.book import Book, at_least


def write(book: Book, rows: int, inputs: dict | None = None):
    s = book.sheet(book.t("wb-sheet-double"))
    x = s.input("in.x", book.t("calc-f-x"), (inputs or {}).get("x", 21), at_least(0))
    s.result("twice", book.t("calc-r-twice"), f"=2*{x}")
