"""How fast and how lean is `python -m calculators score`, against pandas doing the same job?

Generates customer files of 100k and 1M rows (a few rows with bad values), then in the same run times
(a) `python -m calculators score FILE --scorecard customer-value -o OUT.csv` and (b) a pandas script
that reads the CSV, scores it with numpy against the same scorecard, and writes a UTF-8-BOM CSV.
Each runs in its own process; peak memory is that process's maximum resident set (os.wait4).
Prints seconds and MB for both, and the ratios. Needs the `bench` extra (pandas).

    .venv/bin/python benchmarks/score_bench.py [--sizes 100000 1000000] [--keep DIR]
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculators.data import load_scorecard

HEADER = ["customer", "amount", "frequency", "margin", "potential", "clv"]

# The baseline: what an analyst would write with pandas for the same read → score → write.
PANDAS = r"""
import json, sys
import numpy as np, pandas as pd
source, out, card = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
frame = pd.read_csv(source, dtype=str, keep_default_na=False)
lo, hi = card["scale"]["min"], card["scale"]["max"]
total, bad = np.zeros(len(frame)), np.zeros(len(frame), dtype=bool)
span = sum(c["weight"] * (hi - lo) for c in card["criteria"])
for c in card["criteria"]:
    raw = pd.to_numeric(frame[c["key"]].str.replace(",", "", regex=False), errors="coerce").to_numpy()
    bad |= np.isnan(raw) | ((raw < 0) & (not c["negative_allowed"]))
    if c["breaks"]:
        points = np.asarray(c["scores"])[np.searchsorted(c["breaks"], raw, side="right")]
    else:
        bad |= (raw < lo) | (raw > hi)
        points = raw
    total += c["weight"] * (points - lo)
score = np.round(100 * total / span, 2)
tiers = card["tiers"]
tier = np.select([score >= t["min"] - 1e-9 for t in tiers], [t["key"] for t in tiers], default=tiers[-1]["key"])
frame["score"] = np.where(bad, "", score.astype(str))
frame["tier"] = np.where(bad, "", tier)
frame["error"] = np.where(bad, "a value is not a valid number", "")
frame.to_csv(out, index=False, encoding="utf-8-sig")
"""


def generate(path: Path, rows: int, seed: int = 8):
    """A customer file like a CRM export: mostly clean, one row in a thousand with a bad value."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            amount = f"{rng.lognormvariate(11, 1.5):.2f}" if i % 1000 != 7 else "12,5x"
            writer.writerow([f"客户{i:07d}", amount, rng.randint(0, 40), f"{rng.uniform(-5, 45):.1f}",
                             rng.randint(1, 5), f"{rng.lognormvariate(13, 1.5):.0f}"])


def measure(command: list) -> tuple:
    """(wall seconds, CPU seconds, peak MB) of one child process, by its own rusage; CPU time is
    the steadier figure on a shared machine."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(map(str, command))}\n{process.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def tiers_of(path: Path) -> dict:
    counts = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            counts[row["tier"]] = counts.get(row["tier"], 0) + 1
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--keep", type=Path, help="keep the generated files here")
    args = parser.parse_args()
    card = json.dumps(load_scorecard("customer-value").model_dump(mode="json"))
    folder = args.keep or Path(tempfile.mkdtemp(prefix="score-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    print(f"{'rows':>9} {'tool':<12} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
    for rows in args.sizes:
        source = folder / f"customers-{rows}.csv"
        generate(source, rows)
        ours, theirs = folder / f"ours-{rows}.csv", folder / f"pandas-{rows}.csv"
        results[rows] = {
            "calculators": measure([sys.executable, "-m", "calculators", "score", source,
                                    "--scorecard", "customer-value", "-o", ours]),
            "pandas": measure([sys.executable, "-c", PANDAS, source, theirs, card]),
        }
        for tool, (seconds, cpu, mb) in results[rows].items():
            print(f"{rows:>9,} {tool:<12} {seconds:>8.2f} {cpu:>8.2f} {mb:>8.1f}")
        if tiers_of(ours) != tiers_of(theirs):
            raise SystemExit(f"the two tools disagree at {rows} rows: {tiers_of(ours)} vs {tiers_of(theirs)}")
    print()
    for rows, r in results.items():
        (ts, tc, tm), (ps, pc, pm) = r["calculators"], r["pandas"]
        print(f"{rows:>9,} rows: wall time {ts / ps:.2f}×, CPU time {tc / pc:.2f}× pandas (target ≤ 1.0); "
              f"peak memory {tm / pm:.2f}× pandas (target ≤ 0.5)")
    if len(results) > 1:
        small, large = min(results), max(results)
        growth = results[large]["calculators"][2] / results[small]["calculators"][2]
        print(f"calculators peak memory {small:,} → {large:,} rows: {growth:.2f}× (flat means about 1)")
    if not args.keep:
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
