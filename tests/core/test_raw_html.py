"""A macro's HTML block skips Python-Markdown's HTML parsers (playbook/core/raw_html.py): the page comes out as
md_in_html made it, and MkDocs still knows every id in it, so links to them are checked. A page whose skeleton
(its Markdown but for the blocks a conversion numbers) is unchanged may reuse its conversion with new blocks put in:
the result is the page as converted afresh."""

import functools

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.pages import _HTMLHandler

from playbook.core.raw_html import Blocks, anchor_ids, marked, put_back, skeleton, tokens, unmarked
from playbook.core.render import render
from tests.conftest import ROOT


@functools.cache
def _site_extensions() -> tuple[list, dict]:
    """mkdocs.yml's markdown_extensions and their settings, as MkDocs hands them to Python-Markdown."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def _both_ways(markdown_text: str) -> tuple[str, str]:
    """(the page as Python-Markdown converts it unmarked, the page with the marked blocks stashed)."""
    names, configs = _site_extensions()
    plain = markdown.Markdown(extensions=names, extension_configs=configs).convert(unmarked(markdown_text))
    stashed = markdown.Markdown(extensions=names + [Blocks()], extension_configs=configs).convert(markdown_text)
    return plain, stashed


def _ids_mkdocs_finds(html: str) -> set:
    parser = _HTMLHandler()
    parser.feed(html)
    parser.close()
    return parser.present_anchor_ids


BLOCK = marked('<form class="pb-checklist" id="first-meeting">\n<p>A &amp; B &lt;C&gt; 客户</p>\n'
               '<input type="checkbox" id="c-1" name="c-1" checked>\n<br>\n<a name="foot"></a>\n</form>')

PAGES = {
    "a block between paragraphs and headings": f"# Title\n\nIntro\n\n{BLOCK}\n\n## Next\n\nText\n",
    "a block first and last": f"{BLOCK}\n\ntext\n\n{BLOCK}",
    "a block inside a sentence": "See " + marked('<abbr title="x">KPI</abbr>') + " here.\n",
    "a block in a list item": f"- {BLOCK}\n- two\n",
    "a block in an admonition": f'!!! note "N"\n\n    {BLOCK}\n',
    "an inline tag alone": f"Before\n\n{marked('<span>alone</span>')}\n\nAfter\n",
    "a macro's Markdown and HTML together": marked(f"## Heading\n\n{unmarked(BLOCK)}\n\nA *word*."),
    "a comment another plugin fills": marked("<!-- material/tags -->") + "\n",
    "a block next to a line of text": f"Line\n{BLOCK}\nLine\n",
    "a macro's page ending with a block and a line break": marked(f"# Title\n\n{unmarked(BLOCK)}\n"),
}


@pytest.mark.parametrize("case", PAGES)
def test_a_page_converts_as_without_the_stash(case):
    plain, stashed = _both_ways(PAGES[case])
    assert stashed == plain
    assert "pb-html" not in stashed


def test_a_block_ending_a_page_is_marked_and_left_out_of_its_skeleton():
    page = PAGES["a macro's page ending with a block and a line break"]
    assert anchor_ids(page) == {"first-meeting", "c-1", "foot"}
    assert skeleton(page)[1] == [(0, unmarked(BLOCK))]


def test_a_block_alone_is_stashed_whole_and_keeps_its_ids():
    text = PAGES["a block between paragraphs and headings"]
    md = markdown.Markdown(extensions=["md_in_html", Blocks()])
    md.convert(text)
    assert md.htmlStash.rawHtmlBlocks == [unmarked(BLOCK) + "\n"]
    assert anchor_ids(text) == _ids_mkdocs_finds(unmarked(BLOCK)) == {"first-meeting", "c-1", "foot"}


def test_real_blocks_convert_alike_and_their_ids_are_found(book):
    cards = [render("roleplay.html", book=book, lang=lang, card=card)
             for card in book.of_kind("roleplay") for lang in ("zh", "en")]
    assert cards
    for card in cards:
        page = f"# Card\n\n{marked(card)}\n\n## After\n"
        plain, stashed = _both_ways(page)
        assert stashed == plain
        assert anchor_ids(page) == _ids_mkdocs_finds(card)


# What a block may become after an edit: new text, or what Markdown's steps before the stash would change
CHANGED = {
    "new text": "<p>客户 &amp; 新的文字</p>",
    "a tab": "<p>a\tb</p>",
    "a carriage return": "<p>a\rb</p>",
    "Markdown's own marks": "<p>a\x02b\x03</p>",
    "a blank-looking line": "<p>a</p>\n   \n<p>b</p>",
    "a code fence": "<div>\n```\ncode *here*\n```\n</div>",
    "a tilde fence": "<div>\n~~~\ncode\n~~~\n</div>",
}


def _converted_with_numbers(markdown_text: str) -> tuple[str, list]:
    """(the page converted with its blocks numbered, the blocks numbered)."""
    names, configs = _site_extensions()
    with tokens() as numbered:
        html = markdown.Markdown(extensions=names + [Blocks()], extension_configs=configs).convert(markdown_text)
    return html, numbered


@pytest.mark.parametrize("change", CHANGED)
@pytest.mark.parametrize("case", PAGES)
def test_a_reused_conversion_with_new_blocks_equals_a_fresh_one(case, change):
    before = PAGES[case]
    after = before.replace(unmarked(BLOCK), unmarked(BLOCK).replace("<p>A &amp; B &lt;C&gt; 客户</p>", CHANGED[change]))
    html, numbered = _converted_with_numbers(before)
    kept = numbered == skeleton(before)[1]  # the page cache keeps it: the conversion numbered what the key left out
    if kept and skeleton(after)[0] == skeleton(before)[0]:
        assert put_back(html, skeleton(after)[1]) == _both_ways(after)[0]
    assert put_back(*_converted_with_numbers(after)) == _both_ways(after)[0]


def test_only_blocks_the_steps_before_the_stash_leave_alone_are_left_out_of_the_skeleton():
    before = PAGES["a block between paragraphs and headings"]
    kept = {change for change, text in CHANGED.items()
            if skeleton(before.replace("<p>A &amp; B &lt;C&gt; 客户</p>", text))[0] == skeleton(before)[0]}
    assert kept == {"new text"}
    assert _converted_with_numbers(before)[1] == skeleton(before)[1] != []
    assert skeleton(before.replace("Intro", "Introduction"))[0] != skeleton(before)[0]
    assert skeleton(PAGES["a block next to a line of text"])[1] == []  # not alone: Markdown reads it
