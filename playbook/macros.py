"""What mkdocs-macros calls (`module_name: playbook` in mkdocs.yml): it registers every feature's macros
(playbook/features.py); the work lives in the features."""

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from playbook import features
from playbook.calculators.scripts import page_scripts
from playbook.core.blocks import Macros
from playbook.core.loading import loaded, playbook_for
from playbook.core.page_calls import check_macro_calls
from playbook.core.problems import DataError
from playbook.tags.tags import set_tags
from playbook.upkeep.recent import read_history, set_page_date


def define_env(env):
    """Load and validate playbook_data/ (once per build), then register every feature's macros."""
    try:
        book = playbook_for(Path(env.project_dir))
    except DataError as error:
        raise PluginError(str(error)) from None
    read_history(book)
    env.conf["extra"]["calculator_scripts"] = page_scripts()  # overrides/main.html loads them
    context = Macros(env, book)
    for part in features.parts("macros"):
        for name, macro in part.MACROS.items():
            context.registered[name] = functools.partial(macro, context)
            env.macro(context.registered[name], name)


def on_pre_page_macros(env):
    """Before each page is rendered (a standard mkdocs-macros hook): check its calls, set its tags."""
    check_macro_calls(env)
    set_tags(env)


def on_post_page_macros(env):
    """After each page is rendered: its "last updated" date from the history of what it shows."""
    set_page_date(env, loaded(Path(env.project_dir)))
