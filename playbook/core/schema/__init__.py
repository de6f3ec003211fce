"""Which model validates which file under playbook_data/.

A folder holds one item per file (`checklists/pre-visit.yml`), except `glossary/`, whose files
hold a list of terms each (one file per area, so authors of different chapters never edit one file).
A new kind of content is a model in its feature's `schema.py`, listed in that file's FOLDERS and KIND_OF
(playbook/features.py); the four shared files are here.
"""

import functools

from playbook import features
from playbook.core.schema.taxonomy import RolesFile, StagesFile, StringsFile, TopicsFile

TOP_LEVEL = {
    "topics.yml": TopicsFile,
    "roles.yml": RolesFile,
    "stages.yml": StagesFile,
    "strings.yml": StringsFile,
}


@functools.cache
def folders() -> dict:
    """A folder of playbook_data/ → the model of its files, from every feature, by folder name."""
    return dict(sorted(pair for part in features.parts("schema") for pair in part.FOLDERS.items()))


@functools.cache
def kind_of() -> dict:
    """An item's model → the kind name macros and messages use: `checklist("pre-visit")`, "unknown checklist id"."""
    return {model: kind for part in features.parts("schema") for model, kind in part.KIND_OF.items()}
