"""Every built page, stylesheet and script loads nothing from another host (links in the text may leave)."""

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

# Attributes that make the browser fetch something, by tag (an <a href> is a link a reader follows).
FETCHING = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
    "link": ("href",), "image": ("href",), "use": ("href",),
}
LINK_RELS_THAT_FETCH = {"stylesheet", "icon", "preload", "modulepreload", "preconnect", "prefetch",
                        "dns-prefetch", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?P<url>[^'")\s]+)""")
# Material's bundle names two polyfills it loads only when a browser lacks a feature or a page has a
# Mermaid diagram: ResizeObserver exists in every browser material supports, and no page uses Mermaid.
MATERIAL_DORMANT = {"https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js"}
SCRIPT_LOADS = re.compile(r"""(?:_t|importScripts|fetch|import)\(\s*["'`](?P<url>https?://[^"'`]+)""")


def is_other_host(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or (urlparse(url).scheme in ("http", "https") and
                                    urlparse(url).hostname not in (None, "127.0.0.1", "localhost"))


class FetchedUrls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and not (set((attrs.get("rel") or "").split()) & LINK_RELS_THAT_FETCH):
            return
        for name in FETCHING.get(tag, ()):
            for value in (attrs.get(name) or "").split(","):
                if value.strip():
                    self.urls.append(value.split()[0])
        self.urls += [m.group("url") for m in CSS_URL.finditer(attrs.get("style") or "")]


def test_html_fetches_only_from_the_site(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = FetchedUrls()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not [u for u in parser.urls if is_other_host(u)], page


def test_stylesheets_fetch_only_from_the_site(site):
    for sheet in site.rglob("*.css"):
        urls = [m.group("url") for m in CSS_URL.finditer(sheet.read_text(encoding="utf-8"))]
        assert not [u for u in urls if is_other_host(u)], sheet


def test_scripts_load_nothing_from_other_hosts(site):
    for script in site.rglob("*.js"):
        loads = {m.group("url") for m in SCRIPT_LOADS.finditer(script.read_text(encoding="utf-8"))}
        assert loads <= MATERIAL_DORMANT, script


def test_our_own_scripts_name_no_other_host(site):
    for script in (site / "assets" / "javascripts").rglob("*.js"):
        if "bundle." in script.name or "workers" in script.parts or "lunr" in script.parts or "vendor" in script.parts:
            continue  # material's and npm packages' files (exceljs names XML namespaces), checked above
        assert not re.search(r"https?://", script.read_text(encoding="utf-8")), script


def test_the_checker_flags_fetches_but_not_links():
    parser = FetchedUrls()
    parser.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><a href="https://example.org">x</a>'
                '<img src="//cdn.example.com/y.png"><link rel="canonical" href="https://example.org/">'
                '<script src="assets/x.js"></script><div style="background:url(https://x.example/b.png)"></div>')
    assert [u for u in parser.urls if is_other_host(u)] == [
        "https://fonts.googleapis.com/css", "//cdn.example.com/y.png", "https://x.example/b.png"]
