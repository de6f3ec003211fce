"""The playbook's MkDocs plugin: `plugin.py` handles the build's events, `config.py` holds its options, and one
folder per feature holds the rest. mkdocs-macros loads this package (`module_name: playbook`) for the three
functions below (playbook/macros.py)."""

MACRO_HOOKS = ("define_env", "on_pre_page_macros", "on_post_page_macros")


def __getattr__(name: str):
    # Loaded when mkdocs-macros asks for them, not on import: the calculators' command line imports the YAML
    # reader and the problems of playbook/core/ (reading.py), and no MkDocs with them
    if name in MACRO_HOOKS:
        from . import macros

        return getattr(macros, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
