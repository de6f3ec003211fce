"""The theme's installed files are listed once per process, not on every build.

MkDocs lists every file of the theme's folders at the start of each build (twice with two languages) to copy
its assets: material's folder holds ~14,000 files (its icons), about a tenth of a rebuild in `mkdocs serve`.
The loader of the theme's Jinja environment keeps the listing of each folder outside the project (the installed
theme, which does not change while the server runs); the project's own folders (overrides/) are listed on
every build, so an added override is seen. PLAYBOOK_CACHE=off lists every folder each time.

Why by hand: `Theme.get_env()` makes a new loader on every build and no MkDocs setting keeps its listing.
"""

import functools
from pathlib import Path

from jinja2 import FileSystemLoader

from playbook.core.caching import caching


def on_config(config):
    make_env = config.theme.get_env
    if not caching() or getattr(make_env, "listed_once", False):  # static-i18n runs on_config once per language
        return
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent

    def get_env():
        env = make_env()
        env.loader = _Listed(env.loader.searchpath, project)
        return env

    get_env.listed_once = True
    config.theme.get_env = get_env


class _Listed(FileSystemLoader):
    def __init__(self, searchpath, project: Path):
        super().__init__(searchpath)
        self.project = project

    def list_templates(self) -> list[str]:
        names = set()
        for folder in self.searchpath:
            ours = Path(folder).resolve().is_relative_to(self.project)
            names.update(FileSystemLoader(folder).list_templates() if ours else _installed(folder))
        return sorted(names)


@functools.cache
def _installed(folder: str) -> tuple[str, ...]:
    """Its files but those under a folder whose name starts with a dot: MkDocs never copies them (its filter of
    theme files drops `.*`), and templates include them by name (material's .icons/, ~14,000 of its files),
    which the loader finds without a listing. Filtering those names took 0.035 s per language on every build."""
    return tuple(name for name in FileSystemLoader(folder).list_templates() if not name.startswith("."))
