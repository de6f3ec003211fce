"""Scoring a large customer file in the page: time, extra memory and the longest freeze of the page, for the
page's scripts as they are ("after") and as they were at a baseline commit ("before", default: the last
commit before the worker read files a range at a time), measured in turns in the same run. Prints the
figures and the ratios after / before, and checks both give the same bytes.

    .venv/bin/python benchmarks/browser_score_bench.py [--rows 100000,1000000] [--kinds score:lead,abc,rfm,pipeline]
                                                       [--baseline REV] [--site DIR] [--encoding E]
                                                       [--where http,file] [--offline-site DIR]

Without --site the site is built into a temporary folder first (for file://, the offline build, as `make offline`
makes it, without --offline-site); the baseline is that site with the calculators' scripts of REV. For each run a
fresh browser context opens the score-a-file page over HTTP and/or from file:// (--where; --file-url is both),
where the page starts its worker from a Blob (before that, it scored on its own thread):
- time: from choosing the file to the result ready to download, as the page reports it;
- extra memory: the peak of the proportional set size (PSS) of all of chromium's processes while scoring
  (the page, its worker, the browser process that keeps Blobs, …), sampled every 100 ms, minus the same
  just before the file is chosen; and the same for their anonymous and shared memory only (Pss_Anon +
  Pss_Shmem: what the browser allocated), since PSS also counts a share of chromium's library pages, which
  moves by tens of MB when other browsers on the machine start or stop;
- longest task: the longest task on the page's main thread (PerformanceObserver "longtask", which reports
  tasks of 50 ms and more), and the longest gap between two animation frames; both are wall times, which
  grow when other programs keep the cores busy, so also the CPU time of the longest main-thread task
  (from a trace), which does not.
"""

import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from _project import CHROMIUM, CHROMIUM_ARGS, ROOT, TASKS, build, serve, site_to_measure, task_cpu_ms

from playbook.calculators.scripts import PARTS, one_text

KINDS = {"score:lead": "客户,预算,决策权,需求,时机,匹配度", "abc": "客户,销售额", "rfm": "客户,日期,金额",
         "pipeline": "商机,金额,阶段,销售人员,区域"}
STAGES = ["初步接触", "需求分析", "方案演示", "商务谈判", "成交", "丢单"]
BASELINE = "ba7142b"  # main before the streaming worker
SCRIPTS = "docs/assets/javascripts/calculators"
PAGE = "calculators/score-file.html"

# Watches the page's main thread from before the file is chosen until the tool is done
WATCH = """() => { window.pbGap = 0; window.pbTask = 0; let last = performance.now();
  new PerformanceObserver(list => { for (const e of list.getEntries()) pbTask = Math.max(pbTask, e.duration); })
    .observe({type: "longtask"});
  const tick = now => { pbGap = Math.max(pbGap, now - last); last = now;
    if (document.querySelector('[data-file-tool]').dataset.state !== 'done') requestAnimationFrame(tick); };
  requestAnimationFrame(tick); }"""


def make_file(path: Path, kind: str, rows: int, encoding: str = "gbk"):
    """A GBK file as Chinese Excel saves it (or `encoding`), one bad row in a thousand."""
    rng = random.Random(7)
    lines = [KINDS[kind]]
    for i in range(rows):
        bad = i % 1000 == 999
        if kind == "score:lead":
            lines.append(f"客户{i}," + ",".join("x" if bad and k == 0 else str(rng.randint(1, 5)) for k in range(5)))
        elif kind == "abc":
            lines.append(f"客户{i},{'x' if bad else round(rng.paretovariate(1.2) * 1000, 2)}")
        elif kind == "pipeline":
            lines.append(f"商机{i},{'x' if bad else rng.randint(1000, 900000)},{rng.choice(STAGES)},"
                         f"销售{rng.randint(1, 40)},区域{rng.randint(1, 8)}")
        else:
            lines.append(f"客户{rng.randint(0, rows // 5)},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
                         f"{'x' if bad else rng.randint(100, 90000)}")
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))


