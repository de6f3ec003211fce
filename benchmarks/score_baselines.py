"""The files score_bench.py generates, and the baselines it measures: what an analyst would write with
pandas, polars (lazy, streaming) or DuckDB for the same read → compute → write of each calculator.

Each script runs as `python -c SCRIPT SOURCE OUT CONFIG_JSON`; it parses plain numbers (and, for RFM,
ISO dates) only and marks any other row as an error."""

import csv
import datetime as dt
import random

STAGES = ["contact", "needs", "proposal", "negotiation", "won", "lost", "方案", "谈判"]


def generate(calculator: str, path, rows: int, seed: int = 8):
    """A file like a CRM export: mostly clean, one row in a thousand with a bad value."""
    rng = random.Random(seed)
    bad = lambda i, good: good if i % 1000 != 7 else "12,5x"  # noqa: E731
    header, row = {
        "score": (["customer", "amount", "frequency", "margin", "potential", "clv"],
                  lambda i: [f"客户{i:07d}", bad(i, f"{rng.lognormvariate(11, 1.5):.2f}"), rng.randint(0, 40),
                             f"{rng.uniform(-5, 45):.1f}", rng.randint(1, 5), f"{rng.lognormvariate(13, 1.5):.0f}"]),
        "abc": (["customer", "amount"], lambda i: [f"客户{i:07d}", bad(i, f"{rng.lognormvariate(11, 1.5):.2f}")]),
        "rfm": (["customer", "date", "amount"],
                lambda i: [f"客户{rng.randrange(max(rows // 8, 1)):07d}",
                           (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))).isoformat(),
                           bad(i, f"{rng.lognormvariate(9, 1.2):.2f}")]),
        "pipeline": (["amount", "stage", "salesperson", "region"],
                     lambda i: [bad(i, f"{rng.lognormvariate(11, 1.2):.2f}"), rng.choice(STAGES),
                                f"销售{rng.randrange(60):02d}", rng.choice(["华东", "华南", "华北", "西部"])]),
    }[calculator]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(rows):
            writer.writerow(row(i))


_SCORE_PANDAS = r"""
import json, sys
import numpy as np, pandas as pd
source, out, card = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
frame = pd.read_csv(source, dtype=str, keep_default_na=False)
lo, hi = card["scale"]["min"], card["scale"]["max"]
total, bad = np.zeros(len(frame)), np.zeros(len(frame), dtype=bool)
span = sum(c["weight"] * (hi - lo) for c in card["criteria"])
for c in card["criteria"]:
    raw = pd.to_numeric(frame[c["key"]], errors="coerce").to_numpy()
    bad |= np.isnan(raw) | ((raw < 0) & (not c["negative_allowed"]))
    if c["breaks"]:
        points = np.asarray(c["scores"])[np.searchsorted(c["breaks"], raw, side="right")]
    else:
        bad |= (raw < lo) | (raw > hi)
        points = raw
    total += c["weight"] * (points - lo)
score = np.round(100 * total / span, 2)
tiers = card["tiers"]
tier = np.select([score >= t["min"] - 1e-9 for t in tiers], [t["title"]["en"] for t in tiers], default="")
frame["score"] = np.where(bad, "", score.astype(str))
frame["tier"] = np.where(bad, "", tier)
frame["error"] = np.where(bad, "a value is not a valid number", "")
frame.to_csv(out, index=False, encoding="utf-8-sig")
"""

_SCORE_POLARS = r"""
import json, sys
import polars as pl
source, out, card = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
lo, hi = card["scale"]["min"], card["scale"]["max"]
span = sum(c["weight"] * (hi - lo) for c in card["criteria"])
total, bad = pl.lit(0.0), pl.lit(False)
for c in card["criteria"]:
    raw = pl.col(c["key"]).cast(pl.Float64, strict=False)
    bad = bad | raw.is_null() | ((raw < 0) & (not c["negative_allowed"]))
    if c["breaks"]:
        points = pl.lit(c["scores"][0])
        for b, s in zip(c["breaks"], c["scores"][1:]):
            points = pl.when(raw >= b).then(s).otherwise(points)
    else:
        bad = bad | (raw < lo) | (raw > hi)
        points = raw
    total = total + c["weight"] * (points - lo)
score = (100 * total / span).round(2)
tier = pl.lit("")
for t in reversed(card["tiers"]):
    tier = pl.when(score >= t["min"] - 1e-9).then(pl.lit(t["title"]["en"])).otherwise(tier)
bad = bad.fill_null(True)
pl.scan_csv(source, infer_schema=False).with_columns(
    score=pl.when(bad).then(None).otherwise(score), tier=pl.when(bad).then(pl.lit("")).otherwise(tier),
    error=pl.when(bad).then(pl.lit("a value is not a valid number")).otherwise(pl.lit(""))
).sink_csv(out, include_bom=True)
"""

