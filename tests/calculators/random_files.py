"""Customer files as people send them, made at random: mostly plain rows, then every kind of cell the reference
reads or rejects (万, %, formulas, totals, blank and short rows), for calculator `score`, `abc`, `rfm` and
`pipeline` (GENERATORS: rows and the command line's options)."""

import csv
import datetime as dt
import io
import random
from pathlib import Path

from .cell_vectors import TOTALS

ROWS = 5_000  # rows of one file

# Cells as people type them: plain numbers most of the time, then everything the reference reads or rejects.
ODD = ["86万", "1.2万元", "1,234.50", "¥800", "(1,234.50)", "12%", "12.5 %", "-5%", "１２，０００", " 12 ", "",
       "12,5x", "abc", "-3", "1e3", "1e999", "nan", "inf", "+7", ".5", "5.", "1_000", "0", "-0", "2.675", "=1+2",
       "@SUM(1,2)", "\tx", "+cmd", "1-2", "e5", "--1", "3亿", "RMB 1,000", "12.5e-1",
       "-.5e3", "+1,234.5%", "-1,23", "-٣", "=٣"]
NAMES = ["华安商贸", "=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0", "-dash", "@at", "a,b", 'quote"d', "Totally", "计划部",
         "x\ty", " lead space"]


def cell(rng: random.Random, plain) -> str:
    roll = rng.random()
    if roll < 0.85:
        return plain()
    return rng.choice(ODD)


def name(rng, i) -> str:
    return rng.choice(NAMES) if rng.random() < 0.05 else f"客户{i:05d}"


def write_file(path: Path, header: list, rows: list, rng: random.Random):
    """A CSV with the rows, a blank line now and then, short rows and total rows."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    for i, row in enumerate(rows):
        if rng.random() < 0.003:
            text.write("\r\n" if rng.random() < 0.5 else ",,,\r\n")
        if rng.random() < 0.002:
            row = row[:rng.randrange(1, len(row))]
        if rng.random() < 0.002:
            row = [rng.choice(TOTALS)] + row[1:]
        writer.writerow(row)
    path.write_text(text.getvalue(), encoding="utf-8")


def score_rows(rng):
    header = ["customer", "amount", "frequency", "margin", "potential", "clv"]
    plain = [lambda: f"{rng.lognormvariate(11, 2):.{rng.randint(0, 3)}f}", lambda: str(rng.randint(0, 60)),
             lambda: f"{rng.uniform(-10, 50):.{rng.randint(0, 2)}f}", lambda: str(rng.randint(0, 6)),
             lambda: f"{rng.lognormvariate(13, 2):.0f}"]
    return header, [[name(rng, i)] + [cell(rng, p) for p in plain] for i in range(ROWS)]


STAGES = ["contact", "needs", "proposal", "negotiation", "won", "lost", "方案", "谈判", "赢单", " Won ", "PROPOSAL",
          "试用", "??", "", "演示"]


def pipeline_rows(rng):
    header = ["amount", "stage", "salesperson", "region"]
    amount = lambda: f"{rng.lognormvariate(11, 2):.{rng.randint(0, 3)}f}"  # noqa: E731
    return header, [[cell(rng, amount), rng.choice(STAGES), rng.choice(["王芳", "李强", "", "=x", "Tom"]),
                     rng.choice(["华东", "华南", "", "West"])] for _ in range(ROWS)]


def abc_rows(rng):
    value = lambda: rng.choice([f"{rng.lognormvariate(9, 2):.{rng.randint(0, 2)}f}", str(rng.randint(0, 9))])  # noqa: E731
    return ["customer", "amount"], [[name(rng, i), cell(rng, value)] for i in range(ROWS)]


DATES = ["2024/3/5", "2024年3月5日", "2024.3.5", "30/4/2024", "4/5/2024", "45000", "2024-02-30", "2024-3-5",
         "", "soon", "2024-03-05 10:00"]


def rfm_rows(rng):
    day = lambda: (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))).isoformat()  # noqa: E731
    who = lambda: rng.choice([f"客户{rng.randrange(300):03d}", " 客户001", "客户001 ", "", "=x", "A"])  # noqa: E731
    value = lambda: f"{rng.lognormvariate(8, 1.5):.{rng.randint(0, 2)}f}"  # noqa: E731
    return ["customer", "date", "amount"], [
        [who(), day() if rng.random() < 0.9 else rng.choice(DATES), cell(rng, value)] for _ in range(ROWS)]


GENERATORS = {"score": (score_rows, ["--scorecard", "customer-value"]),
              "rfm": (rfm_rows, ["--date-format", "dmy"]),
              "abc": (abc_rows, ["--a", "70"]),
              "pipeline": (pipeline_rows, ["--stage", "试用=0.4"])}
