"""What every file sub-command shares; each calculator's own is `run_file` in calculators/<name>/cli.py: find
the columns, then stream the rows through `batch`.

`abc` and `rfm` need the whole file before they can class a row: a first pass reads only the
value columns, a second streams the rows to the output. Total rows are skipped by both passes.
Labels (tiers, segments, stages, answer categories) are written in the user's language.
"""

import gc
import importlib
import os
from pathlib import Path

from playbook.core.problems import DataError
from playbook.core.reading import read_model

from .batch import Summary, describe
from .io import Table, find_columns
from .messages import language_of

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


def open_table(args, wanted: list, optional=()) -> tuple:
    """(table, columns, language, summary of the file) for the fields in `wanted`."""
    table = table_of(args)
    columns = find_columns(table, {f: NAMES[f] for f in wanted}, args.map, optional)
    return table, columns, args.lang or language_of(table.header)


def table_of(args) -> Table:
    """The file of a run; its encoding guessed from its start where the fast path may check the rest."""
    return Table(args.file, args.encoding, args.sheet, args.header_row, guess=getattr(args, "engine", "") == "polars")


def summary_of(table, label: str, lang: str) -> Summary:
    summary = Summary(label, lang)
    describe(table, summary)
    return summary


# polars' allocator (jemalloc, which reads this before polars' first allocation) keeps freed pages for 10 s by
# default; handed back after 20 ms, `abc`'s peak at 1M rows is 191–194 MB against 218–227 and `rfm`'s 194–200
# against 204–211 (4 turns, load 4; 0 ms: abc 186 MB for 0.5 s more CPU). Not for `score`, at 0.2× pandas' memory
# either way, nor `pipeline`, whose peak it no longer lowers: 139–144 MB with it against 142–147 without, for
# 2.36–2.88 s of CPU against 2.26–2.65 (6 turns, load 4). One arena, not 4 per core, for every calculator: the few
# threads share its pages rather than each keeping its own, 7–19 MB less at 1M rows (score 146–149 MB against
# 162–171, rfm 197–202 against 203–209), CPU the same or less (measured, in turns). A setting of the user's own is
# kept.
ALLOCATOR = "_RJEM_MALLOC_CONF"
RETURNING = ("abc", "rfm")


def columns_of(calculator: str):
    """The calculator's columns (calculators/<name>/columns.py), which import polars: only when a file goes the
    fast way."""
    returning = ",dirty_decay_ms:20,muzzy_decay_ms:0" if calculator in RETURNING else ""
    os.environ.setdefault(ALLOCATOR, "narenas:1" + returning)
    module = importlib.import_module(f"calculators.{calculator}.columns")
    collecting()
    return module


def collecting():
    """The garbage collector on again where `python -m calculators` kept it off while starting (__main__.py), what
    the start made frozen (it lives to the end): after polars' import for a file on the fast way (`columns_of`),
    else once the command is read (cli.main). A caller that kept the collector on is left as it is."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def plan_of(args, make):
    """The columns' plan of a file run (calculators/<name>/columns.py), unless --engine python."""
    return make() if getattr(args, "engine", "polars") == "polars" else None


def own_file(path, model):
    """The user's own YAML file named in an option (--segments, --stages), read and checked as the site reads its
    own: DataError lists every problem, each with its line."""
    result, problems = read_model(Path(path), str(path), model)
    if problems:
        raise DataError(problems, str(path))
    return result.root
