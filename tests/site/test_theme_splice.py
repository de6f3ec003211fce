"""A page whose HTML alone changed is the page rendered before with the HTML swapped (playbook/site/theme_splice.py):
that holds while the theme reads a page's HTML only where it writes it as it is and where it asks whether it has
a `<h1`. Every place the theme's templates (material's and overrides/) name `page.content` is listed here, so a
theme upgrade that reads it anywhere else fails this test; tests/site/test_serve_rebuilds.py holds spliced pages to
a fresh build's."""

import re
from pathlib import Path

import material

from playbook.site.theme_splice import spliced

from tests.conftest import ROOT

READS = {  # template → its lines that name page.content (or page's "content")
    "partials/content.html": ['{% if "\\u003ch1" not in page.content %}', "{{ page.content }}"],
    "blog.html": ["{{ page.content }}"],  # the blog plugin's page: not in this site
}
_NAMES = re.compile(r"\bpage\b\W{1,3}content\b")  # page.content, page["content"], page['content']


def test_the_theme_reads_a_pages_html_only_where_the_splice_expects():
    found = {}
    for folder in (Path(material.__file__).parent / "templates", ROOT / "overrides"):
        for path in folder.rglob("*.html"):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if _NAMES.search(line)]
            if lines:
                found[path.relative_to(folder).as_posix()] = lines
    assert found == READS


def test_the_old_html_is_swapped_only_where_it_stands_once():
    page = "<header>t</header><article><p>old</p></article>"
    assert spliced(page, "<p>old</p>", "<p>new</p>") == "<header>t</header><article><p>new</p></article>"
    assert spliced(page + "<p>old</p>", "<p>old</p>", "<p>new</p>") is None  # twice: which one?
    assert spliced(page, "<p>gone</p>", "<p>new</p>") is None
    assert spliced("<h1>T</h1>", "", "<p>new</p>") is None


def test_a_page_gaining_or_losing_its_heading_is_rendered_again():
    page = "<h1>Site</h1><article><p>old</p></article>"
    assert spliced(page, "<p>old</p>", "<h1 id=\"t\">T</h1>") is None
    assert spliced("<article><h1>T</h1></article>", "<h1>T</h1>", "<p>no heading</p>") is None
    assert spliced("<article><h1>T</h1></article>", "<h1>T</h1>", "<h1>U</h1>") == "<article><h1>U</h1></article>"
