"""The mkdocs-macros module of the playbook: it only registers macros; the work lives beside it."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from .blocks import Macros
from .loading import playbook_for
from .problems import DataError
from .tags import on_pre_page_macros  # noqa: F401  (a standard mkdocs-macros hook)


def define_env(env):
    """Load and validate playbook_data/ (once per build), then register every macro."""
    try:
        book = playbook_for(Path(env.project_dir))
    except DataError as error:
        raise PluginError(str(error)) from None
    macros = Macros(env, book)
    for name in Macros.NAMES:
        env.macro(getattr(macros, name), name)
