"""The "how it works" sheet every workbook ends with: the formula in words and the sources."""

from .book import Book


def explain(book: Book, title, lines: list, sources: list[str], example_title=None):
    book.set_title(book.pick(title))
    sheet = book.sheet(book.t("wb-sheet-explain"))
    sheet.ws.set_column(0, 0, 110)
    sheet.heading(book.pick(title))
    sheet.note(book.t("wb-inputs-note"), width=1)
    if example_title is not None:
        sheet.note(book.t("wb-example", title=book.pick(example_title)), width=1)
    sheet.skip()
    sheet.heading(book.t("wb-formula"))
    for line in lines:
        sheet.text(sheet.row, 0, book.pick(line), "label")
        sheet.skip()
    sheet.skip()
    sheet.heading(book.t("wb-sources"))
    for source in sources:
        sheet.text(sheet.row, 0, book.t("source-practice") if source == "practice" else source, "label")
        sheet.skip()
