"""`python -m calculators score`: a weighted scorecard's score and tier, from options or for each row of a file."""

from ..batch import Summary, stream
from ..cli import file_options, pairs
from ..data import load_scorecard
from ..errors import number
from ..io import find_columns
from ..messages import language_of
from ..runners import columns_of, plan_of, summary_of, table_of
from ..share_or_percent import ShareOrPercent
from . import Scorer

COMMANDS = {"score": "weighted scorecard → score and tier"}


def options(p, command: str):
    file_options(p, needs_file=False)
    p.add_argument("--scorecard", required=True, help="customer-value, lead, dealer, key-account or a .yml")
    p.add_argument("--value", action="append", type=pairs, default=[], metavar="CRITERION=VALUE")


def inputs(args) -> dict:
    return {"scorecard": args.scorecard, "values": dict(args.value)}


def run_file(args) -> Summary:
    card = load_scorecard(args.scorecard)
    table = table_of(args)
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

    plan = plan_of(args, lambda: columns_of("scorecard").ScoreColumns(scorer, index, titles, watch))
    summary = stream(table, args.output, args.format, ["score", "tier"], row, summary_of(table, "tiers", lang),
                     plan, args.progress)
    for _, watcher in watch:
        watcher.warn(summary)
    return summary
