"""What mkdocs-macros calls (`module_name: playbook` in mkdocs.yml): it only registers macros; the work lives in the features."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from playbook.core.blocks import Macros
from playbook.calculators.scripts import page_scripts
from playbook.core.loading import loaded, playbook_for
from playbook.core.page_calls import check_macro_calls
from playbook.core.problems import DataError
from playbook.tags.tags import set_tags
from playbook.upkeep.recent import set_page_date


def define_env(env):
    """Load and validate playbook_data/ (once per build), then register every macro."""
    try:
        book = playbook_for(Path(env.project_dir))
    except DataError as error:
        raise PluginError(str(error)) from None
    env.conf["extra"]["calculator_scripts"] = page_scripts()  # overrides/main.html loads them
    macros = Macros(env, book)
    for name in Macros.NAMES:
        env.macro(getattr(macros, name), name)


def on_pre_page_macros(env):
    """Before each page is rendered (a standard mkdocs-macros hook): check its calls, set its tags."""
    check_macro_calls(env)
    set_tags(env)


def on_post_page_macros(env):
    """After each page is rendered: its "last updated" date from the history of what it shows."""
    set_page_date(env, loaded(Path(env.project_dir)))
