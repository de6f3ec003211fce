"""Weighted pipeline: the stages with editable probabilities, a deal list, totals by stage."""

from ..data import settings
from ..errors import rate
from ..workbooks.book import Book, at_least, one_of, share
from ..workbooks.explain import explain


def write(book: Book, rows: int, inputs: dict | None = None):
    data = settings("pipeline")
    example = data.examples[0]
    deals = (inputs or example.input_in(book.lang))["deals"]  # English workbooks show English names
    label = lambda key: book.pick(data.labels[key]) if key in data.labels else book.t(f"calc-f-{key}")  # noqa: E731
    stages = book.sheet(book.t("wb-sheet-stages"))
    stages.heading(book.t("wb-sheet-stages"))
    stages.note(book.t("wb-stages-note"), width=4)
    head = stages.row
    for col, key in enumerate(("wb-stage-key", "calc-f-stage", "wb-probability", "", "wb-stage-names",
                               "wb-stage-key")):
        if key:
            stages.text(head, col, book.t(key), "head")
    stages.ws.set_column(4, 5, 22)
    table = _stages(data, (inputs or {}).get("probabilities"))
    for k, (key, title, chance) in enumerate(table, start=head + 1):
        stages.text(k, 0, key)
        stages.text(k, 1, title[book.lang])
        stages.value(k, 2, chance, "input_pct")
        book.cells[f"in.probability.{key}"] = (stages.name, f"C{k + 1}")
    aliases = _aliases(data, table)
    for k, (name, key) in enumerate(aliases, start=head + 1):
        stages.text(k, 4, name)
        stages.text(k, 5, key)
    first_stage, last_stage = head + 2, head + 1 + len(table)
    stages.validate(head + 1, 2, last_stage - 1, 2, share(), book.t("wb-probability"))
    col = lambda letter, last=last_stage: f"'{stages.name}'!${letter}${first_stage}:${letter}${last}"  # noqa: E731
    keys, names, chances = col("A"), col("B"), col("C")
    other_names, other_keys = col("E", head + 1 + len(aliases)), col("F", head + 1 + len(aliases))

    s = book.sheet(book.t("wb-sheet-deals"))
    s.heading(book.pick(data.title))
    s.note(book.t("wb-list-note", rows=rows), width=7)
    head = s.row
    titles = [label("amount"), label("stage"), label("salesperson"), label("region"), book.t("wb-stage-key"),
              book.t("wb-probability"), book.t("wb-weighted")]
    for c, text in enumerate(titles):
        s.text(head, c, text, "head")
    s.ws.set_column(0, 6, 15)
    first, last = head + 1, head + rows
    for k, row in enumerate(range(first, last + 1)):
        deal = deals[k] if k < len(deals) else {}
        s.value(row, 0, deal.get("amount"))
        for c, key in ((1, "stage"), (2, "salesperson"), (3, "region")):
            s.value(row, c, deal.get(key))
        stage = f"B{row + 1}"
        # A stage may be written as its key, its name in either language or an alias (MATCH ignores case).
        name = f"TRIM({stage})"
        s.ws.write_formula(row, 4, f'=IF(ISBLANK({stage}),"",IFERROR(INDEX({keys},MATCH({name},{keys},0)),'
                                   f'IFERROR(INDEX({other_keys},MATCH({name},{other_names},0)),"?")))',
                           book.fmt["text"])
        s.ws.write_formula(row, 5, f'=IF(OR(E{row + 1}="",E{row + 1}="?"),"",INDEX({chances},'
                                   f'MATCH(E{row + 1},{keys},0)))', book.fmt["pct"])
        s.ws.write_formula(row, 6, f'=IF(F{row + 1}="","",A{row + 1}*F{row + 1})', book.fmt["number"])
    s.validate(first, 0, last, 0, at_least(0), label("amount"))
    s.validate(first, 1, last, 1, one_of(f"={names}"), label("stage"))
    book.cells["list"] = (s.name, "A", first + 1, rows)
    _summary(book, s.name, first + 1, last + 1, table)
    explain(book, data.title, data.formulas, data.sources, example.title)


def _stages(data, probabilities: dict | None) -> list:
    """(key, {zh, en} title, probability) per stage: the playbook's, or a team's own."""
    if probabilities:
        return [(str(k), {"zh": str(k), "en": str(k)}, rate(v, f"probability of stage '{k}'"))
                for k, v in probabilities.items()]
    return [(s.key, {"zh": s.title.zh, "en": s.title.en}, s.probability) for s in data.stages]


def _aliases(data, table: list) -> list:
    """(name, key): every other way a file may write a stage, as calculators.pipeline.Stages reads it."""
    known = {key for key, _, _ in table}
    pairs = [(name, s.key) for s in data.stages if s.key in known
             for name in (s.title.zh, s.title.en, *s.aliases)]
    return pairs or [("", "")]


def _summary(book: Book, deals: str, first: int, last: int, stages):
    s = book.sheet(book.t("wb-sheet-summary"))
    column = lambda letter: f"'{deals}'!${letter}${first}:${letter}${last}"  # noqa: E731
    amount, key, weighted = column("A"), column("E"), column("G")
    s.heading(book.t("calc-r-by-stage"))
    for col, text in enumerate(("calc-f-stage", "wb-deals", "calc-r-amount-total", "calc-r-weighted-total")):
        s.text(s.row, col, book.t(text), "head")
    s.ws.set_column(3, 3, 16)
    s.skip()
    for stage, title, _ in stages:
        row = s.row
        s.text(row, 0, title[book.lang])
        mine = f'({key}="{stage}")'
        s.ws.write_formula(row, 1, f"=SUMPRODUCT({mine}*1)", book.fmt["whole"])
        s.ws.write_formula(row, 2, f"=SUMPRODUCT({mine}*{amount})", book.fmt["number"])
        s.ws.write_formula(row, 3, f'=SUMPRODUCT({mine}*1,{weighted})', book.fmt["number"])
        for col, name in ((1, "deals"), (2, "amount"), (3, "weighted")):
            book.cells[f"by_stage.{stage}.{name}"] = (s.name, f"{'ABCD'[col]}{row + 1}")
        s.skip()
    s.skip()
    s.result("total.deals", book.t("wb-deals"), f'=COUNT({weighted})', "whole")
    s.result("total.amount", book.t("calc-r-amount-total"), f"=SUMPRODUCT(({weighted}<>\"\")*1,{amount})")
    s.result("total.weighted", book.t("calc-r-weighted-total"), f"=SUM({weighted})")
    s.result("unknown", book.t("wb-unknown-stages"), f'=SUMPRODUCT(({key}="?")*1)', "whole")
