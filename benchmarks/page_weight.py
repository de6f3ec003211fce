"""Page weight: bytes a first visit transfers, gzip-compressed as a web server would send them, by kind.

The Chinese home page, a module page and a calculator page, each loaded in a fresh browser (empty cache)
from a local server until the network is idle. Material's search worker fetches the search index as soon
as the page has loaded, without waiting for a search; it is reported on its own line. As the baseline, the
same figures for the home page of a plain mkdocs-material site (one page, default settings).
Target: at most 250 KB before the search index.

    python benchmarks/page_weight.py [--site DIR]   (builds the site into a temporary folder by default)
"""

import argparse
import gzip
import tempfile
from collections import defaultdict
from pathlib import Path

from _project import CHROMIUM, CHROMIUM_ARGS, plain_material_site, serve, site_to_measure

PAGES = {"home": "index.html", "module": "planning/smart-goals.html", "calculator": "calculators/clv.html"}
KINDS = (("search index", "search_index"), ("font", (".woff", ".woff2", ".ttf")), ("CSS", ".css"),
         ("JS", ".js"), ("image", (".svg", ".png", ".jpg", ".webp", ".ico")), ("HTML", ".html"))
TARGET_KB = 250


def kind_of(url: str) -> str:
    path = url.split("?")[0]
    for kind, marks in KINDS:
        marks = (marks,) if isinstance(marks, str) else marks
        if any(m in path if m == "search_index" else path.endswith(m) for m in marks):
            return kind
    return "other"


def weigh(browser, site: Path, base: str, path: str) -> dict[str, int]:
    """Compressed bytes by kind for one first load, the search index included once it arrives."""
    context = browser.new_context()
    page = context.new_page()
    urls = []
    page.on("requestfinished", lambda request: urls.append(request.url))
    page.goto(base + path, wait_until="networkidle")
    context.close()
    sizes = defaultdict(int)
    for url in set(urls):
        file = site / url[len(base):].split("?")[0].split("#")[0]
        if url.startswith(base) and file.is_file():
            sizes[kind_of(url)] += len(gzip.compress(file.read_bytes(), 6))
    return dict(sizes)


def main():
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = site_to_measure(args.site, Path(tmp))
        plain = plain_material_site(Path(tmp) / "plain")
        servers = {site: serve(site), plain: serve(plain)}
        pages = [("baseline", plain, "index.html"), *((name, site, path) for name, path in PAGES.items())]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, root, path in pages:
                if not (root / path).is_file():
                    print(f"{name:>10}: {path} is not in the site")
                    continue
                sizes = weigh(browser, root, servers[root][0], path)
                before = sum(v for k, v in sizes.items() if k != "search index")
                parts = "  ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(sizes.items()) if k != "search index")
                verdict = "ok" if before <= TARGET_KB * 1024 else "over"
                print(f"{name:>10}: {before / 1024:6.1f} KB before the search index ({verdict}, target "
                      f"{TARGET_KB})  [{parts}]  search index {sizes.get('search index', 0) / 1024:.1f} KB")
            browser.close()
        for _, httpd in servers.values():
            httpd.shutdown()


if __name__ == "__main__":
    main()
