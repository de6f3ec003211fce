"""Search speed on a slow phone: keystroke to results shown, the index download and the index build in the
search worker.

Chromium's CPU is throttled 4× (Chrome DevTools Protocol `Emulation.setCPUThrottlingRate`; `--rate 1`: not
throttled, as on a laptop). For each language,
the site's search (tests/search_queries.yml, the first QUERIES of each language) is measured on its home page
beside a plain mkdocs-material site of the same weight, built in this run: the same pages with the same index
text as Markdown, our home page's content on its home page, our nav and material's theme features, material's
default search settings, theme language zh or en (the elements of both home pages are printed). Medians; the
ratio is ours / plain. Target: results shown within 100 ms of the last keystroke.

- index download: the home page's request for its language's search_index.json, from the browser's resource
  timing (start to last byte; bytes as sent, gzip, and as read);
- index build: from material posting the index to its worker until the worker reports ready; and the CPU
  time the worker thread spent from the page's start until then (its script and the build; a figure that
  other programs on the machine do not inflate, unlike the wall time);
- keystroke → results: the query but its last character is searched, then the whole query is in the box and
  a key is pressed (as an input method commits Chinese text; material searches on keyup): from that key's
  `keydown` until the result list has changed and the browser has painted the next frame; and the CPU time
  the page's main thread and its search worker spent in that span (tasks that overlap it, from a trace).
  That frame must show a screen of results (the list overflows its box, or holds every result found): the
  keystrokes where it did not are counted.

On a machine others share, wall times move with their load (printed at the start and the end): each figure
comes with the range of its per-run medians, and the CPU times, which the load inflates far less.

    python benchmarks/search_bench.py [--site DIR] [--runs 5] [--rate 4] [--index-only]
    (builds the site into a temporary folder; --index-only: the download and the build, no keystrokes)
"""

import argparse
import html
import json
import os
import re
import statistics
import tempfile
from pathlib import Path

import yaml
from _project import CHROMIUM, CHROMIUM_ARGS, ROOT, TASKS, build, serve, site_to_measure, task_cpu_ms

QUERIES = 8
TARGET_MS = 100
HOME = {"zh": "index.html", "en": "en/index.html"}

# Timestamps material's worker traffic leaves in the page (SearchMessageType: 0 setup, 1 ready, 3 result).
PROBE = """
  window.__search = {}
  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener("message", e => { if (e.data.type === 1) __search.ready = performance.now() })
    }
    postMessage(message, ...rest) {
      if (message.type === 0) __search.setup = performance.now()
      super.postMessage(message, ...rest)
    }
  }
  addEventListener("keydown", () => { __search.key = performance.now(); performance.mark("keystroke") }, true)
"""

# Arms an observer: window.__shown becomes the ms from the last keydown to the end of the first frame drawn
# after the result list changed, and window.__full whether that frame showed a screen of results: the list
# overflows its box (a phone's screen is full) or holds every result found. A frame's animation callbacks run
# before its style, layout and paint: the time is taken in the task after them (a message posted from the
# callback), not in the callback itself, which missed that frame's layout and paint (80 ms at 4× for ten results).
ARM = """() => {
  window.__shown = null
  new MutationObserver((_, observer) => {
    observer.disconnect()
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        window.__shown = performance.now() - __search.key; performance.mark("shown")
        const box = document.querySelector(".md-search__scrollwrap"), found = /\\d+/.exec(
          document.querySelector(".md-search-result__meta").textContent)
        window.__full = box.scrollHeight > box.clientHeight
          || document.querySelectorAll(".md-search-result__item").length >= (found ? +found[0] : 0)
      }
      channel.port2.postMessage(null)
    })
  }).observe(document.querySelector(".md-search-result"), {childList: true, subtree: true, characterData: true})
}"""


