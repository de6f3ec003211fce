"""The clv widgets of a calculator page, `{{ calculator("clv-seed") }}` and `"clv-retention"`: the seed's
four-part form and the retention form, from the page's strings and playbook_data/calculators/clv.yml
(playbook/calculators/widgets.py renders them)."""

from playbook.calculators.widgets import Field, Widget

# widget id → the example of the settings file whose inputs it starts from
WIDGETS = {"clv-seed": "seed-form", "clv-retention": "retention-form"}


def build(widget_id, start, lang, ui) -> Widget:
    return (_seed if widget_id == "clv-seed" else _retention)(widget_id, start, lang, ui)


def _seed(widget_id, start, lang, ui) -> Widget:
    def f(name, unit, optional=False):
        return Field(name, ui[f"calc-f-{name.replace('_', '-')}"], ui[f"calc-u-{unit}"], start.get(name, ""),
                     ui["calc-optional"] if optional else "", optional=optional)
    return Widget(widget_id, "clv", ui["calc-t-clv-seed"], [
        f("purchases_per_period", "times"), f("average_amount", "yuan"), f("periods", "periods"),
        f("margin", "fraction", True), f("retention_cost", "yuan-per-period", True),
        f("referral_value", "yuan", True)], extra={"form": "seed"})


def _retention(widget_id, start, lang, ui) -> Widget:
    fields = [Field("margin", ui["calc-f-margin-per-period"], ui["calc-u-yuan-per-period"], start["margin"]),
              Field("retention", ui["calc-f-retention"], ui["calc-u-fraction"], start["retention"]),
              Field("discount", ui["calc-f-discount"], ui["calc-u-fraction"], start["discount"]),
              Field("first_margin_now", ui["calc-f-first-margin-now"], kind="check"),
              Field("periods", ui["calc-f-periods-limit"], ui["calc-u-periods"], "", ui["calc-periods-blank"],
                    optional=True)]
    return Widget(widget_id, "clv", ui["calc-t-clv-retention"], fields, extra={"form": "retention"})
