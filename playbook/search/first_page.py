"""Search results drawn about a screen at a time: on a window under TALL pixels high the first page of results
holds FIRST_PAGE of them, not ten.

Material draws results in pages (its `mountSearchResult`): the first ten as soon as the worker answers, then
four more at once when they do not reach the end of the list's box, and four more each time the list is
scrolled to its end. A phone shows two or three results, and drawing the other seven (building, styling and
laying out results nobody sees yet) took a third of the time from a keystroke to results shown on a 4×
throttled phone (benchmarks/search_bench.py, in turns: Chinese 94 → 65 ms, English 80 → 66 ms). So on a
window as tall as a phone's or a laptop's the first page holds four, material's own page size: they fill the
screen, and when they do not, material adds its next four before the frame is drawn.
A taller window keeps material's ten: there eight short results can leave the list's box unfilled, and
material draws more only when the list is scrolled, which a list that fits cannot be.

Why by hand: no setting of material changes its first page (the number is written in its bundle), and a
script of ours cannot make material draw less. So after the build this changes that number in the bundle
the site ships, and only that (material's source map no longer matches the changed line: its reference goes).
When material's bundle no longer has it (an update of mkdocs-material), the build warns (an error under
--strict) and results are drawn ten at a time again.

The results carry no `content-visibility`: material measures the list right after putting a page in it, and a
result the browser has not drawn yet counts there as its guessed height, so a page of short results looked
full and stayed short.
"""

import functools
import logging
import re
from pathlib import Path

FIRST_PAGE = 4
TALL = 1000  # CSS pixels of window height: a phone's (844, 932) or a laptop's (about 700-950) are less
# l.slice(0,10)),$(...l.slice(10)): the first page, then the rest in pages (material 9.x, minified)
_MATERIAL = re.compile(r"([\w$]+)\.slice\(0,10\)\),([\w$]+)\(\.\.\.\1\.slice\(10\)\)")
_SIZE = f"(window.innerHeight<{TALL}?{FIRST_PAGE}:10)"
_MAP = re.compile(r"//# sourceMappingURL=\S+\s*$")
log = logging.getLogger("mkdocs.plugins.playbook")


def on_post_build(site: Path):
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js"), None)
    code = bundle.read_text(encoding="utf-8") if bundle else ""
    if code.count(_SIZE) == 2:  # already changed: `mkdocs serve` may keep the file of its last build
        return
    changed = _changed(code)
    if changed is None:
        log.warning("playbook/search/first_page.py: material's bundle has no first page of ten search results "
                    "to change (mkdocs-material updated?); expected one `.slice(0,10)` before `.slice(10)`")
        return
    bundle.write_text(changed, encoding="utf-8")


@functools.lru_cache(maxsize=1)  # the same bundle on every build of `mkdocs serve`
def _changed(code: str) -> str | None:
    if len(_MATERIAL.findall(code)) != 1:
        return None
    code = _MATERIAL.sub(lambda m: f"{m[1]}.slice(0,{_SIZE})),{m[2]}(...{m[1]}.slice({_SIZE}))", code)
    return _MAP.sub("", code)
