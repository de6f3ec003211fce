"""The theme's installed files are listed once per process, not on every build.

MkDocs lists every file of the theme's folders at the start of each build (twice with two languages) to copy
its assets: material's folder holds ~14,000 files (its icons), about a tenth of a rebuild in `mkdocs serve`.
The loader of the theme's Jinja environment keeps the listing of each installed theme folder (which does not
change while the server runs); the project's own folder (`custom_dir`, overrides/) is listed on every build, so
an added override is seen. The installed ones are told by not being `custom_dir`, not by lying outside the
project: `make serve`'s `.venv/` is inside it. Every environment it makes compiles each template once per process
(material's search and tags plugins make and use theirs before `on_env`, where page_cache.py sets the cache of
the pages' own). PLAYBOOK_CACHE=off lists every folder and compiles every template each time. Every environment
also gets `playbook_t`, material's translations looked up once per build (overrides/partials/language.html).

Why by hand: `Theme.get_env()` makes a new loader on every build and no MkDocs setting keeps its listing; Jinja
makes a template imported inside one imported `with context` again on every use, and material's base.html
imports its translations that way.
"""

import functools
from pathlib import Path

from jinja2 import FileSystemLoader

from playbook.core.caching import caching
from playbook.site import page_cache


def on_config(config):
    theme, make_env = config.theme, config.theme.get_env
    if getattr(make_env, "listed_once", False):  # static-i18n runs on_config once per language
        return
    own = Path(theme.custom_dir).resolve() if theme.custom_dir else None

    def get_env():
        env = make_env()
        env.globals["playbook_t"] = _translations(env, theme)
        if caching():
            env.loader = _Listed(env.loader.searchpath, own)
            env.bytecode_cache = page_cache.bytecode_cache()  # also for the environments plugins make before on_env
        return env

    get_env.listed_once = True
    config.theme.get_env = get_env


def _translations(env, theme):
    """`playbook_t(key)`, as material's partials/language.html's `t(key)`: the text in the theme's language,
    else in English, else the key (overrides/partials/language.html)."""

    found = {}  # (language, key) → text: each language file's macro builds its whole table on every call

    def t(key):
        language = theme["language"]
        if (language, key) not in found:
            texts = (env.get_template(f"partials/languages/{name}.html").module.t(key) for name in (language, "en"))
            found[language, key] = next((text for text in texts if text), key)
        return found[language, key]

    return t


class _Listed(FileSystemLoader):
    def __init__(self, searchpath, own: Path | None):
        super().__init__(searchpath)
        self.own = own

    def list_templates(self) -> list[str]:
        names = set()
        for folder in self.searchpath:
            ours = Path(folder).resolve() == self.own
            names.update(FileSystemLoader(folder).list_templates() if ours else _installed(folder))
        return sorted(names)


@functools.cache
def _installed(folder: str) -> tuple[str, ...]:
    """Its files but those under a folder whose name starts with a dot: MkDocs never copies them (its filter of
    theme files drops `.*`), and templates include them by name (material's .icons/, ~14,000 of its files),
    which the loader finds without a listing. Filtering those names took 0.035 s per language on every build."""
    return tuple(name for name in FileSystemLoader(folder).list_templates() if not name.startswith("."))
