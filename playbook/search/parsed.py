"""Material's search parser: the sections of each stretch of a page between headings kept by the stretch's text.

Material's search plugin reads every rendered page with a `Parser` (Python's HTMLParser) to cut it into sections;
after an edit that reaches every module page (a UI string), that reading was a fifth of `mkdocs serve`'s rebuild,
though the edit changes one section of each page. Two levels of keeping, each by text:
- a page is cut before each line that starts with a heading tag; a stretch whose sections material's parser made
  before gets them again (copies). A stretch stands alone where material's parser leaves it with no element open
  and nothing held back, and the next one opens with a heading that starts a section: the stretch's sections are
  then the same wherever it stands (its headings' depths count the open elements, none; the next one never
  returns to an earlier section). Else the stretch runs on to the next cut.
- a stretch read again is cut before each line that starts with a tag where HTMLParser holds nothing back, and
  each part's tokens (the calls HTMLParser makes: a start tag with its attributes, text, an end tag…) are kept by
  the part's text; material's own parser gets those calls in order, as if it had read the stretch.
What material does with the tokens, its sections, is its own. The stretches and parts of about the last two
builds are kept. PLAYBOOK_CACHE=off reads every page as material does (playbook/core/caching.py).

Why by hand: material's plugin has no hook between reading a page and indexing it. Its plugin module's `Parser`
is replaced by a subclass that changes `feed` (tests/search/test_parsed.py holds the sections it makes to those of
the parser read whole, for every page of the site) and, for the index's words, puts a space where a line break
(`<br>`), a table or definition cell or a form label ends: material keeps no text there, and the words either side
ran into one ("feelings<br>Why" indexed as `feelingsWhy`: 565 such joins in the English index, found by no search;
3 left, all in names such as JavaScript).
"""

import re
from html.parser import HTMLParser

from material.plugins.search import plugin as material_search

from playbook.core.caching import caching

_CUTS = re.compile(r"\n(?=<[A-Za-z/])")  # a line starting with a tag
_HEADINGS = re.compile(r"\n(?=<h[1-6][\s>])")  # a line starting with a heading
_HANDLERS = ("handle_starttag", "handle_startendtag", "handle_endtag", "handle_data", "handle_charref",
             "handle_entityref", "handle_comment", "handle_decl", "handle_pi", "unknown_decl")
KEEP = 60_000  # parts kept: a build of both languages reads ~11,000
KEEP_STRETCHES = 20_000  # stretches kept: a build of both languages reads ~4,000
_kept: dict = {}  # a part's text → its tokens, the most recently used last
_stretches: dict = {}  # (a stretch's text, first, last) → (its sections, whether it stands alone), likewise
_APART = {"br", "td", "th", "dt", "dd", "label"}  # a space after each: what stands either side are other words


class _Material(material_search.Parser):
    """Material's parser, with a space after each of _APART (which its whitespace rules keep single)."""

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "br" and self.section:
            self.handle_data(" ")

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag in _APART and self.section:
            self.handle_data(" ")


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


class Parser(_Material):
    """Material's parser, given a page's kept sections, or fed its kept tokens; what it does with them is material's."""

    def feed(self, data):
        if not caching() or self.rawdata or self.data or self.context:
            return super().feed(data)
        self.data = _sections(data)
        self.section = self.data[-1] if self.data else None


def _sections(html: str) -> list:
    """The sections material's parser makes of the whole page: those of each stretch, in order. The page is cut
    where the stretch before leaves nothing open and the one after opens a section; should a stretch so made
    not hold to that, the page is read whole."""
    ends = [match.end() for match in _HEADINGS.finditer(html)] + [len(html)]
    stretches, at = [], 0
    for end, after in zip(ends, ends[1:] + [None]):
        if after is None or _stretch(html[at:end], at == 0, False)[1] and _stretch(html[end:after], False,
                                                                                after == len(html))[2]:
            stretches.append(_stretch(html[at:end], at == 0, after is None))
            at = end
    if not all((s[1] or i == len(stretches) - 1) and (s[2] or i == 0) for i, s in enumerate(stretches)):
        stretches = [_stretch(html, True, True)]
    while len(_stretches) > KEEP_STRETCHES:
        del _stretches[next(iter(_stretches))]
    return [_copy(section) for stretch in stretches for section in stretch[0]]


def _stretch(html: str, first: bool, last: bool) -> tuple:
    """(the sections material's parser makes of the stretch, whether it leaves nothing open, whether it opens a
    section of its own): kept by its text. A stretch after the first is read after a stand-in section, which it
    must neither write to nor return to."""
    key = (html, first, last)
    kept = _stretches.pop(key, None)
    if kept is None:
        parser, before = _Material(), _Section()
        if not first:
            parser.data, parser.section = [before], before
        calls = _calls(html, last)
        for name, args in calls or ():
            getattr(parser, name)(*args)
        closes = calls is not None and not parser.context and bool(parser.data)  # a heading after finds a section
        opens = first or len(parser.data) > 1 and parser.data[1].depth == 1 and parser.section is not before \
            and not before.title and not before.text
        kept = (parser.data[0 if first else 1:], closes, bool(opens))
    _stretches[key] = kept
    return kept


class _Section(material_search.Section):
    def __init__(self):
        super().__init__(material_search.Element("hx"))


def _copy(section):
    copy = material_search.Section(section.el, section.depth)
    copy.title, copy.text, copy.id = list(section.title), list(section.text), section.id
    return copy


def _calls(html: str, last: bool) -> list | None:
    """The calls HTMLParser makes reading `html`, each part's kept by its text; None when it would hold some of
    the end back for the text after (never when `last`: then it is closed)."""
    starts = [match.end() for match in _CUTS.finditer(html)] + [len(html)]
    at, calls = 0, []
    for end in starts:
        part = html[at:end]
        kept = _kept.pop(part, None)
        if kept is None:
            kept = _read(part, last=last and end == len(html))
            if kept is None:
                continue  # HTMLParser holds something back at this cut: the part runs on to the next cut
        _kept[part] = kept
        calls += kept
        at = end
    while len(_kept) > KEEP:
        del _kept[next(iter(_kept))]
    return calls if at == len(html) else None


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