_SCORE_DUCKDB = r"""
import json, sys
import duckdb
source, out, card = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
lo, hi = card["scale"]["min"], card["scale"]["max"]
span = sum(c["weight"] * (hi - lo) for c in card["criteria"])
total, bad = [], []
for c in card["criteria"]:
    raw = f'TRY_CAST("{c["key"]}" AS DOUBLE)'
    bad.append(f"{raw} IS NULL" + ("" if c["negative_allowed"] else f" OR {raw} < 0"))
    if c["breaks"]:
        points = "CASE " + " ".join(f"WHEN {raw} >= {b} THEN {s}" for b, s in
                                    reversed(list(zip(c["breaks"], c["scores"][1:])))) + f" ELSE {c['scores'][0]} END"
    else:
        bad.append(f"{raw} < {lo} OR {raw} > {hi}")
        points = raw
    total.append(f"{c['weight']} * ({points} - {lo})")
score = f"ROUND(100 * ({' + '.join(total)}) / {span}, 2)"
tier = "CASE " + " ".join(f"WHEN s >= {t['min'] - 1e-9} THEN '{t['title']['en']}'" for t in card["tiers"]) + " END"
bad = " OR ".join(f"({b})" for b in bad)
duckdb.sql(f'''COPY (SELECT * EXCLUDE (s, b), CASE WHEN b THEN NULL ELSE s END AS score,
  CASE WHEN b THEN '' ELSE {tier} END AS tier, CASE WHEN b THEN 'a value is not a valid number' ELSE '' END AS error
  FROM (SELECT *, {score} AS s, COALESCE({bad}, TRUE) AS b FROM read_csv('{source}', all_varchar = true)))
  TO '{out}' (HEADER)''')
"""

# Both pipeline baselines read the stage names and their probabilities the same way.
_STAGE_NAMES = r"""
import json, sys
source, out, config = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
names = {}
for s in config["stages"]:
    for n in (s["key"], s["title"]["zh"], s["title"]["en"], *s["aliases"]):
        names.setdefault(n.strip().lower(), s["probability"])
"""

_PIPELINE_POLARS = _STAGE_NAMES + r"""
import polars as pl
amount = pl.col("amount").cast(pl.Float64, strict=False)
p = pl.col("stage").str.strip_chars().str.to_lowercase().replace_strict(names, default=None, return_dtype=pl.Float64)
bad = (amount.is_null() | (amount < 0) | p.is_null()).fill_null(True)
frame = pl.scan_csv(source, infer_schema=False).with_columns(
    probability=pl.when(bad).then(None).otherwise(p), weighted=pl.when(bad).then(None).otherwise((amount * p).round(2)),
    error=pl.when(bad).then(pl.lit("bad row")).otherwise(pl.lit("")))
frame.sink_csv(out, include_bom=True)
pl.scan_csv(out).group_by("salesperson").agg(pl.col("weighted").sum()).collect()  # the summary's roll-up
"""

_PIPELINE_PANDAS = _STAGE_NAMES + r"""
import numpy as np, pandas as pd
frame = pd.read_csv(source, dtype=str, keep_default_na=False)
amount = pd.to_numeric(frame["amount"], errors="coerce")
p = frame["stage"].str.strip().str.lower().map(names)
bad = amount.isna() | (amount < 0) | p.isna()
frame["probability"] = p.where(~bad)
frame["weighted"] = (amount * p).round(2).where(~bad)
frame["error"] = np.where(bad, "bad row", "")
frame.to_csv(out, index=False, encoding="utf-8-sig")
frame.groupby("salesperson")["weighted"].sum()  # the summary's roll-up
"""

_ABC_POLARS = r"""
import json, sys
import polars as pl
source, out, config = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
a, b = config["parameters"]["a_threshold"]["value"], config["parameters"]["b_threshold"]["value"]
frame = pl.scan_csv(source, infer_schema=False).with_row_index("i").with_columns(
    v=pl.col("amount").cast(pl.Float64, strict=False))
good = frame.filter(pl.col("v").is_not_null() & (pl.col("v") >= 0)).sort("v", descending=True, maintain_order=True)
good = good.with_columns(running=pl.col("v").cum_sum(), rank=pl.int_range(1, pl.len() + 1))
total = pl.col("running").last()
good = good.with_columns(share=(pl.col("v") / total * 100).round(4), cumulative=(pl.col("running") / total * 100))
good = good.with_columns(**{"class": pl.when(pl.col("cumulative") <= a).then(pl.lit("A"))
                          .when(pl.col("cumulative") <= b).then(pl.lit("B")).otherwise(pl.lit("C"))},
                         cumulative=pl.col("cumulative").round(4))
frame.join(good.select("i", "share", "cumulative", "class", "rank"), on="i", how="left").sort("i").drop("i", "v") \
    .with_columns(error=pl.when(pl.col("class").is_null()).then(pl.lit("bad row")).otherwise(pl.lit(""))) \
    .sink_csv(out, include_bom=True)
"""

