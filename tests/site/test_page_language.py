"""Every built page reads in one language: no Chinese left on an English page, no English on a Chinese one.

The main content (`.md-content`) of each page is scanned. Deliberate pairs are marked in the HTML with a
`lang` attribute (the glossary's other-language term, a quoted title) and skipped, as are code, addresses
and the few words listed below; anything else in the other language is a leftover."""

import re
from html.parser import HTMLParser

import pytest

from tests.conftest import built_pages

# Elements whose text is not prose in the page's language; below, addresses, file names and commands.
SKIPPED = {"code", "pre", "kbd", "samp", "script", "style", "svg", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL = re.compile(r"--[a-z][\w-]*|\bmake (?:pdf|build|serve|test|offline)\b|(?:https?|file)://\S+|"
                 r"\b[\w.-]+/[\w./#-]+\.(?:html|csv|xlsx|yml|md)\b|[\w-]*\.(?:html|csv|xlsx|yml|pdf)\b")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# On a Chinese page: acronyms and letter codes (SMART, CRM, 6W1H1S, R/F/M, "from A to B"), one-letter
# variables of a formula, names of software a reader types or opens, and the English terms the data quotes
# on purpose beside their Chinese (the words of a mnemonic, a term paired with its original); nothing else.
ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&]*s?|[a-z])$")
ZH_ALLOWED = {"Excel", "Python", "JavaScript", "Markdown", "WPS"}
ZH_QUOTED = re.compile(r"\b(?:" + "|".join([
    "Who", "What", "Where", "When", "How", "Why", "Will", "Sensitivity",  # 6W1H1S
    "Specific", "Measurable", "Achievable", "Result-oriented", "Time-bound",  # SMART
    "Everyone", "Everyday", "Everything",  # Haier's 3E
    "Marketplace", "Marketspace", "Operation Sales", "Project Sales", "Bottom-Up", "Top-Down",
]) + r")\b")


class MainText(HTMLParser):
    """The text of `.md-content` (or of another part, by its class), without skipped elements and elements marked
    in another language."""

    def __init__(self, lang: str, part: str = "md-content"):
        super().__init__(convert_charrefs=True)
        self.lang, self.part, self.parts, self.depth, self.inside, self.skip = lang, part, [], 0, None, None

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.depth += 1
        attrs = dict(attrs)
        if self.inside is None and self.part in (attrs.get("class") or "").split():
            self.inside = self.depth
        other_language = attrs.get("lang") and not attrs["lang"].startswith(self.lang)
        if self.inside and self.skip is None and (tag in SKIPPED or other_language):
            self.skip = self.depth

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.skip == self.depth:
            self.skip = None
        if self.inside == self.depth:
            self.inside = None
        self.depth -= 1

    def handle_data(self, data):
        if self.inside and self.skip is None:
            self.parts.append(data)

    @classmethod
    def of(cls, path, lang: str, part: str = "md-content") -> str:
        parser = cls(lang, part)
        parser.feed(path.read_text(encoding="utf-8"))
        return re.sub(r"\s+", " ", URL.sub(" ", " ".join(parser.parts)))


def leftovers(text: str, lang: str) -> list[str]:
    """Words of the other language in `text`, with a little context each."""
    if lang == "en":
        return [text[max(0, m.start() - 15):m.end() + 15].strip() for m in HAN.finditer(text)]
    text = ZH_QUOTED.sub(" ", text)
    return [text[max(0, m.start() - 15):m.end() + 15].strip() for m in WORD.finditer(text)
            if not ACRONYM.match(m.group()) and m.group() not in ZH_ALLOWED]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_text_in_the_other_language(site, lang):
    pages = built_pages(site, lang)
    assert len(pages) > 50
    found = {str(p.relative_to(site)): words for p in pages if (words := leftovers(MainText.of(p, lang), lang))}
    report = "\n".join(f"{page}: {' | '.join(words[:5])}" for page, words in sorted(found.items()))
    assert not found, f"{len(found)} pages with text in the other language:\n{report}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_footer_reads_in_the_page_language(site, lang):
    """The foot of every page (next and previous page, the theme's credit) says nothing in the other language:
    material wrote "Made with" in English on the Chinese pages."""
    found = {str(p.relative_to(site)): words for p in built_pages(site, lang)
             if (words := leftovers(MainText.of(p, lang, "md-footer"), lang))}
    assert not found, f"{len(found)} pages: " + "; ".join(f"{p}: {w[:3]}" for p, w in sorted(found.items())[:5])


def test_the_scan_sees_leftovers_and_respects_marked_pairs(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<div class="md-content"><p>来源：000 §7.1; practice</p><p>终身价值 <span lang="en">CLV</span>'
                    ' <span lang="en">Customer lifetime value</span>; SMART <code>mkdocs build</code></p></div>'
                    '<footer>Footer text</footer>', encoding="utf-8")
    found = leftovers(MainText.of(page, "zh"), "zh")
    assert len(found) == 1 and "practice" in found[0]
    page.write_text('<div class="md-content"><p>Wang Fang of 华东 <span lang="zh">终身价值</span>'
                    '<img alt="x"><br></p><pre>客户</pre></div><p>页脚</p>', encoding="utf-8")
    assert leftovers(MainText.of(page, "en"), "en") == ["Wang Fang of 华东"]


def test_each_language_home_page_is_titled_by_its_site_name(site):
    assert "<title>销售作战手册</title>" in (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Sales Playbook</title>" in (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "<title>SMART goals - Sales Playbook</title>" in \
        (site / "en" / "planning" / "smart-goals.html").read_text(encoding="utf-8")