def plain_site_like(site: Path, lang: str, folder: Path) -> Path:
    """A mkdocs-material site with nothing of ours, built: each page at its own address holding the text of
    its entries in `site`'s index in `lang`, the home page holding our home page's content (its article,
    as HTML), our nav and material's theme features (which shape the nav). So the page measured weighs as
    much as ours and the difference is our work: our scripts, styles, index and worker."""
    index_file = site / ("search" if lang == "zh" else "en/search") / "search_index.json"
    pages: dict[str, list[str]] = {}
    for doc in json.loads(index_file.read_text(encoding="utf-8"))["docs"]:
        page, _, anchor = doc["location"].partition("#")
        text = html.unescape(re.sub(r"<[^>]+>", " ", doc["text"])).replace("\u200b", "")
        title = html.unescape(doc["title"]).replace("\u200b", "")
        pages.setdefault(page, []).append(f"{'##' if anchor else '#'} {title}\n\n{text}\n")
    home = (site / HOME[lang]).read_text(encoding="utf-8")
    pages["index.html"] = [f"<div>\n{_ARTICLE.search(home).group(1)}\n</div>\n"]
    docs = folder / "docs"
    for page, parts in pages.items():
        (docs / page).with_suffix(".md").parent.mkdir(parents=True, exist_ok=True)
        (docs / page).with_suffix(".md").write_text("\n".join(parts), encoding="utf-8")
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTags)
    config = {"site_name": "plain", "use_directory_urls": False,
              "theme": {"name": "material", "language": lang, "font": False, "features": ours["theme"]["features"]},
              "plugins": ["search"], "nav": _nav_within(ours["nav"], docs)}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build(folder, folder / "site")
    return folder / "site"


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


