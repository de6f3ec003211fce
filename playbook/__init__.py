"""The playbook's MkDocs plugin: `plugin.py` handles the build's events, `config.py` holds its options, and one
folder per feature holds the rest."""
