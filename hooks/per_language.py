"""Give each language its own search index, so a search on the English site finds English pages.

mkdocs-static-i18n merges both languages into one `search/search_index.json`. After the last
build this hook splits it: Chinese entries stay at `search/`, English entries go to
`en/search/`, and `overrides/main.html` points English pages at their own folder (material's
`base`). Material also reads `sitemap.xml` from `base` to keep the page when switching language,
so the sitemap is copied there too. No plugin does this (static-i18n's own option only removes
duplicates), hence a hook.
"""

import json
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

LANGUAGES = ("en",)  # every language but the default, which keeps the site root


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    docs = index["docs"]
    for lang in LANGUAGES:
        own = [d for d in docs if d["location"].startswith(f"{lang}/")]
        for doc in own:
            doc["location"] = doc["location"][len(lang) + 1:]
        _write(site / lang / "search" / "search_index.json", {**index, "docs": own})
        for sitemap in site.glob("sitemap.xml*"):
            shutil.copy(sitemap, site / lang / sitemap.name)
    default = [d for d in docs if not d["location"].startswith(tuple(f"{l}/" for l in LANGUAGES))]
    _write(index_file, {**index, "docs": default})


def _write(path: Path, index: dict):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