def baseline_site(site: Path, rev: str, folder: Path) -> Path:
    """A copy of `site` whose calculator scripts are those of commit `rev`."""
    shutil.copytree(site, folder)
    git = lambda *args: subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True).stdout  # noqa: E731
    scripts = {f"{SCRIPTS}/{name}": name for name in git("ls-tree", "--name-only", f"{rev}:{SCRIPTS}").decode().split()}
    # since each calculator has a folder of its own, its formula is calculators/<name>/formula.js (_ for -); its
    # present.js and filescore.js (scripts.PARTS) are written in after the shared script they add to
    after = {}
    for path in git("ls-tree", "-r", "--name-only", rev, "calculators").decode().split():
        if path.endswith("/formula.js"):
            scripts[path] = path.split("/")[-2].replace("_", "-") + ".js"
        for shared, part in PARTS.items():
            if path.count("/") == 2 and path.endswith(f"/{part}"):
                after.setdefault(f"{SCRIPTS}/{shared}", []).append(path)
    for path, name in scripts.items():
        text = git("show", f"{rev}:{path}") + b"".join(git("show", f"{rev}:{part}") for part in after.get(path, []))
        if b"/* WORKER */" not in text:  # since the build writes worker.js's list in, the site's worker.js is kept
            (folder / "assets/javascripts/calculators" / name).write_bytes(text)
    inline(folder / "assets/javascripts/calculators")
    return folder


def inline(scripts: Path):
    """worker-inline.js made again from the baseline's scripts in `scripts`: the ones its worker.js imports, in
    order, then worker.js importing nothing (as the build makes it: scripts.one_text)."""
    worker = (scripts / "worker.js").read_text(encoding="utf-8")
    call = re.search(r"^importScripts\(([^)]*)\)", worker, re.MULTILINE)
    texts = [(scripts / name).read_text(encoding="utf-8") for name in re.findall(r'"([^"]+)"', call.group(1))]
    (scripts / "worker-inline.js").write_text(one_text(texts, worker[:call.start(1)] + worker[call.end(1):]),
                                              encoding="utf-8")


def chromium_memory_mb() -> tuple[float, ...]:
    """(PSS, anonymous + shared PSS, then the latter of the browser process and of the renderers alone) of
    every chromium process this benchmark started (descendants of this process), in MB."""
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    mine, grew = {os.getpid()}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in mine} - mine
        mine |= more
        grew = bool(more)
    total = allocated = browser = renderers = 0
    for pid in mine - {os.getpid()}:
        try:
            if "chrom" not in Path(f"/proc/{pid}/comm").read_text():
                continue
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            kind = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:]}
        anonymous = fields["Pss_Anon"] + fields["Pss_Shmem"]
        total += fields["Pss"]
        allocated += anonymous
        browser += anonymous if b"--type=" not in kind else 0
        renderers += anonymous if b"--type=renderer" in kind else 0
    return total / 1024, allocated / 1024, browser / 1024, renderers / 1024


class Peak(threading.Thread):
    """Samples chromium's memory every 100 ms until stopped; `.peak` is the highest sample of each figure."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.done = chromium_memory_mb(), threading.Event()

    def sample(self):
        self.peak = tuple(map(max, self.peak, chromium_memory_mb()))

    def run(self):
        while not self.done.wait(0.1):
            self.sample()

    def stop(self) -> tuple[float, float]:
        self.done.set()
        self.join()
        self.sample()
        return self.peak


def score_once(browser, url: str, source: Path, kind: str) -> dict:
    """One scoring in a fresh context: seconds, mode, extra MB, longest task and frame gap (ms), output digest."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(url)
    tool = page.locator(".pb-calc[data-file-tool]")
    tool.locator("select[name='kind']").select_option(kind)
    page.evaluate(WATCH)
    page.wait_for_timeout(1000)  # the page settled
    before = chromium_memory_mb()
    peak = Peak()
    peak.start()
    browser.start_tracing(page=page, categories=TASKS)
    tool.locator("input[type='file']").set_input_files(str(source))
    page.wait_for_function("['done', 'failed'].includes(document.querySelector('[data-file-tool]').dataset.state)",
                           timeout=900_000)
    extra = [high - low for high, low in zip(peak.stop(), before)]
    cpu = max(task_cpu_ms(browser.stop_tracing(), "CrRendererMain"), default=0)
    if tool.get_attribute("data-state") == "failed":  # the scripts of a baseline may fail where later ones do not
        failed = {"failed": tool.locator(".pb-file__status").text_content()}
        context.close()
        return failed
    figures = {"seconds": float(tool.get_attribute("data-seconds")), "mode": tool.get_attribute("data-mode"),
               "extra_mb": extra[0], "allocated_mb": extra[1], "browser_mb": extra[2], "renderer_mb": extra[3],
               "task_ms": page.evaluate("pbTask"), "gap_ms": page.evaluate("pbGap"), "cpu_ms": cpu}
    with page.expect_download() as info:
        tool.locator(".pb-file__download").click()
    output = Path(info.value.path()).read_bytes()
    figures["digest"], figures["lines"] = hashlib.sha256(output).hexdigest(), output.count(b"\r\n")
    context.close()
    return figures


