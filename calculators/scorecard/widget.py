"""What the score-file page offers for the scorecards (playbook/calculators/widgets.py): one kind per scorecard,
`score:<name>`. A scorecard's own widget, `{{ calculator("scorecard-<name>") }}`, is built from its file there."""

from calculators.data import load_scorecard, scorecard_names


def file_kinds(lang, ui) -> list:
    return [(f"score:{name}", load_scorecard(name).title[lang]) for name in scorecard_names()]
