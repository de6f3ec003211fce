"""The HTML blocks the macros put in a page go to the output as they are, without Python-Markdown parsing them.

A macro's output is HTML made by autoescaped templates (playbook/core/render.py): Markdown has nothing to do in
it, yet md_in_html and MkDocs' anchor finder fed every character of it through Python's HTMLParser, about a
tenth of a full build's CPU. `marked()` wraps each HTML block of a macro's output (a paragraph of it opening
with a tag and ending with `>`; not a comment, which other plugins may fill) in two comments. The `Blocks`
extension, before those two parsers, puts each marked block that stands alone between blank lines and opens
with a block-level tag into Markdown's own stash of raw HTML (as md_in_html would), and drops the marks of any
other (inline: left to Markdown as before). `anchor_ids()` gives the ids the marked blocks hold, which MkDocs
no longer sees, so links to them are still checked.

While a page is converted for `mkdocs serve`'s page cache (`tokens()`), a stashed block that Markdown's earlier
steps pass through unchanged goes to the stash as a numbered comment instead (`<!--\x02pb-block:N\x03-->`: no
author's text holds \x02, Markdown drops it) and the blocks are handed back: the conversion depends only on the
page's `skeleton()`, so an edit that changes only what a macro's block shows (a checklist's text, a UI string)
reuses the page's conversion with the new blocks put in (`put_back()`). Kept whole, never numbered: a block with
what Markdown's whitespace clean-up or a code fence would change (tabs, carriage returns, blank-looking lines,
``` or ~~~).

Why by hand: no Python-Markdown extension or MkDocs option skips HTML known to be final.
"""

import functools
import html
import json
import re
from contextlib import contextmanager

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

OPEN, CLOSE = "<!--pb-html-->", "<!--/pb-html-->"
_MARKS = re.compile(r"<!--(/?)pb-html-->")
_TAG = re.compile(r"<([a-zA-Z][\w-]*)")
_UNSAFE = ("\t", "\r", "\x02", "\x03", "```", "~~~")  # what the steps before the stash may change, with:
_BLANK_LOOKING = re.compile(r"\n *\n")
_TOKEN = re.compile("<!--\x02pb-block:(\\d+)\x03-->")
_tokens: list = []  # while a page converts under tokens(): [the numbered blocks]
_IDS = re.compile(r"""<[a-zA-Z][^>]*?\sid="([^"]*)"|<a\s[^>]*?\bname="([^"]*)\"""")


def marked(output) -> str:
    """A macro's output with each of its HTML blocks marked (render() makes a block one paragraph)."""
    if not isinstance(output, str) or "<" not in output:
        return output
    return "\n\n".join(map(_marked_part, output.split("\n\n")))


def _marked_part(part: str) -> str:
    body = part.rstrip("\n")  # the last part of a page's text may end with a line break
    return f"{OPEN}{body}{CLOSE}{part[len(body):]}" if _TAG.match(body) and body[-1:] == ">" else part


def marking(macro):
    """`macro` as a page calls it: its output marked."""
    return functools.wraps(macro)(lambda *args, **kwargs: marked(macro(*args, **kwargs)))


def unmarked(markdown: str) -> str:
    return _MARKS.sub("", markdown)


def _blocks(text: str):
    """(start, end, inner start, inner end) of each outermost marked block."""
    depth = 0
    for mark in _MARKS.finditer(text):
        if not mark.group(1):
            depth += 1
            if depth == 1:
                start, inner = mark.start(), mark.end()
        elif depth:
            depth -= 1
            if depth == 0:
                yield start, mark.end(), inner, mark.start()


def _alone(text: str, start: int, end: int) -> bool:
    """A block between blank lines (or the text's ends): one Markdown would take whole as raw HTML."""
    before = start == 0 or text.endswith("\n\n", 0, start)
    return before and (text.startswith("\n\n", end) or text[end:] in ("", "\n"))


def _stashed(text: str, block_level):
    """(start, end, the block's HTML, whether Markdown takes it whole as raw HTML) of each outermost marked block."""
    for start, end, inner, inner_end in _blocks(text):
        block = unmarked(text[inner:inner_end])
        tag = _TAG.match(block)
        yield start, end, block, bool(tag and _alone(text, start, end) and block_level(tag[1].lower()))


def _numbered(block: str) -> bool:
    return not any(text in block for text in _UNSAFE) and not _BLANK_LOOKING.search(block)


def skeleton(markdown: str) -> tuple[str, list]:
    """The page's Markdown with each block a conversion under tokens() numbers left out (as JSON, a null in its
    place), and [(place among the marked blocks, block)] of those: same skeleton, same conversion."""
    out, numbered, last = [], [], 0
    for place, (start, end, block, whole) in enumerate(_stashed(markdown, BLOCK_LEVEL_ELEMENTS.__contains__)):
        if whole and _numbered(block):
            out += [markdown[last:start], None]
            numbered.append((place, block))
            last = end
    out.append(markdown[last:])
    return json.dumps(out, ensure_ascii=False), numbered


@contextmanager
def tokens():
    """Inside: a conversion numbers its blocks; yields [(place among the marked blocks, block)] as numbered."""
    _tokens.append([])
    try:
        yield _tokens[-1]
    finally:
        _tokens.pop()


def put_back(html_text: str, numbered: list) -> str:
    """The converted page with its numbered blocks in place of their comments."""
    if not numbered:
        return html_text
    return _TOKEN.sub(lambda token: numbered[int(token[1])][1], html_text)


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if OPEN not in text:
            return lines
        out, last = [], 0
        numbered = _tokens[-1] if _tokens else None
        for place, (start, end, block, whole) in enumerate(_stashed(text, self.md.is_block_level)):
            if whole and numbered is not None and _numbered(block):
                numbered.append((place, block))
                block = f"<!--\x02pb-block:{len(numbered) - 1}\x03-->"  # a comment: block-level like the block
            out += [text[last:start], self.md.htmlStash.store(block + "\n") if whole else block]
            last = end
        out.append(text[last:])
        return unmarked("".join(out)).split("\n")


class Blocks(Extension):
    """Marked blocks into Markdown's stash, before MkDocs' anchor finder (21) and md_in_html (20)."""

    def extendMarkdown(self, md):
        md.preprocessors.register(_Stash(md), "playbook_html_blocks", 22)


def anchor_ids(markdown: str) -> set[str]:
    """The ids (and `<a name>`s) in the marked blocks of a page's Markdown, as MkDocs' anchor finder reads them."""
    found = set()
    for _, _, inner, inner_end in _blocks(markdown):
        found |= _block_ids(markdown[inner:inner_end])
    return found


@functools.lru_cache(maxsize=4096)  # `mkdocs serve` asks again for every page on each rebuild
def _block_ids(block: str) -> frozenset:
    return frozenset(html.unescape(a or b) for a, b in _IDS.findall(block))
