"""The `calculator` macro: a widget for one calculator id in the page's language, or the whole-file scoring
tool. Labels, units and defaults come from the same YAML calculators/ reads (playbook_data/calculators/,
playbook_data/scorecards/) and from strings.yml; docs/assets/javascripts/calculators/ does the computing.
Pages call `{{ calculator("clv-seed") }}`, `{{ calculator("scorecard-lead") }}`, `{{ calculator("score-file") }}`."""

import json
from dataclasses import dataclass, field

from calculators.data import load_scorecard, scorecard_names, settings
from calculators.messages import MESSAGES, WORDS
from calculators.registry import CALCULATORS
from playbook.core.page import PageContext
from playbook.core.render import render

SETTINGS = tuple(sorted(CALCULATORS))  # each calculator's playbook_data/calculators/<name>.yml
# The example in playbook_data/calculators/<file>.yml whose inputs a widget starts from
START = {"clv-seed": ("clv", "seed-form"), "clv-retention": ("clv", "retention-form"),
         "nps": ("survey", "twenty-answers-nps"), "csat": ("survey", "ten-answers-csat"),
         "ces": ("survey", "ten-answers-ces"), "pipeline": ("pipeline", "two-salespeople"),
         "complaint-cost": ("complaint-cost", "ten-complaints")}


@dataclass
class Field:
    """One labelled input: `name` is the calculator's input key."""
    name: str
    label: str
    unit: str = ""
    value: object = ""
    hint: str = ""
    kind: str = "number"  # number, check or answers
    optional: bool = False

    def __post_init__(self):
        # Numbers from YAML shown as a person types them: 8000, 0.25, never 8000.0
        if isinstance(self.value, (int, float)) and not isinstance(self.value, bool):
            self.value = str(int(self.value)) if float(self.value).is_integer() else repr(float(self.value))


@dataclass
class Widget:
    id: str
    calculator: str
    title: str
    fields: list = field(default_factory=list)
    advanced: list = field(default_factory=list)
    data: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


def browser_data(cards=(), calculators=(), messages=False) -> dict:
    """The YAML the browser needs, as JSON: scorecards and calculator settings (examples left out), and
    what a file run says in each language (calculators.messages)."""
    return {"scorecards": {n: load_scorecard(n).model_dump(mode="json") for n in cards},
            "settings": {n: settings(n).model_dump(mode="json", exclude={"examples"}) for n in calculators},
            **({"messages": MESSAGES, "words": WORDS} if messages else {})}


def example(file: str, example_id: str, lang: str = "zh") -> dict:
    return next(e.input_in(lang) for e in settings(file).examples if e.id == example_id)


def widget_ids() -> list:
    return [*START, *(f"scorecard-{n}" for n in scorecard_names()), "score-file"]


def calculator(macros, widget_id: str) -> str:
    """The widget's HTML; an unknown id stops the build naming the page."""
    page = PageContext.of(macros.env)
    if widget_id not in widget_ids():
        raise page.error(f"unknown calculator '{widget_id}'; expected one of: {', '.join(widget_ids())}")
    macros.env.page.meta["calculators"] = True  # overrides/main.html then loads the calculators' scripts
    ui = _strings(macros.book.strings, page.lang)
    if widget_id == "score-file":
        return _file_tool(macros, page, ui)
    widget = _build(widget_id, page.lang, ui)
    config = {"calculator": widget.calculator, "data": widget.data, **widget.extra}
    return render("calculator.html", book=macros.book, lang=page.lang, widget=widget,
                  config=json.dumps(config, ensure_ascii=False), strings=_json(ui))


# Widgets, one builder per family.
def _build(widget_id: str, lang: str, ui: dict) -> Widget:
    if widget_id.startswith("scorecard-"):
        return _scorecard(widget_id.removeprefix("scorecard-"), lang, ui)
    start = example(*START[widget_id], lang)
    return {"clv-seed": _clv_seed, "clv-retention": _clv_retention, "pipeline": _pipeline,
            "complaint-cost": _complaint, "nps": _survey, "csat": _survey, "ces": _survey,
            }[widget_id](widget_id, start, lang, ui)


