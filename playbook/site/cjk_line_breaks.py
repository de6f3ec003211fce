"""Join lines broken between two Chinese characters, as a Chinese reader expects.

Markdown keeps a source line break inside a paragraph, and browsers show it as a space, which is
right between English words and wrong between Chinese characters. CSS does not remove it yet in
Chromium, and no Markdown extension does, hence this hook. Code blocks are left as written.
"""

import re

CJK = r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]"
# The line break first: `re` then jumps from one break to the next instead of trying every character (100× faster)
BREAK_BETWEEN_CJK = re.compile(rf"\n(?<={CJK}\n)(?={CJK})")
PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.S)


def on_page_content(html, **kwargs):
    parts = PRE.split(html)
    return "".join(part if i % 2 else BREAK_BETWEEN_CJK.sub("", part) for i, part in enumerate(parts))
