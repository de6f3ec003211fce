"""One function per file sub-command: find the columns, then stream the rows through `batch`.

`abc` and `rfm` need the whole file before they can class a row: a first pass reads only the
value columns, a second streams the rows to the output. Total rows are skipped by both passes.
Labels (tiers, segments, stages, answer categories) are written in the user's language.
"""

import importlib
from pathlib import Path

import yaml

from . import abc as abc_calc
from . import clv as clv_calc
from . import survey
from .batch import Summary, describe, fast_way, stream
from .cells import parse_date
from .data import load_scorecard, settings
from .errors import InputError, number, rate
from .io import Table, find_columns
from .messages import language_of, say, word
from .pipeline import Rollup, Stages
from .rfm import DIMENSIONS, Totals
from .scorecard import Scorer
from .share_or_percent import ShareOrPercent

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
    "purchases_per_period": ["年购买次数", "购买次数", "purchases per year"],
    "average_amount": ["平均金额", "客单价", "平均订单金额", "average order"],
    "periods": ["年限", "合作年限", "years"],
    "margin": ["毛利率", "利润率"],
    "retention_cost": ["维护成本", "retention cost"],
    "referral_value": ["推荐价值", "referral value"],
}


def _open(args, wanted: list, optional=()) -> tuple:
    """(table, columns, language, summary of the file) for the fields in `wanted`."""
    table = Table(args.file, args.encoding, args.sheet, args.header_row)
    columns = find_columns(table, {f: NAMES[f] for f in wanted}, args.map, optional)
    return table, columns, args.lang or language_of(table.header)


def _summary(table, label: str, lang: str) -> Summary:
    summary = Summary(label, lang)
    describe(table, summary)
    return summary


def score(args) -> Summary:
    card = load_scorecard(args.scorecard)
    table = Table(args.file, args.encoding, args.sheet, args.header_row)
    lang = args.lang or language_of(table.header)
    wanted = {c.key: [c.title.zh, c.title.en, *c.aliases] for c in card.criteria}
    columns = find_columns(table, wanted, args.map)
    index = [columns[c.key] for c in card.criteria]
    scorer = Scorer(card, [table.header[i] for i in index])
    titles = {t.key: t.title[lang] for t in card.tiers}
    watch = [(k, ShareOrPercent(table.header[i])) for k, (c, i) in enumerate(zip(card.criteria, index)) if c.percent]

    def row(cells, line):
        values = [cells[i] for i in index]
        total, tier, _ = scorer.score(values)
        for k, watcher in watch:
            watcher.see(line, values[k], number(values[k], "", percent=True))
        return [round(total, 2), titles[tier]], titles[tier]

    plan = _plan(args, lambda: columns_of("scorecard").ScoreColumns(scorer, index, titles, watch))
    summary = stream(table, args.output, args.format, ["score", "tier"], row, _summary(table, "tiers", lang),
                     plan, args.progress)
    for _, watcher in watch:
        watcher.warn(summary)
    return summary


def columns_of(calculator: str):
    """The calculator's columns (calculators/<name>/columns.py), which import polars: only when a file goes the
    fast way."""
    return importlib.import_module(f"calculators.{calculator}.columns")


def _plan(args, make):
    """The columns' plan of a file run (calculators/<name>/columns.py), unless --engine python."""
    return make() if getattr(args, "engine", "polars") == "polars" else None


def abc(args) -> Summary:
    table, columns, lang = _open(args, ["value"])
    i, name = columns["value"], table.header[columns["value"]]
    limits = abc_calc.thresholds(args.a, args.b)
    plan = fast_way(table, args.output, args.format, _plan(args, lambda: columns_of("abc").AbcColumns(i, name, limits)))
    result, row = (plan.prepare(table), None) if plan else _abc_reference(table, i, name, limits)
    summary = _summary(table, "classes", lang)
    summary.lines.append(say("summary-value-share", lang, shares=", ".join(
        f"{c}: {v:.1f}%" for c, v in result["value_share"].items())))
    return stream(table, args.output, args.format, ["share", "cumulative", "class", "rank"], row, summary,
                  plan, args.progress)


