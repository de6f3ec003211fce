"""What the score-file page offers for abc (playbook/calculators/widgets.py): a file's ABC classes."""

from playbook.calculators.widgets import file_kind


def file_kinds(lang, ui) -> list:
    return file_kind("abc", lang)
