"""The playbook's MkDocs plugin: `plugin.py` handles the build's events, `config.py` holds its options, and one
folder per feature holds the rest. mkdocs-macros loads this package (`module_name: playbook`) for the three
functions below (playbook/macros.py)."""

from .macros import define_env, on_post_page_macros, on_pre_page_macros  # noqa: F401