def _abc_reference(table, i: int, name: str, limits: tuple) -> tuple:
    """(classes, row function): a first pass reads the value column, the classes are computed, the row
    function gives each row its own."""
    values, problems = [], {}
    # Only rows without a shape problem (and no total row) reach `row` below, so only they count here.
    clean = (cells for _, cells, problem in table.rows() if problem is None)
    for k, cells in enumerate(clean):
        try:
            values.append(number(cells[i], name, minimum=0))
        except InputError as error:
            problems[k] = error
    result = abc_calc.classify_checked(values, *limits)
    position = iter(range(len(values)))
    seen = iter(range(len(values) + len(problems)))

    def row(cells, line):
        k = next(seen)
        if k in problems:
            raise problems[k]
        j = next(position)
        return [round(result["share"][j], 4), round(result["cumulative"][j], 4), result["classes"][j],
                result["rank"][j]], result["classes"][j]

    return result, row


def _yaml(path, what: str):
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: is not valid YAML ({str(error).splitlines()[0]}); expected {what}") from None


def rfm(args) -> Summary:
    table, columns, lang = _open(args, ["customer", "date", "amount"])
    i, d, a = columns["customer"], columns["date"], columns["amount"]
    names = [table.header[k] for k in (i, d, a)]

    def order(cells) -> tuple:
        customer = str(cells[i] or "").strip()
        if not customer:
            raise InputError(say("empty-customer", name=names[0]), "empty-customer", {"name": names[0]})
        return customer, parse_date(cells[d], names[1], args.date_format), number(cells[a], names[2], minimum=0)

    plan = fast_way(table, args.output, args.format, _plan(args, lambda: columns_of("rfm").RfmColumns(i, d, a, order)))
    totals = plan.prepare(table) if plan else _rfm_totals(table, order)
    segments = _yaml(args.segments, "a list of segments as in playbook_data/calculators/rfm.yml") \
        if args.segments else None
    result = totals.score(args.analysis_date, segments, dict(args.thresholds) or None, args.ties)
    rules = settings("rfm").segments if segments is None else segments
    titles = {s["key"] if isinstance(s, dict) else s.key: _title(s, lang) for s in rules}
    if not isinstance(result["customers"], list):  # scored as columns (calculators/rfm/scores.py)
        by_customer = plan.customers(result["customers"], titles)
    else:
        by_customer = {c["customer"]: c for c in result["customers"]}
        plan = None

    def row(cells, line):
        c = by_customer[order(cells)[0]]
        return [c["recency"], c["frequency"], round(c["monetary"], 2), c["r"], c["f"], c["m"],
                titles[c["segment"]]], titles[c["segment"]]

    summary = _summary(table, "orders per segment", lang)
    summary.say("summary-rfm-date", date=result["analysis_date"], customers=len(by_customer))
    summary.say("summary-rfm-segments", counts=", ".join(f"{titles[k]}: {v}" for k, v in result["segments"].items()))
    summary.say("summary-rfm-breaks", breaks="; ".join(
        f"{word(k, lang)} " + ", ".join(f"{b:g}" for b in result["breaks"][k]) for k in DIMENSIONS))
    added = ["recency", "frequency", "monetary", "r", "f", "m", "segment"]
    return stream(table, args.output, args.format, added, row, summary, plan, args.progress)


def _rfm_totals(table, order) -> Totals:
    """The first pass: every order of the file added to its customer's totals."""
    totals = Totals()
    for _, cells, problem in table.rows():
        try:
            totals.add(*order(cells)) if problem is None else None
        except InputError:
            pass  # the second pass writes the same error on the row
    return totals


def _title(item, lang: str) -> str:
    title = item.get("title") if isinstance(item, dict) else item.title
    return title[lang] if title else (item["key"] if isinstance(item, dict) else item.key)


