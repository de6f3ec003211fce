"""The pipeline widget of a calculator page, `{{ calculator("pipeline") }}`: a few deals typed as a table, with
the stages of playbook_data/calculators/pipeline.yml (playbook/calculators/widgets.py renders it); on the score-file
page, a deals file with the team's own stage probabilities as a field, which calculators/pipeline/filescore.js reads."""

from calculators.data import settings
from playbook.calculators.widgets import FileField, Widget, browser_data, file_kind

# widget id → the example of the settings file whose inputs it starts from
WIDGETS = {"pipeline": "two-salespeople"}


def build(widget_id, start, lang, ui) -> Widget:
    stages = [{"key": s.key, "title": s.title[lang]} for s in settings("pipeline").stages]
    return Widget(widget_id, "pipeline", ui["calc-t-pipeline"], data=browser_data((), ["pipeline"]),
                  extra={"deals": start["deals"], "stages": stages})


def file_kinds(lang, ui) -> list:
    return file_kind("pipeline", lang)


def file_fields(lang, ui) -> list:
    return [FileField("stages", "stages", ui["calc-file-stages"], placeholder="试用=0.4, 签约=0.9")]
