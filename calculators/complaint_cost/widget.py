"""The complaint-cost widget of a calculator page, `{{ calculator("complaint-cost") }}`: three inputs, and the
seed's figures of playbook_data/calculators/complaint-cost.yml as advanced ones (playbook/calculators/widgets.py
renders it)."""

from calculators.data import settings
from playbook.calculators.widgets import Field, Widget, browser_data

# widget id → the example of the settings file whose inputs it starts from
WIDGETS = {"complaint-cost": "ten-complaints"}


def build(widget_id, start, lang, ui) -> Widget:
    params = settings("complaint-cost").parameters
    fields = [Field("complaints", ui["calc-f-complaints"], ui["calc-u-complaints"], start["complaints"]),
              Field("customer_value", ui["calc-f-customer-value"], ui["calc-u-yuan"], start["customer_value"]),
              Field("handled_well", ui["calc-f-handled-well"], ui["calc-u-fraction"], start["handled_well"])]
    advanced = [Field(k, p.title[lang], "", f"{p.value:g}", "") for k, p in params.items()]
    return Widget(widget_id, "complaint-cost", ui["calc-t-complaint-cost"], fields, advanced,
                  data=browser_data((), ["complaint-cost"]))