def _probabilities(args):
    """The stage probabilities: pipeline.yml's, or --stages FILE.yml's, then each --stage NAME=P."""
    given = _yaml(args.stages, "a mapping of stage name to probability") if args.stages else None
    if given is not None and not isinstance(given, dict):
        raise InputError(f"{args.stages}: is not a mapping; expected stage name: probability, such as 谈判: 0.6")
    if given is None and not args.stage:
        return None
    base = given if given is not None else {s.key: s.probability for s in settings("pipeline").stages}
    return {**{str(k): v for k, v in base.items()}, **dict(args.stage)}


def pipeline(args) -> Summary:
    table, columns, lang = _open(args, ["amount", "stage", "salesperson", "region"], ("salesperson", "region"))
    rollup = Rollup(Stages(_probabilities(args)))
    a, s = columns["amount"], columns["stage"]
    who, where = columns.get("salesperson"), columns.get("region")
    titles = {st.key: st.title[lang] for st in settings("pipeline").stages}

    def deal(cells) -> tuple:
        amount = number(cells[a], table.header[a], minimum=0)
        stage = rollup.stages.key(cells[s], table.header[s])
        person = str(cells[who] or "") if who is not None else ""
        region = str(cells[where] or "") if where is not None else ""
        return amount, stage, person, region

    def row(cells, line):
        amount, stage, person, region = deal(cells)
        weighted = rollup.add(amount, stage, person, region)
        return [rollup.stages.probability[stage], round(weighted, 2)], titles.get(stage, stage)

    plan = _plan(args, lambda: columns_of("pipeline").PipelineColumns(rollup, deal, titles, a, s, who, where))
    summary = stream(table, args.output, args.format, ["probability", "weighted"], row,
                     _summary(table, "deals per stage", lang), plan, args.progress)
    result = rollup.result()
    summary.say("summary-pipeline", amount=f"{result['total']['amount']:,.2f}",
                weighted=f"{result['total']['weighted']:,.2f}")
    for group in ("by_stage", "by_salesperson", "by_region"):
        summary.lines.append(f"{word(group, lang)}: " + ", ".join(
            f"{titles.get(k, k) if group == 'by_stage' else k} {v['weighted']:,.2f}"
            for k, v in result[group].items() if v["deals"]))
    return summary


def clv(args) -> Summary:
    """clv on a customer file, one row per customer: the seed form from its columns."""
    fields = ["purchases_per_period", "average_amount", "periods", "margin", "retention_cost", "referral_value"]
    table, columns, lang = _open(args, fields, ("margin", "retention_cost", "referral_value"))

    def row(cells, line):
        given = {f: cells[columns[f]] for f in fields if f in columns and cells[columns[f]] not in (None, "")}
        # Checked here, so a message names the file's column; the margin is a share (30% or 0.3).
        inputs = {f: (rate if f == "margin" else _amount)(v, table.header[columns[f]]) for f, v in given.items()}
        result = clv_calc.seed_form(**inputs)
        return [round(result["revenue"], 2), round(result["clv"], 2)], None

    return stream(table, args.output, args.format, ["revenue", "clv"], row, _summary(table, "customers", lang))


def _amount(value, name: str) -> float:
    return number(value, name, minimum=0)


def answers(args) -> Summary:
    """nps, csat and ces on a survey file: one answer per row."""
    table, columns, lang = _open(args, ["answer"])
    i, name, metric = columns["answer"], table.header[columns["answer"]], args.command
    low, high, cut = survey.scale_of(metric, args.scale, args.satisfied_from)
    values = []

    def row(cells, line):
        value = survey.answer(cells[i], name, low, high)
        values.append(value)
        label = word(survey.category(metric, value, cut), lang)
        return ([] if metric == "ces" else [label]), label

    added = [] if metric == "ces" else ["category"]
    summary = stream(table, args.output, args.format, added, row, _summary(table, "answers", lang))
    if values:
        options = {"nps": {}, "csat": {"scale": high, "satisfied_from": cut}, "ces": {"scale": high}}
        result = survey.METRICS[metric](values, **options[metric])
        summary.lines.append(", ".join(f"{k}: {v:g}" for k, v in result.items()))
    return summary
