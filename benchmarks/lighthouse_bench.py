"""Lighthouse (mobile profile) against Debian's chromium, on the site served from 127.0.0.1.

The Chinese home page, a module page and a calculator page; prints the four category scores and the
audits that lost points. Installs Lighthouse from npm into benchmarks/node_modules on first use.
Targets: performance >= 95, accessibility 100, best practices 100, SEO >= 95.

    python benchmarks/lighthouse_bench.py [--site DIR]
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _project import ROOT, build, serve

sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(HERE)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(ROOT, site)
        base, httpd = serve(site)
        for name, path in PAGES.items():
            if not (site / path).is_file():
                print(f"{name:>10}: {path} is not in the site")
                continue
            result = lighthouse(base + path, Path(tmp) / f"{name}.json")
            scores = {k: round(result["categories"][k]["score"] * 100) for k in TARGETS}
            verdict = "ok" if all(scores[k] >= TARGETS[k] for k in TARGETS) else "below target"
            print(f"{name:>10}: " + "  ".join(f"{k} {v}" for k, v in scores.items()) + f"  ({verdict})")
            for audit in lost_points(result):
                print(f"{'':>12}- {audit}")
        httpd.shutdown()


if __name__ == "__main__":
    main()
