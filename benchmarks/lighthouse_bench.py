"""Lighthouse (mobile profile) against Debian's chromium, on the site served gzipped from 127.0.0.1.

The Chinese home page, a module page and a calculator page, and as the baseline the home page of a plain
mkdocs-material site (one page, default settings) served the same way. Each page is measured --runs
times after one discarded warm-up run (the first Chrome start is always slow); the median of each
category is printed with the audits that lost points in the median run. Installs Lighthouse from npm
into benchmarks/node_modules on first use.
Targets: performance >= 95, accessibility 100, best practices 100, SEO >= 95.

    python benchmarks/lighthouse_bench.py [--site DIR] [--runs 5]
"""

import argparse
import json
import statistics
import subprocess
import tempfile
from pathlib import Path

from _project import CHROMIUM, CHROMIUM_ARGS, plain_material_site, serve, site_to_measure

HERE = Path(__file__).parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "index.html", "module": "planning/smart-goals.html", "calculator": "calculators/clv.html"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}


def lighthouse(url: str, report: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={flags}",
                    "--output=json", f"--output-path={report}", "--quiet",
                    f"--only-categories={','.join(TARGETS)}"], check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def lost_points(result: dict) -> list[str]:
    lost = []
    for category in result["categories"].values():
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"{ref['id']} {audit.get('displayValue', '')}".strip())
    return lost


def scores_of(result: dict) -> dict:
    return {k: round(result["categories"][k]["score"] * 100) for k in TARGETS}


def median_run(url: str, runs: int, tmp: Path) -> tuple[dict, dict]:
    """Median score per category over `runs` runs, and the run whose performance is the median."""
    results = sorted((lighthouse(url, tmp / f"run{i}.json") for i in range(runs)),
                     key=lambda r: r["categories"]["performance"]["score"])
    per_run = [scores_of(r) for r in results]
    medians = {k: round(statistics.median(s[k] for s in per_run)) for k in TARGETS}
    return medians, results[len(results) // 2]


def report(name: str, url: str, runs: int, tmp: Path):
    scores, median = median_run(url, runs, tmp)
    verdict = "ok" if all(scores[k] >= TARGETS[k] for k in TARGETS) else "below target"
    print(f"{name:>10}: " + "  ".join(f"{k} {v}" for k, v in scores.items()) + f"  ({verdict})", flush=True)
    for audit in lost_points(median):
        print(f"{'':>12}- {audit}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(HERE)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = site_to_measure(args.site, tmp)
        base, httpd = serve(site)
        plain_base, plain_httpd = serve(plain_material_site(tmp / "plain"))
        lighthouse(plain_base + "index.html", tmp / "warm-up.json")
        print(f"median of {args.runs} runs each, mobile profile")
        report("baseline", plain_base + "index.html", args.runs, tmp)
        for name, path in PAGES.items():
            if (site / path).is_file():
                report(name, base + path, args.runs, tmp)
            else:
                print(f"{name:>10}: {path} is not in the site")
        httpd.shutdown()
        plain_httpd.shutdown()


if __name__ == "__main__":
    main()
