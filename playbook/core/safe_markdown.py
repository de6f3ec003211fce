"""Text from data written into Markdown, so that it stays text.

The templates escape by themselves (Jinja autoescape). Markdown has no such mode: what a macro returns as
Markdown becomes the page, its title, its table of contents, the navigation and the search index, and
Python-Markdown passes raw HTML through and turns `[x](javascript:…)` into a link. Neither Python-Markdown
nor markupsafe offers an escape for Markdown, hence these few lines.
"""

import re
from urllib.parse import urlsplit

# What HTML, Markdown or an enabled extension gives a meaning to anywhere in a line (attr_list's `{: …}`,
# tables' `|`, footnotes' `[^…]`), and what starts a block at the start of a line (headings, lists, def_list's
# `:`), written as character references: Python-Markdown keeps them as they are, a browser shows the character.
_INLINE = re.compile(r"""[\\`*_{}\[\]()!|~^<>&"'#]""")
_LEADING = re.compile(r"^( ?)([+\-.:=\d])")
SAFE_SCHEMES = ("http", "https", "mailto")


class UnsafeAddress(ValueError):
    """A link address with a scheme other than http(s) or mailto, such as `javascript:`."""


def inline(value: str) -> str:
    """`value` as Markdown that shows exactly this text, on one line, after other text (a table cell)."""
    return _INLINE.sub(_reference, re.sub(r"\s+", " ", str(value)))


def text(value: str) -> str:
    """`value` as Markdown that shows exactly this text, on one line, wherever the line starts."""
    return _LEADING.sub(lambda match: match[1] + f"&#{ord(match[2])};", inline(value), count=1)


def _reference(match) -> str:
    return f"&#{ord(match[0])};"


def filled(template: str, **values: str) -> str:
    """A UI string with its `{name}` placeholders filled in, escaped as by `inline`."""
    parts = re.split(r"\{([a-z]+)\}", template)  # text, name, text, name, …, text
    out = []
    for index, part in enumerate(parts):
        is_name = index % 2 == 1
        out.append(inline(values[part] if is_name and part in values else f"{{{part}}}" if is_name else part))
    return "".join(out)


def link(label: str, address: str) -> str:
    """A Markdown link showing `label`; only http(s), mailto and relative addresses are accepted."""
    scheme = urlsplit(address).scheme.lower()
    if scheme and scheme not in SAFE_SCHEMES or any(c in address for c in " <>()\n"):
        raise UnsafeAddress(f"link address {address!r} is not allowed; "
                            f"expected an http(s), mailto or relative address")
    return f"[{inline(label)}]({address})"
