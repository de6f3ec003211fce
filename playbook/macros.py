"""What mkdocs-macros calls (`module_name: playbook` in mkdocs.yml): it registers every feature's macros
(playbook/features.py); the work lives in the features."""

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from playbook import features
from playbook.calculators.scripts import page_scripts
from playbook.core import raw_html
from playbook.core.blocks import Macros
from playbook.core.loading import loaded, playbook_for
from playbook.core.page_calls import check_macro_calls
from playbook.core.problems import DataError
from playbook.site import macro_cache
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
    context = env.playbook_macros = Macros(env, book)
    for part in features.parts("macros"):
        for name, macro in part.MACROS.items():
            context.registered[name] = functools.partial(macro, context)
            env.macro(macro_cache.kept_calls(name, raw_html.marking(context.registered[name]), context), name)


def on_pre_page_macros(env):
    """Before each page is rendered (a standard mkdocs-macros hook): check its calls, set its tags; or, in
    `mkdocs serve`, put back the page as rendered before when nothing it read changed."""
    macro_cache.compile_pages_once(env.env)  # made after define_env, once per build
    if macro_cache.reuse(env, env.playbook_macros):
        return
    env.page.playbook_names = check_macro_calls(env)
    set_tags(env)


def on_post_page_macros(env):
    """After each page is rendered: keep it for the next rebuild; its "last updated" date from the history of
    what it shows."""
    macro_cache.keep(env, env.page.__dict__.pop("playbook_names", set()), set(env.playbook_macros.registered))
    set_page_date(env, loaded(Path(env.project_dir)))
