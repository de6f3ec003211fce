"""The double widget of a page, `{{ calculator("double") }}`: one number, starting from the example `twenty-one`."""

from playbook.calculators.widgets import Field, Widget, browser_data

WIDGETS = {"double": "twenty-one"}


def build(widget_id, start, lang, ui) -> Widget:
    return Widget(widget_id, "double", ui["calc-t-double"], [Field("x", ui["calc-f-x"], "", start["x"])],
                  data=browser_data((), ["double"]))