def report(label: str, before: dict, after: dict):
    ratio = lambda key: after[key] / before[key] if before[key] else float("nan")  # noqa: E731
    task = lambda f: f"{f['task_ms']:.0f} ms" if f["task_ms"] else "< 50 ms"  # noqa: E731
    for name, f in (("before", before), ("after", after)):
        if "failed" in f:
            print(f"  {label} {name:6}: FAILED: {f['failed']}")
            continue
        print(f"  {label} {name:6}: {f['seconds']:6.2f} s in the {f['mode']:6}, +{f['extra_mb']:4.0f} MB "
              f"(anonymous +{f['allocated_mb']:4.0f} MB: browser process +{f['browser_mb']:.0f}, renderers "
              f"+{f['renderer_mb']:.0f}), longest task "
              f"{task(f)} (CPU {f['cpu_ms']:.0f} ms), longest frame gap {f['gap_ms']:.0f} ms, {f['lines']:,} lines out")
    if "failed" in before or "failed" in after:
        return
    same = "same output" if before["digest"] == after["digest"] else "OUTPUT DIFFERS"
    print(f"  {label} after / before: time {ratio('seconds'):.2f}, extra memory {ratio('extra_mb'):.2f} "
          f"(anonymous {ratio('allocated_mb'):.2f}), longest task's "
          f"CPU {ratio('cpu_ms'):.2f}, longest frame gap {ratio('gap_ms'):.2f}; {same}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="100000,1000000", help="row counts, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"of {', '.join(KINDS)}")
    parser.add_argument("--baseline", default=BASELINE, help="the commit whose page scripts are 'before'")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--encoding", default="gbk", help="of the files scored (utf-8: the page checks it whole first)")
    parser.add_argument("--where", default="http", help="http, file (from file://, the offline build) or both")
    parser.add_argument("--file-url", action="store_true", help="as --where http,file")
    parser.add_argument("--offline-site", type=Path, help="an already built offline site (default: build one)")
    args = parser.parse_args()
    places = ["http", "file://"] if args.file_url else [w.replace("file", "file://") for w in args.where.split(",")]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = site_to_measure(args.site, Path(tmp))
        sites = {"before": baseline_site(site, args.baseline, Path(tmp) / "before"), "after": site}
        servers = {name: serve(folder) for name, folder in sites.items()}
        if "file://" in places:
            offline = args.offline_site or Path(tmp) / "offline"
            if not args.offline_site:
                build(ROOT, offline, {"OFFLINE": "true"})
            disk = {"before": baseline_site(offline, args.baseline, Path(tmp) / "offline-before"), "after": offline}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for rows in (int(n) for n in args.rows.split(",")):
                for kind in args.kinds.split(","):
                    source = Path(tmp) / f"{kind.replace(':', '-')}-{rows}.csv"
                    make_file(source, kind, rows, args.encoding)
                    print(f"{kind} {rows:,} rows ({source.stat().st_size / 1e6:.1f} MB {args.encoding.upper()}), "
                          f"baseline {args.baseline}:")
                    for where in places:
                        runs = {}
                        for name in ("before", "after"):  # in turns, so a machine that slows down weighs on both
                            url = servers[name][0] + PAGE if where == "http" else (disk[name] / PAGE).as_uri()
                            runs[name] = score_once(browser, url, source, kind)
                        report(f"{where:7}", runs["before"], runs["after"])
                    source.unlink()
            browser.close()
        for _, httpd in servers.values():
            httpd.shutdown()


if __name__ == "__main__":
    main()
