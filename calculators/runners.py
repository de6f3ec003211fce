"""One function per file sub-command: find the columns, then stream the rows through `batch`.

`abc` and `rfm` need the whole file before they can class a row: a first pass reads only the
value columns, a second streams the rows to the output.
"""

from . import abc as abc_calc
from . import survey
from .batch import Summary, stream
from .data import load_scorecard
from .errors import InputError, number
from .io import Table, find_columns
from .pipeline import Rollup, Stages
from .rfm import Totals, parse_date
from .scorecard import Scorer

# Column names accepted without --map, besides the field's own name.
NAMES = {
    "value": ["金额", "销售额", "采购金额", "amount", "sales"],
    "customer": ["客户", "客户名称", "客户编号", "customer id", "customer name"],
    "date": ["日期", "订单日期", "下单日期", "order date"],
    "amount": ["金额", "订单金额", "销售额", "value"],
    "stage": ["阶段", "销售阶段", "商机阶段"],
    "salesperson": ["销售人员", "销售", "业务员", "负责人", "owner"],
    "region": ["区域", "地区", "大区"],
    "answer": ["评分", "得分", "回答", "score", "rating"],
}


def _open(args, wanted: list, optional=()) -> tuple:
    table = Table(args.file, args.encoding, args.sheet)
    columns = find_columns(table, {f: NAMES[f] for f in wanted}, args.map, optional)
    return table, columns


def score(args) -> Summary:
    card = load_scorecard(args.scorecard)
    table = Table(args.file, args.encoding, args.sheet)
    wanted = {c.key: [c.title.zh, c.title.en, *c.aliases] for c in card.criteria}
    columns = find_columns(table, wanted, args.map)
    index = [columns[c.key] for c in card.criteria]
    scorer = Scorer(card, [table.header[i] for i in index])

    def row(cells):
        total, tier, _ = scorer.score([cells[i] for i in index])
        return [round(total, 2), tier], tier

    return stream(table, args.output, args.format, ["score", "tier"], row, Summary("tiers"))


def abc(args) -> Summary:
    table, columns = _open(args, ["value"])
    i, name = columns["value"], table.header[columns["value"]]
    values, problems = [], {}
    # Only rows without a shape problem reach `row` below, so only they are counted here.
    clean = (cells for _, cells, problem in table.rows() if problem is None)
    for k, cells in enumerate(clean):
        try:
            values.append(number(cells[i], name, minimum=0))
        except InputError as error:
            problems[k] = str(error)
    result = abc_calc.classify_checked(values, *abc_calc.thresholds(args.a, args.b))
    position = iter(range(len(values)))
    seen = iter(range(len(values) + len(problems)))

    def row(cells):
        k = next(seen)
        if k in problems:
            raise InputError(problems[k])
        j = next(position)
        return [round(result["share"][j], 4), round(result["cumulative"][j], 4), result["classes"][j],
                result["rank"][j]], result["classes"][j]

    summary = Summary("classes")
    summary.lines.append("value share: " + ", ".join(f"{c}: {v:.1f}%" for c, v in result["value_share"].items()))
    return stream(table, args.output, args.format, ["share", "cumulative", "class", "rank"], row, summary)


def rfm(args) -> Summary:
    table, columns = _open(args, ["customer", "date", "amount"])
    i, d, a = columns["customer"], columns["date"], columns["amount"]
    names = [table.header[k] for k in (i, d, a)]

    def order(cells) -> tuple:
        customer = str(cells[i] or "").strip()
        if not customer:
            raise InputError(f"{names[0]} is empty; expected a customer name or id")
        return customer, parse_date(cells[d], names[1]), number(cells[a], names[2], minimum=0)

    totals = Totals()
    for _, cells, problem in table.rows():
        try:
            totals.add(*order(cells)) if problem is None else None
        except InputError:
            pass  # the second pass writes the same error on the row
    result = totals.score(args.analysis_date)
    by_customer = {c["customer"]: c for c in result["customers"]}

    def row(cells):
        c = by_customer[order(cells)[0]]
        return [c["recency"], c["frequency"], round(c["monetary"], 2), c["r"], c["f"], c["m"],
                c["segment"]], c["segment"]

    summary = Summary("orders per segment")
    summary.lines.append(f"analysis date: {result['analysis_date']} ({result['analysis_date_source']}); "
                         f"customers: {len(by_customer)}")
    summary.lines.append("customers per segment: " + ", ".join(f"{k}: {v}" for k, v in result["segments"].items()))
    added = ["recency", "frequency", "monetary", "r", "f", "m", "segment"]
    return stream(table, args.output, args.format, added, row, summary)


def pipeline(args) -> Summary:
    table, columns = _open(args, ["amount", "stage", "salesperson", "region"], ("salesperson", "region"))
    rollup = Rollup(Stages())
    a, s = columns["amount"], columns["stage"]
    who, where = columns.get("salesperson"), columns.get("region")

    def row(cells):
        amount = number(cells[a], table.header[a], minimum=0)
        stage = rollup.stages.key(cells[s], table.header[s])
        person = str(cells[who] or "") if who is not None else ""
        region = str(cells[where] or "") if where is not None else ""
        weighted = rollup.add(amount, stage, person, region)
        return [rollup.stages.probability[stage], round(weighted, 2)], stage

    summary = stream(table, args.output, args.format, ["probability", "weighted"], row, Summary("deals per stage"))
    result = rollup.result()
    summary.lines.append(f"total: amount {result['total']['amount']:,.2f}, weighted {result['total']['weighted']:,.2f}")
    for group in ("by_stage", "by_salesperson", "by_region"):
        summary.lines.append(f"{group.replace('_', ' ')}: " + ", ".join(
            f"{k} {v['weighted']:,.2f}" for k, v in result[group].items() if v["deals"]))
    return summary


def answers(args) -> Summary:
    """nps, csat and ces on a survey file: one answer per row."""
    table, columns = _open(args, ["answer"])
    i, name, metric = columns["answer"], table.header[columns["answer"]], args.command
    low, high, cut = survey.scale_of(metric, args.scale, args.satisfied_from)
    values = []

    def row(cells):
        value = survey.answer(cells[i], name, low, high)
        values.append(value)
        label = survey.category(metric, value, cut)
        return ([] if metric == "ces" else [label]), label

    added = [] if metric == "ces" else ["category"]
    summary = stream(table, args.output, args.format, added, row, Summary("answers"))
    if values:
        options = {"nps": {}, "csat": {"scale": high, "satisfied_from": cut}, "ces": {"scale": high}}
        result = survey.METRICS[metric](values, **options[metric])
        summary.lines.append(", ".join(f"{k}: {v:g}" for k, v in result.items()))
    return summary
