"""How fast and how lean is file scoring (`python -m calculators score|abc|rfm|pipeline FILE`), against
pandas, polars (lazy) and DuckDB doing the same job in the same run?

Generates files like CRM exports (a few rows with bad values), then times in turns, `--runs` times:
`python -m calculators <calc> FILE -o OUT.csv` and a script per library that reads the CSV, computes the
same columns and writes a UTF-8-BOM CSV (the baselines parse plain numbers only: they are the floor, not
the same behaviour). Each runs in its own process; peak memory is that process's maximum resident set
(os.wait4). The labels each tool gives are checked equal. The project's modules are compiled to bytecode first, as
pip does for an installed package and the libraries' own are: with PYTHONDONTWRITEBYTECODE set, every run would
compile them again (0.05–0.1 s of CPU the baselines do not pay). Prints the range (min–max) of wall seconds, CPU
seconds and MB per tool, and the range of ratios per run against polars' time and pandas' memory. `--against DIR`
adds `python -m calculators` of another checkout (such as main's) to the turns, as the tool `before`.
Needs the `bench` extra (pandas, duckdb). On a shared machine read the ratios, not the seconds.

    .venv/bin/python benchmarks/score_bench.py [--calculators score abc rfm pipeline]
        [--sizes 100000 1000000] [--runs 3] [--tools calculators polars duckdb pandas] [--keep DIR]
        [--against DIR]
"""

import argparse
import compileall
import csv
import filecmp
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from calculators.data import load_scorecard, settings  # noqa: E402
from score_baselines import BASELINES, generate  # noqa: E402

TOOLS = ("calculators", "polars", "duckdb", "pandas", "reference")
# The column each tool's output is checked on (counts of each value must agree).
LABEL = {"score": "tier", "abc": "class", "rfm": "segment", "pipeline": "probability"}
OPTIONS = {"score": ["--scorecard", "customer-value"], "abc": [], "rfm": [], "pipeline": []}


def config(calculator: str) -> str:
    """What a baseline script needs to know of the calculator's settings, as JSON."""
    if calculator == "score":
        return json.dumps(load_scorecard("customer-value").model_dump(mode="json"))
    return json.dumps(settings(calculator).model_dump(mode="json"))


def measure(command: list, cwd: Path = ROOT) -> tuple:
    """(wall seconds, CPU seconds, peak MB) of one child process, by its own rusage."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(map(str, command))[:300]}\n{process.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def command(tool: str, calculator: str, source: Path, out: Path) -> list:
    if tool in ("calculators", "reference", "before"):
        engine = ["--engine", "python"] if tool == "reference" else []
        return [sys.executable, "-m", "calculators", calculator, source, *OPTIONS[calculator], *engine, "-o", out]
    return [sys.executable, "-c", BASELINES[calculator][tool], source, out, config(calculator)]


def counts(path: Path, column: str) -> dict:
    found = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            value = row[column]
            key = f"{float(value):g}" if value.replace(".", "", 1).isdigit() else value
            found[key] = found.get(key, 0) + 1
    return found


def span(values) -> str:
    low, high = min(values), max(values)
    return f"{low:.2f}" if f"{low:.2f}" == f"{high:.2f}" else f"{low:.2f}–{high:.2f}"


def run(calculator: str, rows: int, tools: list, runs: int, folder: Path, against: Path = None) -> dict:
    source = folder / f"{calculator}-{rows}.csv"
    if not source.exists():
        generate(calculator, source, rows)
    tools = [t for t in tools if t in ("calculators", "reference") or t in BASELINES[calculator]]
    tools += ["before"] if against else []
    times = {tool: [] for tool in tools}
    for _ in range(runs):
        for tool in tools:  # in turns, so a machine that slows down weighs on every tool alike
            out = folder / f"{calculator}-{rows}-{tool}.csv"
            times[tool].append(measure(command(tool, calculator, source, out), against if tool == "before" else ROOT))
    labels = {tool: counts(folder / f"{calculator}-{rows}-{tool}.csv", LABEL[calculator]) for tool in tools}
    mine = labels.get("calculators")
    for tool, found in labels.items():
        if mine is not None and found != mine:
            print(f"!! {calculator}, {rows:,} rows: {tool}'s {LABEL[calculator]} counts differ: {found} vs {mine}")
    ours, before = (folder / f"{calculator}-{rows}-{tool}.csv" for tool in ("calculators", "before"))
    if against and "calculators" in tools and not filecmp.cmp(ours, before, shallow=False):
        print(f"!! {calculator}, {rows:,} rows: the output differs from {against}'s")
    return times


def report(calculator: str, rows: int, times: dict):
    for tool, measured in times.items():
        wall, cpu, mb = zip(*measured)
        print(f"{calculator:<9} {rows:>10,} {tool:<12} {span(wall):>12} {span(cpu):>12} {span(mb):>14}")
    ours = times.get("calculators")
    if ours is None:
        return
    for tool, what, index, target in (("polars", "wall time", 0, 1.0), ("polars", "CPU time", 1, 1.0),
                                      ("duckdb", "wall time", 0, None), ("pandas", "peak memory", 2, 0.5),
                                      ("before", "CPU time", 1, None), ("before", "peak memory", 2, None)):
        if tool in times:
            ratios = [a[index] / b[index] for a, b in zip(ours, times[tool])]
            goal = f" (target ≤ {target})" if target else ""
            print(f"    {calculator} {rows:,}: {what} {span(ratios)}× {tool}'s{goal}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calculators", nargs="+", default=list(LABEL), choices=list(LABEL))
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS[:4]))
    parser.add_argument("--keep", type=Path, help="keep the generated files here")
    parser.add_argument("--against", type=Path, help="another checkout whose `python -m calculators` runs in the turns")
    args = parser.parse_args()
    missing = [tool for tool in args.tools if tool in ("pandas", "duckdb") and not importlib.util.find_spec(tool)]
    if missing:
        parser.error(f"{', '.join(missing)} not installed; expected the bench extra: .venv/bin/pip install -e '.[bench]'")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="score-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    for root in (ROOT, args.against) if args.against else (ROOT,):
        for package in ("calculators", "playbook"):
            compileall.compile_dir(root / package, quiet=1)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'calc':<9} {'rows':>10} {'tool':<12} {'wall s':>12} {'CPU s':>12} {'peak MB':>14}")
    peaks = {}
    for calculator in args.calculators:
        for rows in args.sizes:
            times = run(calculator, rows, args.tools, args.runs, folder, args.against)
            report(calculator, rows, times)
            if "calculators" in times:
                peaks.setdefault(calculator, {})[rows] = max(mb for _, _, mb in times["calculators"])
    for calculator, by_size in peaks.items():
        if len(by_size) > 1:
            small, large = min(by_size), max(by_size)
            print(f"{calculator}: peak memory {small:,} → {large:,} rows: {by_size[small]:.0f} → "
                  f"{by_size[large]:.0f} MB, {by_size[large] / by_size[small]:.2f}× (flat means about 1)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    if not args.keep:
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
