"""The glossary's files: one per area, each a list of terms (playbook/core/schema/content.py)."""

from playbook.core.schema.content import GlossaryFile, Term

FOLDERS = {"glossary": GlossaryFile}
KIND_OF = {Term: "term"}