class _AnyTags(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !!python tags the plain site does not need, as plain values."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav_within(nav: list, docs: Path) -> list:
    """Our nav, less the pages the plain site lacks (those of no index entry)."""
    kept = []
    for entry in nav:
        label, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        value = _nav_within(value, docs) if isinstance(value, list) else value
        if value and (isinstance(value, list) or (docs / value).is_file()):
            kept.append({label: value} if label else value)
    return kept


# The index's request: ms from its start to its last byte, KB sent (gzip) and KB read
DOWNLOAD = """() => { const e = performance.getEntriesByType("resource").find(e => e.name.endsWith("search_index.json"))
  return [e.responseEnd - e.startTime, e.transferSize / 1024, e.decodedBodySize / 1024] }"""


def keystroke_cpu_ms(trace: bytes) -> float:
    """CPU ms of the main thread's and the worker's tasks that overlap the span from the mark "keystroke" to
    the mark "shown"."""
    events = json.loads(trace)["traceEvents"]
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    marks = {e["name"]: e["ts"] for e in events if e.get("name") in ("keystroke", "shown")}
    return sum(e.get("tdur", 0) / 1000 for e in events
               if e.get("ph") == "X" and e.get("name") in ("RunTask", "ThreadControllerImpl::RunTask")
               and names.get((e["pid"], e["tid"])) in ("CrRendererMain", "DedicatedWorker thread")
               and e["ts"] < marks["shown"] and e["ts"] + e.get("dur", 0) > marks["keystroke"])


def measure(browser, url: str, queries: list[str], rate: float) -> tuple[list[float], list[float], list[tuple]]:
    """Index build [ms, worker CPU ms], the index download [ms, KB sent, KB read, the page's elements] and
    keystroke → results (ms, CPU ms) for each query, on a fresh page with the CPU throttled `rate` times."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    if rate != 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
    page.add_init_script(PROBE)
    browser.start_tracing(page=page, categories=TASKS)
    page.goto(url)
    page.wait_for_function("window.__search.ready", timeout=120000)
    cpu = sum(task_cpu_ms(browser.stop_tracing(), "DedicatedWorker thread"))
    built, download = [page.evaluate("__search.ready - __search.setup"), cpu], page.evaluate(DOWNLOAD)
    download.append(page.evaluate("document.getElementsByTagName('*').length"))  # the page's weight
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input[data-md-component=search-query]")
    times = []
    for query in queries:
        box.fill(query[:-1])
        box.press("End")  # material searches on keyup: the query but its last character
        page.wait_for_timeout(1500)
        page.evaluate(ARM)
        box.fill(query)  # no search yet: material waits for a keyup
        browser.start_tracing(page=page, categories=[*TASKS, "blink.user_timing"])
        box.press("End")  # the keystroke (an input method's commit for Chinese): keydown timed, keyup searches
        page.wait_for_function("window.__shown !== null", timeout=60000)
        times.append((page.evaluate("window.__shown"), keystroke_cpu_ms(browser.stop_tracing()),
                      page.evaluate("window.__full")))
    context.close()
    return built, download, times


def main():
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rate", type=float, default=4, help="CPU throttling (1: none)")
    parser.add_argument("--index-only", action="store_true", help="only the index download and build")
    args = parser.parse_args()
    all_queries = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
    print("load average at the start: {:.1f} {:.1f} {:.1f} (1, 5, 15 min)".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        site = site_to_measure(args.site, Path(tmp))
        plain = {lang: plain_site_like(site, lang, Path(tmp) / f"plain-{lang}") for lang in HOME}
        servers = [serve(site), *(serve(plain[lang]) for lang in HOME)]
        ours_base, plain_base = servers[0][0], {lang: servers[i + 1][0] for i, lang in enumerate(HOME)}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in HOME:
                queries = [] if args.index_only else [e["query"] for e in all_queries[lang][:QUERIES]
                                                      if len(e["query"]) > 1]
                figures = {"ours": ([], [], []), "plain": ([], [], [])}
                for _ in range(args.runs):  # in turns, so a machine that slows down weighs on both alike
                    for name, url in (("ours", ours_base + HOME[lang]), ("plain", plain_base[lang] + "index.html")):
                        built, download, times = measure(browser, url, queries, args.rate)
                        figures[name][0].append(built)
                        figures[name][1].append(times)
                        figures[name][2].append(download)
                report(lang, figures, args.rate)
            browser.close()
        for _, httpd in servers:
            httpd.shutdown()
    print("load average at the end: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


def spread(runs: list[list[float]]) -> tuple[float, float, float]:
    """The median of all values, and the lowest and highest of the per-run medians."""
    medians = [statistics.median(run) for run in runs]
    return statistics.median(v for run in runs for v in run), min(medians), max(medians)


def report(lang: str, figures: dict, rate: float):
    (built, keys, loads), (plain_built, plain_keys, plain_loads) = figures["ours"], figures["plain"]
    (b, b0, b1), (pb, _, _) = spread([[x[0]] for x in built]), spread([[x[0]] for x in plain_built])
    (c, c0, c1), (pc, _, _) = spread([[x[1]] for x in built]), spread([[x[1]] for x in plain_built])
    d, pd = statistics.median(x[0] for x in loads), statistics.median(x[0] for x in plain_loads)
    size, plain_size = loads[0][1:], plain_loads[0][1:]
    print(f"{lang}: home page of {size[2]} elements vs plain {plain_size[2]}")
    cpu = f"CPU {rate:g}× throttled" if rate != 1 else "CPU not throttled"
    print(f"{lang}: index download {d:.0f} ms, {size[0]:.0f} KB sent, {size[1]:.0f} KB read vs plain {pd:.0f} ms, "
          f"{plain_size[0]:.0f} KB, {plain_size[1]:.0f} KB (ratio {d / pd:.2f}); index build in the worker {b:.0f} ms "
          f"(range {b0:.0f}–{b1:.0f}) vs plain {pb:.0f} ms (ratio {b / pb:.2f}); "
          f"worker CPU {c:.0f} ms (range {c0:.0f}–{c1:.0f}) vs plain {pc:.0f} ms (ratio {c / pc:.2f}); "
          f"{cpu}; {len(built)} runs")
    if keys and keys[0]:
        (k, k0, k1), (pk, pk0, pk1) = (spread([[t[0] for t in run] for run in r]) for r in (keys, plain_keys))
        (u, u0, u1), (pu, pu0, pu1) = (spread([[t[1] for t in run] for run in r]) for r in (keys, plain_keys))
        slowest = max(t[0] for run in keys for t in run)
        short = sum(not t[2] for run in keys for t in run)
        verdict = "ok" if k <= TARGET_MS else "over"
        print(f"{lang}: keystroke → results median {k:.0f} ms (per-run medians {k0:.0f}–{k1:.0f}, slowest {slowest:.0f}) "
              f"vs plain {pk:.0f} ms ({pk0:.0f}–{pk1:.0f}) (ratio {k / pk:.2f}); {verdict}, target {TARGET_MS} ms; "
              f"CPU (main thread and worker) {u:.0f} ms ({u0:.0f}–{u1:.0f}) vs plain {pu:.0f} ms ({pu0:.0f}–{pu1:.0f}) "
              f"(ratio {u / pu:.2f}); {sum(map(len, keys))} keystrokes in {len(keys)} runs, "
              f"{short} of them with a first frame that did not fill the screen or show every result")


if __name__ == "__main__":
    main()
