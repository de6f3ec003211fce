"""The glossary page in the reader's order: by pinyin on the Chinese page (pypinyin reads each term as a phrase,
so 长期 sorts under C and 银行 under Y), alphabetically on the English one; grouped under initial letters for
the letter index, each term with the words the filter box matches (both languages, pinyin, its initials)."""

import re
from dataclasses import dataclass, field


HAN = re.compile(r"[\u3400-\u9fff]")
OTHER = "#"  # the group of terms that start with a digit or a sign, listed last


@dataclass
class Entry:
    id: str
    term: str
    other: str  # the term in the other language
    definition: str
    sources: list
    aliases: list = field(default_factory=list)
    match: str = ""  # what the filter box matches (see normal), one line per form


def groups(terms: list, lang: str) -> list[tuple[str, list[Entry]]]:
    """[(letter, entries)] in the page's order; letters A–Z, then '#'."""
    other = "en" if lang == "zh" else "zh"
    keyed = sorted((_sort_key(t.term[lang], lang), _entry(t, lang, other)) for t in terms)
    result: dict[str, list[Entry]] = {}
    for key, entry in keyed:
        result.setdefault(key[0], []).append(entry)
    return sorted(result.items(), key=lambda group: group[0] == OTHER)


def _sort_key(text: str, lang: str) -> tuple:
    words = [w.strip().lower() for w in (_pinyin(text) if lang == "zh" else [text])]
    first = words[0][:1].upper() if words and words[0] else OTHER
    return (first if "A" <= first <= "Z" else OTHER, words, text)


def _entry(term, lang: str, other: str) -> Entry:
    aliases = getattr(term, "aliases", None)  # issue 16's optional field: {zh: [...], en: [...]}
    names = [term.term.zh, term.term.en, *(aliases.zh if aliases else []), *(aliases.en if aliases else [])]
    return Entry(term.id, term.term[lang], term.term[other], term.definition[lang], term.sources,
                 list(aliases[lang]) if aliases else [], "\n".join(_forms(names)))


def _forms(names: list[str]) -> list[str]:
    """Each name as typed: itself and, when it holds Chinese, its pinyin and the pinyin's initials."""
    forms = []
    for name in names:
        forms.append(name)
        if HAN.search(name):
            forms += ["".join(_pinyin(name)), "".join(_pinyin(name, initials=True))]
    return list(dict.fromkeys(normal(f) for f in forms))


def _pinyin(text: str, initials: bool = False) -> list[str]:
    # Imported when first used: pypinyin reads its phrase dictionary on import (~0.4 s), which only this page needs
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.FIRST_LETTER) if initials else lazy_pinyin(text)


def normal(text: str) -> str:
    """Lower case, letters and digits only: what glossary.js makes of what is typed, too."""
    return re.sub(r"[\W_]+", "", text).lower()
