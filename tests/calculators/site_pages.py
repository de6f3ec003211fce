"""Finding a calculator's page in a built site, for the browser tests."""

import functools
from pathlib import Path


@functools.lru_cache(maxsize=None)
def page_of(site: Path, marker: str, lang: str) -> str:
    """The built page (relative path) that holds `marker`, in `lang` (English pages live under en/)."""
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("en/") == (lang == "en") and marker in path.read_text(encoding="utf-8"):
            return relative
    raise AssertionError(f"no {lang} page holds {marker}; expected a page calling the calculator macro")