def _clv_seed(widget_id, start, lang, ui) -> Widget:
    def f(name, unit, optional=False):
        return Field(name, ui[f"calc-f-{_key(name)}"], ui[f"calc-u-{unit}"], start.get(name, ""),
                     ui["calc-optional"] if optional else "", optional=optional)
    return Widget(widget_id, "clv", ui["calc-t-clv-seed"], [
        f("purchases_per_period", "times"), f("average_amount", "yuan"), f("periods", "periods"),
        f("margin", "fraction", True), f("retention_cost", "yuan-per-period", True),
        f("referral_value", "yuan", True)], extra={"form": "seed"})


def _clv_retention(widget_id, start, lang, ui) -> Widget:
    fields = [Field("margin", ui["calc-f-margin-per-period"], ui["calc-u-yuan-per-period"], start["margin"]),
              Field("retention", ui["calc-f-retention"], ui["calc-u-fraction"], start["retention"]),
              Field("discount", ui["calc-f-discount"], ui["calc-u-fraction"], start["discount"]),
              Field("first_margin_now", ui["calc-f-first-margin-now"], kind="check"),
              Field("periods", ui["calc-f-periods-limit"], ui["calc-u-periods"], "", ui["calc-periods-blank"],
                    optional=True)]
    return Widget(widget_id, "clv", ui["calc-t-clv-retention"], fields, extra={"form": "retention"})


def _scorecard(name: str, lang: str, ui: dict) -> Widget:
    card = load_scorecard(name)
    start = next((e.input["values"] for e in settings("scorecard").examples
                  if e.input.get("scorecard") == name), {})
    middle = (card.scale.min + card.scale.max) / 2
    fields = [Field(c.key, c.title[lang], "" if c.breaks else f"{card.scale.min:g}–{card.scale.max:g}",
                    start.get(c.key, middle), c.help[lang] if c.help else "") for c in card.criteria]
    return Widget(f"scorecard-{name}", "scorecard", card.title[lang], fields,
                  data=browser_data([name]), extra={"scorecard": name})


def _survey(widget_id, start, lang, ui) -> Widget:
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


def _pipeline(widget_id, start, lang, ui) -> Widget:
    stages = [{"key": s.key, "title": s.title[lang]} for s in settings("pipeline").stages]
    return Widget(widget_id, "pipeline", ui["calc-t-pipeline"], data=browser_data((), ["pipeline"]),
                  extra={"deals": start["deals"], "stages": stages})


def _complaint(widget_id, start, lang, ui) -> Widget:
    params = settings("complaint-cost").parameters
    fields = [Field("complaints", ui["calc-f-complaints"], ui["calc-u-complaints"], start["complaints"]),
              Field("customer_value", ui["calc-f-customer-value"], ui["calc-u-yuan"], start["customer_value"]),
              Field("handled_well", ui["calc-f-handled-well"], ui["calc-u-fraction"], start["handled_well"])]
    advanced = [Field(k, p.title[lang], "", f"{p.value:g}", "") for k, p in params.items()]
    return Widget(widget_id, "complaint-cost", ui["calc-t-complaint-cost"], fields, advanced,
                  data=browser_data((), ["complaint-cost"]))


def _file_tool(macros, page, ui) -> str:
    """The whole-file scoring tool: every scorecard, ABC, RFM, pipeline and NPS."""
    cards = scorecard_names()
    data = browser_data(cards, SETTINGS, messages=True)
    kinds = [(f"score:{n}", load_scorecard(n).title[page.lang]) for n in cards]
    kinds += [(k, settings(k).title[page.lang]) for k in ("abc", "rfm", "pipeline")]  # the kinds filescore.js reads
    kinds.append(("nps", ui["calc-t-nps"]))
    abc = settings("abc").parameters
    return render("calculator_file.html", book=macros.book, lang=page.lang, kinds=kinds,
                  abc=[(k, p.title[page.lang], f"{p.value:g}") for k, p in abc.items()],
                  config=json.dumps({"data": data}, ensure_ascii=False), strings=_json(ui))


# Helpers.
def _key(name: str) -> str:
    return name.replace("_", "-")


def _strings(strings: dict, lang: str) -> dict:
    """Every calc-* UI string in the page's language; the browser gets them too, for its messages."""
    return {k: v[lang] for k, v in strings.items() if k.startswith("calc-")}


def _json(ui: dict) -> str:
    # Only what the scripts say themselves: messages, result labels, the file tool's lines
    said = ("calc-err-", "calc-r-", "calc-js-", "calc-file-")
    return json.dumps({k: v for k, v in ui.items() if k.startswith(said)}, ensure_ascii=False)
