"""Material's search parser fed kept tokens (playbook/search/parsed.py) cuts HTML into the very sections material's
own parser does: for every page of the built site (its article), both languages, read afresh and from the kept
tokens, and for HTML that HTMLParser must not read in parts (a script, comment, tag or character reference over a
line's end)."""

import re

import pytest
from material.plugins.search import plugin as material_search

from playbook.core import caching
from playbook.search import parsed

from tests.conftest import built_pages

TRICKY = [
    "<p>a</p>\n<script>\nif (a\n<b) {}\n</script>\n<p>b &amp; c</p>\n",
    "<!-- a comment\n<p>not a paragraph</p>\n-->\n<h2 id=\"x\">X</h2>\n<p>text</p>\n",
    "<div title=\"a\n<b\">\n<p>in</p>\n</div>\n<h3 id=\"y\">Y</h3>\n<p>x &copy\n<p>after</p>",
    "<p>text &amp\n<p>more</p>\n<pre><code>line\n<span>kept</span>\n</code></pre>\n<style>\n<p>{}</style>\n",
    "<h1>T</h1>\n<p>unclosed <b>bold\n<p>a < b\n</p>\n<p data-search-exclude>hidden</p>\n<p>end",
    "",
    # stretches between headings: a heading inside an element, without an id, excluded, first, nested in a list
    "<div>\n<h2 id=\"a\">A</h2>\n<p>in</p>\n</div>\n<h2 id=\"b\">B</h2>\n<p>b</p>\n<h3>no id</h3>\n<p>c</p>\n",
    "<h2 id=\"a\">A</h2>\n<p>a</p>\n<h2 id=\"x\" data-search-exclude>X</h2>\n<p>x</p>\n<h2 id=\"b\">B</h2>\n<p>b",
    "\n<h1 id=\"t\">T</h1>\n<p>a</p>\n<ul>\n<li>\n<h4 id=\"n\">N</h4>\n</li>\n</ul>\n<p>after</p>\n",
    "<p>a <em>open\n<h2 id=\"a\">A</h2>\n<p>a</p>\n</em>\n<h2 id=\"b\">B</h2>\n<script>\n<h2 id=\"s\">\n</script>\n",
]
ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)
# One stretch between headings in two pages: standing alone in the first, inside an open element in the second
MOVED = "<h2 id=\"m\">M</h2>\n<p>m</p>\n</div>\n<p>after</p>\n"


def _sections(parser_class, html: str) -> list:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(repr(s), s.id, s.depth, s.title, s.text, s.is_excluded()) for s in parser.data]


def _material(html: str) -> list:
    caching.switch(False)
    try:
        return _sections(parsed.Parser, html)  # with the caches off, material's own feed
    finally:
        caching.switch(True)


def test_material_plugin_makes_its_parser_here():
    assert material_search.Parser is parsed.Parser
    assert [c.__module__ for c in parsed.Parser.__mro__[:3]] == ["playbook.search.parsed"] * 2 + [
        "material.plugins.search.plugin"]


def test_words_either_side_of_a_line_break_or_a_cell_stay_apart():
    # material keeps no text there: "feelings<br>Why" was indexed as the one word feelingsWhy
    html = ("<h1 id=\"t\">A<br>B</h1>\n<p><strong>feelings</strong><br><span>Why</span> it</p>\n"
            "<table><tr><th>Owner</th><td>Service</td></tr></table>\n<dl><dt>Term</dt><dd>Meaning</dd></dl>\n")
    (section,) = _sections(parsed.Parser, html)[0:1]
    title, text = "".join(section[3]), "".join(section[4])
    assert title == "A B" and "feelings Why it" in text and "Owner Service Term Meaning" in text, (title, text)


@pytest.mark.parametrize("html", TRICKY)
def test_html_read_in_parts_only_where_it_may(html):
    want = _material(html)
    assert _sections(parsed.Parser, html) == want  # read now
    assert _sections(parsed.Parser, html) == want  # from the kept tokens


def test_a_kept_stretch_is_used_only_where_it_stands_alone():
    for html in ("<p>a</p>\n" + MOVED, "<div>\n<p>a</p>\n" + MOVED, "<p>a</p>\n" + MOVED):
        assert _sections(parsed.Parser, html) == _material(html), html


@pytest.mark.build
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_cut_as_material_cuts_it(site, lang):
    pages = built_pages(site, lang)
    assert len(pages) > 60
    for page in pages:
        # The article: what material's search reads of a page (its content) and the theme's parts around it, not
        # the navigation that every page repeats (eight times the text: 66 s of CPU for both languages, not 8)
        html = ARTICLE.search(page.read_text(encoding="utf-8")).group(1)
        want = _material(html)
        assert _sections(parsed.Parser, html) == want, page
        edited = html.replace("</h2>", "</h2>\n<p>a new paragraph</p>", 1)  # one part new, the rest kept
        assert _sections(parsed.Parser, edited) == _material(edited), page
