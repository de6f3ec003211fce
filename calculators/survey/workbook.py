"""NPS, CSAT and CES from a column of answers each, with the scales as inputs."""

from ..data import settings
from ..workbooks.book import Book, at_least, between
from ..workbooks.explain import explain

METRICS = ("nps", "csat", "ces")


def write(book: Book, rows: int, inputs: dict | None = None):
    data = settings("survey")
    answers = {e.input["metric"]: e.input for e in data.examples}
    if inputs:
        answers[inputs["metric"]] = inputs
    s = book.sheet(book.t("wb-sheet-answers"))
    s.heading(book.pick(data.title))
    s.note(book.t("wb-inputs-note"), width=4)
    csat, ces = answers.get("csat", {}), answers.get("ces", {})
    scale = s.input("csat.scale", book.t("wb-csat-scale"), csat.get("scale"), at_least(2, whole=True),
                    book.t("wb-default", value=f"{data.value('csat_scale'):g}"))
    cut = s.input("csat.satisfied_from", book.t("wb-csat-cut"), csat.get("satisfied_from"),
                  at_least(1, whole=True), book.t("wb-csat-cut-note"))
    ces_scale = s.input("ces.scale", book.t("wb-ces-scale"), ces.get("scale"), at_least(2, whole=True),
                        book.t("wb-default", value=f"{data.value('ces_scale'):g}"))
    top = f"IF(ISBLANK({scale}),{data.value('csat_scale'):g},{scale})"
    cut_value = (f"IF(ISBLANK({cut}),IF(ISBLANK({scale}),{data.value('csat_satisfied_from'):g},{top}-1),{cut})")
    ces_top = f"IF(ISBLANK({ces_scale}),{data.value('ces_scale'):g},{ces_scale})"
    s.skip()
    results = s.row
    s.skip(10)
    head = s.row
    first, last = head + 1, head + rows
    columns = {}
    for col, metric in enumerate(METRICS):
        s.text(head, col, book.t(f"calc-t-{metric}"), "head")
        given = answers.get(metric, {}).get("answers", [])
        for k, row in enumerate(range(first, last + 1)):
            s.value(row, col, given[k] if k < len(given) else None)
        check = between(0, 10, whole=True) if metric == "nps" else at_least(1, whole=True)
        s.validate(first, col, last, col, check, book.t(f"calc-t-{metric}"))
        columns[metric] = f"${chr(65 + col)}${first + 1}:${chr(65 + col)}${last + 1}"
        book.cells[f"{metric}.answers"] = (s.name, chr(65 + col), first + 1, rows)
    s.row = results
    nps = columns["nps"]
    total = f"COUNT({nps})"
    s.result("nps.nps", book.t("calc-t-nps"),
             f'=IF({total}=0,"",100*(COUNTIF({nps},">=9")-COUNTIF({nps},"<=6"))/{total})')
    s.result("nps.promoters", book.t("calc-r-promoters"), f'=COUNTIF({nps},">=9")', "whole")
    s.result("nps.passives", book.t("calc-r-passives"), f'=COUNTIFS({nps},">=7",{nps},"<=8")', "whole")
    s.result("nps.detractors", book.t("calc-r-detractors"), f'=COUNTIF({nps},"<=6")', "whole")
    s.result("nps.total", book.t("calc-r-answers"), f"={total}", "whole")
    c = columns["csat"]
    s.result("csat.csat", book.t("calc-t-csat"),
             f'=IF(COUNT({c})=0,"",100*COUNTIF({c},">="&{cut_value})/COUNT({c}))')
    s.result("csat.satisfied", book.t("calc-r-satisfied"), f'=COUNTIF({c},">="&{cut_value})', "whole")
    s.result("csat.scale_used", book.t("wb-csat-scale"), f"={top}", "whole")
    s.result("ces.ces", book.t("calc-t-ces"), f'=IF(COUNT({columns["ces"]})=0,"",AVERAGE({columns["ces"]}))')
    s.result("ces.scale_used", book.t("wb-ces-scale"), f"={ces_top}", "whole")
    explain(book, data.title, data.formulas, data.sources)