_ABC_PANDAS = r"""
import json, sys
import numpy as np, pandas as pd
source, out, config = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
a, b = config["parameters"]["a_threshold"]["value"], config["parameters"]["b_threshold"]["value"]
frame = pd.read_csv(source, dtype=str, keep_default_na=False)
v = pd.to_numeric(frame["amount"], errors="coerce")
good = v[v.notna() & (v >= 0)].sort_values(ascending=False, kind="stable")
running = good.cumsum()
total = running.iloc[-1]
cumulative = running / total * 100
frame["share"] = (good / total * 100).round(4)
frame["cumulative"] = cumulative.round(4)
frame["class"] = pd.Series(np.where(cumulative <= a, "A", np.where(cumulative <= b, "B", "C")), index=good.index)
frame["rank"] = pd.Series(np.arange(1, len(good) + 1), index=good.index)
frame["error"] = np.where(frame["class"].isna(), "bad row", "")
frame.to_csv(out, index=False, encoding="utf-8-sig")
"""

_RFM_POLARS = r"""
import json, sys
import polars as pl
source, out, config = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
orders = pl.scan_csv(source, infer_schema=False).with_columns(
    day=pl.col("date").str.to_date("%Y-%m-%d", strict=False), v=pl.col("amount").cast(pl.Float64, strict=False))
ok = pl.col("day").is_not_null() & pl.col("v").is_not_null() & (pl.col("v") >= 0)
customers = orders.filter(ok).group_by("customer").agg(
    last=pl.col("day").max(), frequency=pl.len(), monetary=pl.col("v").sum()).collect()
day = customers["last"].max() + __import__("datetime").timedelta(days=1)
customers = customers.with_columns(recency=(pl.lit(day) - pl.col("last")).dt.total_days())
def band(name):
    cuts = [customers[name].quantile(q, "linear") for q in (0.2, 0.4, 0.6, 0.8)]
    return 1 + sum((pl.col(name) > c).cast(pl.Int32) for c in cuts)
customers = customers.with_columns(r=6 - band("recency"), f=band("frequency"), m=band("monetary"))
segment = pl.lit(None, pl.String)
for s in reversed(config["segments"]):
    match = pl.lit(True)
    for k in "rfm":
        if s.get(k):
            match = match & pl.col(k).is_between(*s[k])
    segment = pl.when(match).then(pl.lit(s["title"]["en"])).otherwise(segment)
customers = customers.with_columns(segment=segment).select(
    "customer", "recency", "frequency", pl.col("monetary").round(2), "r", "f", "m", "segment")
orders.join(customers.lazy(), on="customer", how="left", maintain_order="left").with_columns(
    pl.when(ok).then(pl.col(c)).otherwise(None).alias(c) for c in ("recency", "segment")).drop("day", "v") \
    .sink_csv(out, include_bom=True)
"""

_RFM_PANDAS = r"""
import json, sys
import numpy as np, pandas as pd
source, out, config = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
orders = pd.read_csv(source, dtype=str, keep_default_na=False)
day = pd.to_datetime(orders["date"], format="%Y-%m-%d", errors="coerce")
v = pd.to_numeric(orders["amount"], errors="coerce")
ok = day.notna() & v.notna() & (v >= 0)
good = pd.DataFrame({"customer": orders["customer"], "day": day, "v": v})[ok]
c = good.groupby("customer", sort=False).agg(last=("day", "max"), frequency=("v", "size"), monetary=("v", "sum"))
c["recency"] = (c["last"].max() + pd.Timedelta(days=1) - c["last"]).dt.days
band = lambda s: 1 + sum((s > s.quantile(q)).astype(int) for q in (0.2, 0.4, 0.6, 0.8))
c["r"], c["f"], c["m"] = 6 - band(c["recency"]), band(c["frequency"]), band(c["monetary"])
segment = pd.Series(None, index=c.index, dtype=object)
for s in config["segments"]:
    match = pd.Series(True, index=c.index)
    for k in "rfm":
        if s.get(k):
            match &= c[k].between(*s[k])
    segment = segment.where(segment.notna() | ~match, s["title"]["en"])
c["segment"] = segment
c["monetary"] = c["monetary"].round(2)
out_frame = orders.join(c[["recency", "frequency", "monetary", "r", "f", "m", "segment"]], on="customer")
out_frame.loc[~ok, ["recency", "segment"]] = None
out_frame.to_csv(out, index=False, encoding="utf-8-sig")
"""

BASELINES = {
    "score": {"pandas": _SCORE_PANDAS, "polars": _SCORE_POLARS, "duckdb": _SCORE_DUCKDB},
    "pipeline": {"pandas": _PIPELINE_PANDAS, "polars": _PIPELINE_POLARS},
    "abc": {"pandas": _ABC_PANDAS, "polars": _ABC_POLARS},
    "rfm": {"pandas": _RFM_PANDAS, "polars": _RFM_POLARS},
}
