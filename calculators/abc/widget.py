"""What the score-file page offers for abc (playbook/calculators/widgets.py): a file's ABC classes, with its
thresholds as fields (from playbook_data/calculators/abc.yml), which calculators/abc/filescore.js reads."""

from calculators.data import settings
from playbook.calculators.widgets import FileField, file_kind

# parameter → the runner's option (the command line's --a, --b)
OPTIONS = {"a_threshold": "a", "b_threshold": "b"}


def file_kinds(lang, ui) -> list:
    return file_kind("abc", lang)


def file_fields(lang, ui) -> list:
    params = settings("abc").parameters
    return [FileField(key, option, params[key].title[lang], "decimal", f"{params[key].value:g}")
            for key, option in OPTIONS.items()]
