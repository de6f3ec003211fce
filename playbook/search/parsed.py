"""Material's search parser fed each page's HTML from tokens kept by the text of each part of the page.

Material's search plugin reads every rendered page with a `Parser` (Python's HTMLParser) to cut it into sections;
after an edit that reaches every module page (a UI string), that reading was a fifth of `mkdocs serve`'s rebuild,
and most of it went to finding the tags in HTML that had not changed. Here a page's HTML is cut before each line
that starts with a tag, and each part's tokens (the calls HTMLParser makes: a start tag with its attributes, text,
an end tag…) are kept by the part's text; material's own parser then gets those calls in order, as if it had
read the page. A part is cut only where HTMLParser, having read it alone, holds nothing back (no tag or character
reference left open, not inside a script or style): there the whole page's reading is in the same state, so the
calls are the same. The parts of the last two builds are kept (about two of each page's versions).
PLAYBOOK_CACHE=off reads every page as material does (playbook/core/caching.py).

Why by hand: material's plugin has no hook between reading a page and indexing it. Its plugin module's `Parser`
is replaced by a subclass that only changes `feed` (tests/search/test_parsed.py holds the entries it makes to
material's own for every page of the site).
"""

import re
from html.parser import HTMLParser

from material.plugins.search import plugin as material_search

from playbook.core.caching import caching

_CUTS = re.compile(r"\n(?=<[A-Za-z/])")  # a line starting with a tag
_HANDLERS = ("handle_starttag", "handle_startendtag", "handle_endtag", "handle_data", "handle_charref",
             "handle_entityref", "handle_comment", "handle_decl", "handle_pi", "unknown_decl")
KEEP = 60_000  # parts kept: a build of both languages reads ~11,000
_kept: dict = {}  # a part's text → its tokens, the most recently used last


class _Recorder(HTMLParser):
    """Reads HTML and keeps the calls it would make to a parser's handlers."""

    def __init__(self):
        super().__init__()
        self.calls = []


def _recording(name):
    def record(self, *args):
        self.calls.append((name, args))
    return record


for _name in _HANDLERS:
    setattr(_Recorder, _name, _recording(_name))


class Parser(material_search.Parser):
    """Material's parser, fed a page's kept tokens; what it does with them is material's."""

    def feed(self, data):
        if not caching() or self.rawdata:
            return super().feed(data)
        for name, args in _tokens(data):
            getattr(self, name)(*args)


def _tokens(html: str):
    starts = [0] + [match.end() for match in _CUTS.finditer(html)] + [len(html)]
    at = 0
    for index, end in enumerate(starts[1:], 1):
        part = html[at:end]
        calls = _kept.pop(part, None)
        if calls is None:
            calls = _read(part, last=end == len(html))
            if calls is None:
                continue  # HTMLParser holds something back at this cut: the part runs on to the next cut
        _kept[part] = calls
        yield from calls
        at = end
    while len(_kept) > KEEP:
        del _kept[next(iter(_kept))]


def _read(part: str, last: bool) -> list | None:
    """The calls reading `part` makes, or None when HTMLParser would still hold some of it for the text after."""
    recorder = _Recorder()
    recorder.feed(part)
    if last:
        recorder.close()
    elif recorder.rawdata or recorder.cdata_elem:
        return None
    return recorder.calls


material_search.Parser = Parser
