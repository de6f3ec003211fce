"""The HTML blocks the macros put in a page go to the output as they are, without Python-Markdown parsing them.

A macro's output is HTML made by autoescaped templates (playbook/core/render.py): Markdown has nothing to do in
it, yet md_in_html and MkDocs' anchor finder fed every character of it through Python's HTMLParser, about a
tenth of a full build's CPU. `marked()` wraps each HTML block of a macro's output (a paragraph of it opening
with a tag and ending with `>`; not a comment, which other plugins may fill) in two comments. The `Blocks`
extension, before those two parsers, puts each marked block that stands alone between blank lines and opens
with a block-level tag into Markdown's own stash of raw HTML (as md_in_html would), and drops the marks of any
other (inline: left to Markdown as before). `anchor_ids()` gives the ids the marked blocks hold, which MkDocs
no longer sees, so links to them are still checked.

Why by hand: no Python-Markdown extension or MkDocs option skips HTML known to be final.
"""

import functools
import html
import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

OPEN, CLOSE = "<!--pb-html-->", "<!--/pb-html-->"
_MARKS = re.compile(r"<!--(/?)pb-html-->")
_TAG = re.compile(r"<([a-zA-Z][\w-]*)")
_IDS = re.compile(r"""<[a-zA-Z][^>]*?\sid="([^"]*)"|<a\s[^>]*?\bname="([^"]*)\"""")


def marked(output) -> str:
    """A macro's output with each of its HTML blocks marked (render() makes a block one paragraph)."""
    if not isinstance(output, str) or "<" not in output:
        return output
    parts = output.split("\n\n")
    return "\n\n".join(f"{OPEN}{part}{CLOSE}" if _TAG.match(part) and part[-1:] == ">" else part for part in parts)


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


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if OPEN not in text:
            return lines
        out, last = [], 0
        for start, end, inner, inner_end in _blocks(text):
            block = unmarked(text[inner:inner_end])
            tag = _TAG.match(block)
            whole = tag and _alone(text, start, end) and self.md.is_block_level(tag[1].lower())
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
        found |= {html.unescape(a or b) for a, b in _IDS.findall(markdown, inner, inner_end)}
    return found
