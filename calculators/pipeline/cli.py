"""`python -m calculators pipeline`: the weighted forecast of a deals file."""

from ..batch import Summary, stream
from ..cli import file_options, pairs
from ..data import settings
from ..errors import InputError, number, rate
from ..messages import word
from ..runners import columns_of, open_table, own_file, plan_of, summary_of
from ..settings import OwnStages
from . import Rollup, Stages

COMMANDS = {"pipeline": "weighted pipeline forecast of a deals file"}


def options(p, command: str):
    file_options(p, needs_file=True)
    p.add_argument("--stage", action="append", type=pairs, default=[], metavar="NAME=P",
                   help="add or change a stage and its probability, e.g. 试用=0.5 (repeat)")
    p.add_argument("--stages", metavar="FILE.yml", help="your own stages: a mapping of name to probability")


def _probabilities(args, lang: str):
    """The stage probabilities: pipeline.yml's, or --stages FILE.yml's, then each --stage NAME=P."""
    given = own_file(args.stages, OwnStages) if args.stages else None
    if given is None and not args.stage:
        return None
    base = given if given is not None else {s.key: s.probability for s in settings("pipeline").stages}
    return {**base, **{name: _option(name, value, lang) for name, value in args.stage}}


def _option(name: str, value: str, lang: str) -> float:
    """The probability of `--stage NAME=VALUE`; a bad one says so naming the option, in the run's language."""
    try:
        return rate(value, f"--stage {name}")
    except InputError as error:
        error.lang = lang  # said in the run's language (calculators/cli.py)
        raise


def run_file(args) -> Summary:
    table, columns, lang = open_table(args, ["amount", "stage", "salesperson", "region"], ("salesperson", "region"))
    rollup = Rollup(Stages(_probabilities(args, lang)))
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

    plan = plan_of(args, lambda: columns_of("pipeline").PipelineColumns(rollup, deal, titles, a, s, who, where))
    summary = stream(table, args.output, args.format, ["probability", "weighted"], row,
                     summary_of(table, "deals per stage", lang), plan, args.progress)
    result = rollup.result()
    summary.say("summary-pipeline", amount=f"{result['total']['amount']:,.2f}",
                weighted=f"{result['total']['weighted']:,.2f}")
    for group in ("by_stage", "by_salesperson", "by_region"):
        summary.lines.append(f"{word(group, lang)}: " + ", ".join(
            f"{titles.get(k, k) if group == 'by_stage' else k} {v['weighted']:,.2f}"
            for k, v in result[group].items() if v["deals"]))
    return summary
