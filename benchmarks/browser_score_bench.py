"""Time to score a 100k-row customer file in the page: in the Web Worker (site over HTTP) and on the page
itself in slices (the same page opened from file://, where no Worker can start). Prints the figures.

    .venv/bin/python benchmarks/browser_score_bench.py [--rows 100000] [--site DIR]

Without --site the site is built into a temporary folder first. The time runs from choosing the file to
the result being ready to download (decoding, parsing, scoring, writing the CSV), as the page measures it.
"""

import argparse
import random
import tempfile
import time
from pathlib import Path

from _project import CHROMIUM, CHROMIUM_ARGS, serve, site_to_measure

KINDS = {"score:lead": "客户,预算,决策权,需求,时机,匹配度", "abc": "客户,销售额", "rfm": "客户,日期,金额"}


def make_file(path: Path, kind: str, rows: int):
    """A GBK file as Chinese Excel saves it, one bad row in a thousand."""
    rng = random.Random(7)
    lines = [KINDS[kind]]
    for i in range(rows):
        bad = i % 1000 == 999
        if kind == "score:lead":
            lines.append(f"客户{i}," + ",".join("x" if bad and k == 0 else str(rng.randint(1, 5)) for k in range(5)))
        elif kind == "abc":
            lines.append(f"客户{i},{'x' if bad else round(rng.paretovariate(1.2) * 1000, 2)}")
        else:
            lines.append(f"客户{rng.randint(0, rows // 5)},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
                         f"{'x' if bad else rng.randint(100, 90000)}")
    path.write_bytes(("\n".join(lines) + "\n").encode("gbk"))


def time_in_page(page, url: str, source: Path, kind: str) -> tuple:
    """(seconds the page reports, mode, longest gap between animation frames in ms while scoring)."""
    page.goto(url)
    tool = page.locator(".pb-calc[data-file-tool]")
    tool.locator("select[name='kind']").select_option(kind)
    # Watch the page's own frames: a long gap means the page froze
    page.evaluate("""() => { window.pbGap = 0; let last = performance.now();
      const tick = now => { window.pbGap = Math.max(window.pbGap, now - last); last = now;
        if (document.querySelector('[data-file-tool]').dataset.state !== 'done') requestAnimationFrame(tick); };
      requestAnimationFrame(tick); }""")
    tool.locator("input[type='file']").set_input_files(str(source))
    page.wait_for_function("document.querySelector('[data-file-tool]').dataset.state === 'done'", timeout=600_000)
    return float(tool.get_attribute("data-seconds")), tool.get_attribute("data-mode"), page.evaluate("window.pbGap")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = site_to_measure(args.site, Path(tmp))
        base, httpd = serve(site)
        page_path = "calculators/score-file.html"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page()
            for kind in KINDS:
                source = Path(tmp) / f"{kind.replace(':', '-')}.csv"
                make_file(source, kind, args.rows)
                size = source.stat().st_size / 1e6
                for where, url in (("http", base + page_path), ("file://", (site / page_path).as_uri())):
                    started = time.perf_counter()
                    seconds, mode, gap = time_in_page(page, url, source, kind)
                    print(f"{kind:11} {args.rows:,} rows ({size:.1f} MB GBK) via {where:7}: {seconds:.2f} s in the "
                          f"{mode} (wall {time.perf_counter() - started:.2f} s, longest frame gap {gap:.0f} ms)")
            browser.close()
        httpd.shutdown()


if __name__ == "__main__":
    main()
