"""Helpers the benchmarks share: copy the project, build it, serve a built site, time things."""

import functools
import gzip
import http.server
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("docs", "playbook_data", "playbook", "overrides", "calculators", "mkdocs.yml")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  the browser and flags the tests use


def copy_project(target: Path, root: Path = ROOT) -> Path:
    """A copy of what a build of `root` reads, so a benchmark may change it freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy(source, target / part)
    return target


def build(project: Path, site_dir: Path, extra_env: dict | None = None) -> float:
    """Seconds one `mkdocs build --strict` of `project` takes; raises with the log when it fails."""
    return build_times(project, site_dir, extra_env)[0]


def build_times(project: Path, site_dir: Path, extra_env: dict | None = None) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one `mkdocs build --strict`. The CPU time (user + system) is what
    the build itself did: on a machine shared with other builds it varies far less than the wall clock."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                            cwd=project, capture_output=True, text=True, env={**ENV, **(extra_env or {})})
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return elapsed, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def site_to_measure(given: Path | None, tmp: Path) -> Path:
    """The built site a browser benchmark measures: `--site DIR` as given, else this project built now."""
    if given:
        return given
    build(ROOT, tmp / "site")
    return tmp / "site"


def plain_material_site(folder: Path) -> Path:
    """The baseline of the browser benchmarks: a one-page mkdocs-material site, default settings, built."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text("site_name: 销售手册\ntheme:\n  name: material\n  language: zh\n"
                                       "  font: false\n", encoding="utf-8")  # font: false, as ours
    (folder / "docs" / "index.md").write_text("# 销售手册\n\n新人在线阅读，培训师组装课程，团队打印清单。\n",
                                              encoding="utf-8")
    build(folder, folder / "site")
    return folder / "site"


def median_builds(projects: list[Path], site_dir: Path, runs: int = 5) -> list[list[tuple[float, float]]]:
    """(wall, CPU) seconds of each build of each project, built in turns (A B A B …) so a machine that slows
    down or speeds up during the run weighs on every project alike."""
    times = [[] for _ in projects]
    for _ in range(runs):
        for project, seconds in zip(projects, times):
            seconds.append(build_times(project, site_dir))
    return times


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves text gzip-compressed when the browser asks, as any web server of an intranet does."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if not (path.endswith(self.TEXT) and "gzip" in self.headers.get("Accept-Encoding", "")
                and os.path.isfile(path)):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site_dir: Path):
    """Serve `site_dir` on 127.0.0.1 in a thread, gzip on; returns (base URL, server to .shutdown())."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


# Chromium's top-level tasks in a trace (browser.start_tracing(categories=TASKS))
TASKS = ["toplevel"]


def task_cpu_ms(trace: bytes, thread: str) -> list[float]:
    """The CPU time (thread time, ms) of each top-level task that ran on threads named `thread`
    ("CrRendererMain" is a page's main thread, "DedicatedWorker thread" a Web Worker). Unlike wall time,
    it does not grow when other programs keep the machine's cores busy."""
    events = json.loads(trace)["traceEvents"]
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    return [e.get("tdur", 0) / 1000 for e in events
            if e.get("ph") == "X" and e.get("name") in ("RunTask", "ThreadControllerImpl::RunTask")
            and names.get((e["pid"], e["tid"])) == thread]
