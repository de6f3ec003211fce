"""The survey widgets of a calculator page, `{{ calculator("nps") }}`, `"csat"` and `"ces"`: a score from typed
answers, from the page's strings and playbook_data/calculators/survey.yml (playbook/calculators/widgets.py
renders them)."""

from calculators.data import settings
from playbook.calculators.widgets import Field, Widget, browser_data

# widget id → the example of the settings file whose inputs it starts from
WIDGETS = {"nps": "twenty-answers-nps", "csat": "ten-answers-csat", "ces": "ten-answers-ces"}


def build(widget_id, start, lang, ui) -> Widget:
    params = settings("survey").parameters
    fields = [Field("answers", ui["calc-f-answers"], "", " ".join(str(a) for a in start["answers"]),
                    ui[f"calc-answers-{widget_id}"], kind="answers")]
    if widget_id == "csat":
        fields += [Field("scale", params["csat_scale"].title[lang], "", f"{params['csat_scale'].value:g}"),
                   Field("satisfied_from", params["csat_satisfied_from"].title[lang], "",
                         f"{params['csat_satisfied_from'].value:g}")]
    if widget_id == "ces":
        fields.append(Field("scale", params["ces_scale"].title[lang], "", f"{params['ces_scale'].value:g}"))
    return Widget(widget_id, "survey", ui[f"calc-t-{widget_id}"], fields, data=browser_data((), ["survey"]),
                  extra={"metric": widget_id})


def file_kinds(lang, ui) -> list:
    """The score-file page offers NPS (CSAT and CES files are scored on the command line)."""
    return [("nps", ui["calc-t-nps"])]
