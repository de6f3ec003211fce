"""No text from data becomes markup: script payloads in every text field of every kind of item and course (a
copy of the real data, so every kind and every page that shows data is there) stay text in every page, its
title, tags, navigation and both search indexes, and no page or search makes chromium open a dialog."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from playbook.core import safe_markdown
from playbook.core.yaml_source import FastLoader

from tests.conftest import copy_project, mkdocs_build, serving

PAYLOAD = (' <img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) "><svg onload=alert(4)>'
           " {{ 7 * 1111111 }}")  # and a Jinja expression, which must not be evaluated (mkdocs-macros renders pages)
TEXT_KEYS = ("seed", "aliases")  # plain strings that are text, not ids or keys
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: the same data in a tenth of the CPU (3 s less)


def with_payload(node, key=None):
    """Every text of a parsed YAML file with the payload appended: {zh, en} texts and TEXT_KEYS strings."""
    if isinstance(node, dict):
        if set(node) == {"zh", "en"} and all(isinstance(v, str) for v in node.values()):
            return {lang: value + PAYLOAD for lang, value in node.items()}
        return {k: with_payload(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [with_payload(v, key) for v in node]
    if isinstance(node, str) and key in TEXT_KEYS:
        return node + PAYLOAD
    return node


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("payload")
    copy_project(project)
    for file in [*(project / "playbook_data").rglob("*.yml"), *(project / "calculators").glob("*/strings.yml")]:
        data = with_payload(yaml.load(file.read_text(encoding="utf-8"), Loader=FastLoader))  # as the checker reads
        file.write_text(yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def payload_server(payload_site):
    with serving(payload_site) as url:
        yield url


class MarkupFinder(HTMLParser):
    """Collects markup the payload would have made: event handlers, scripts, javascript: addresses."""

    def __init__(self):
        super().__init__()
        self.found, self.text, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        # A script of JSON is data; one that ends early (a '</script>' from data) shows as markup after it
        self._in_script = tag == "script" and dict(attrs).get("type", "text/javascript") != "application/json"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "alert(" in value or value.startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data.strip()[:60]}")
        self.text.append(data)


def parsed(html: str) -> MarkupFinder:
    finder = MarkupFinder()
    finder.feed(html)
    finder.close()
    return finder


def markup_in(html: str) -> list[str]:
    return parsed(html).found


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.build
def test_the_payload_reached_the_pages_that_show_data_through_markdown(payload_site):
    # Not vacuous: the payload is on the pages as text, where Markdown, titles and tags carry data
    for page in ("en/management/index.html", "courses/index.html", "en/courses/complaint-workshop.html",
                 "en/courses/complaint-workshop-instructor.html", "booklets/index.html", "en/booklets/trainer.html",
                 "en/tags.html", "en/planning/smart-goals.html", "en/calculators/clv.html",
                 "en/calculators/score-file.html"):
        shown = "".join(parsed((payload_site / page).read_text(encoding="utf-8")).text)
        assert PAYLOAD.strip() in shown, page


@pytest.mark.build
def test_no_payload_becomes_markup_in_any_page(payload_site):
    found = {p.relative_to(payload_site).as_posix(): markup_in(p.read_text(encoding="utf-8"))
             for p in pages(payload_site)}
    evaluated = [p.name for p in pages(payload_site) if "7777777" in p.read_text(encoding="utf-8")]
    assert evaluated == []
    assert len(found) > 150  # both languages, every page
    assert {page: markup for page, markup in found.items() if markup} == {}


@pytest.mark.parametrize("index", ["search/search_index.json", "en/search/search_index.json"])
@pytest.mark.build
def test_no_payload_becomes_markup_in_the_search_index(payload_site, index):
    docs = json.loads((payload_site / index).read_text(encoding="utf-8"))["docs"]
    texts = [text for doc in docs for text in (doc["title"], doc["text"], *doc.get("tags", []))]
    assert sum("onerror=alert(1)" in text for text in texts) > 20  # the payload is indexed, as text
    assert [(text[:80], markup_in(text)) for text in texts if markup_in(text)] == []


@pytest.mark.browser
def test_no_page_opens_a_dialog(payload_site, payload_server, browser):
    dialogs = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)), dialog.dismiss()))
    for file in pages(payload_site):
        page.goto(payload_server + file.relative_to(payload_site).as_posix(), wait_until="load")
    page.wait_for_timeout(300)
    page.close()
    assert dialogs == []


@pytest.mark.browser
@pytest.mark.parametrize("start", ["index.html", "en/index.html"])
def test_a_search_for_the_payload_opens_no_dialog(payload_server, browser, start):
    dialogs = []
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(payload_server + start)
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill("javascript")
    page.keyboard.press("End")  # material searches on keyup
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=120_000)  # material indexes the payload-swollen Chinese index (3 MB) first
    assert results.count() > 3
    assert "<img src=x onerror=alert(1)>" in page.locator(".md-search-result").inner_text()
    results.first.locator("a").first.click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    page.close()
    assert dialogs == []


NASTY = ["1. R&D <b>x</b>", "- [x](javascript:alert(1))", "# {: onclick=alert(1)} *a* _b_ `c` |d|",
         ": defined [^1] ![i](x.png) <http://x> --8<-- \"README.md\"", "a\n\n<script>alert(1)</script>"]


@pytest.mark.parametrize("value", NASTY)
def test_text_in_markdown_shows_exactly_that_text(value):
    # Through Python-Markdown with the site's extensions, as a list item and the line under it
    md = markdown.Markdown(extensions=["abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables"])
    html = md.convert(f"- {safe_markdown.link(value, '../x.md')} · {safe_markdown.inline(value)}\n"
                      f"  {safe_markdown.text(value)}")
    shown = " ".join("".join(parsed(html).text).split())
    assert shown == " ".join(f"{value} · {value} {value}".split())
    assert re.findall(r"<(\w+)", html) == ["ul", "li", "a"] and 'href="../x.md"' in html


@pytest.mark.parametrize("address", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "data:text/html,x",
                                     "vbscript:x", "x.md) [y](javascript:z"])
def test_a_link_from_data_refuses_other_schemes(address):
    with pytest.raises(safe_markdown.UnsafeAddress):
        safe_markdown.link("x", address)


@pytest.mark.parametrize("address", ["https://example.com/a", "http://example.com", "mailto:a@example.com",
                                     "../planning/smart-goals.md", "x.md#part"])
def test_a_link_from_data_accepts_web_mail_and_relative_addresses(address):
    assert safe_markdown.link("x", address) == f"[x]({address})"
