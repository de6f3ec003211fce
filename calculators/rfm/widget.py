"""What the score-file page offers for rfm (playbook/calculators/widgets.py): an orders file's RFM segments."""

from playbook.calculators.widgets import file_kind


def file_kinds(lang, ui) -> list:
    return file_kind("rfm", lang)
