"""The `calculator` macro: a widget for one calculator id in the page's language, or the whole-file scoring
tool. A calculator's widgets are built by its calculators/<name>/widget.py, a scorecard's here. Labels, units and
defaults come from the same YAML calculators/ reads (playbook_data/calculators/, playbook_data/scorecards/) and
from the UI strings; the calculators' scripts do the computing. Pages call `{{ calculator("clv-seed") }}`,
`{{ calculator("scorecard-lead") }}`, `{{ calculator("score-file") }}`."""

import json
from dataclasses import dataclass, field

from calculators.data import load_scorecard, scorecard_names, settings
from calculators.messages import COLUMNS, MESSAGES, WORDS
from calculators.registry import CALCULATORS, part
from playbook.core.page import PageContext
from playbook.core.render import render

SETTINGS = tuple(sorted(CALCULATORS))  # each calculator's playbook_data/calculators/<name>.yml
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
class FileField:
    """One option of the score-file page, shown for its calculator's kinds: `name` is the option its runner reads
    (its calculators/<name>/filescore.js), `id` ends the field's id; with `choices`, (value, title) pairs, it is
    a list to choose from."""
    id: str
    name: str
    label: str
    kind: str = "text"  # text, decimal (a phone shows its number keys) or date
    placeholder: str = ""
    choices: list = field(default_factory=list)


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
            **({"messages": MESSAGES, "words": WORDS, "columns": COLUMNS} if messages else {})}


def example(file: str, example_id: str, lang: str = "zh") -> dict:
    return next(e.input_in(lang) for e in settings(file).examples if e.id == example_id)


def starts() -> dict:
    """Widget id → (calculator, the example of its settings file the widget starts from), from the `WIDGETS` of
    each calculator's widget.py."""
    return {widget_id: (name, example_id) for name in CALCULATORS if part(name, "widget")
            for widget_id, example_id in getattr(part(name, "widget"), "WIDGETS", {}).items()}


def file_kinds(lang: str, ui: dict) -> list:
    """The kinds of file the score-file page offers, (value, title): each calculator's, from `file_kinds` in its
    widget.py, in the registry's order."""
    return [kind for widget in _widgets("file_kinds") for kind in widget.file_kinds(lang, ui)]


def file_fields(lang: str, ui: dict) -> list:
    """The score-file page's option fields, (the runners they are shown for, [FileField]): each calculator's, from
    `file_fields` in its widget.py, shown for the kinds its `file_kinds` offers."""
    return [(list(dict.fromkeys(runner(key) for key, _ in widget.file_kinds(lang, ui))), widget.file_fields(lang, ui))
            for widget in _widgets("file_fields")]


def runner(kind: str) -> str:
    """The runner of a kind of file, PB.fileRunners[runner] (a scorecard's kind is "score:<name>")."""
    return kind.split(":")[0]


def file_kind(name: str, lang: str) -> list:
    """The one kind of a calculator that scores a file by its own name, titled as its settings file."""
    return [(name, settings(name).title[lang])]


def widget_ids() -> list:
    return [*starts(), *(f"scorecard-{n}" for n in scorecard_names()), "score-file"]


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


# A widget: a scorecard's from its file, any other from its calculator's widget.py.
def _build(widget_id: str, lang: str, ui: dict) -> Widget:
    if widget_id.startswith("scorecard-"):
        return _scorecard(widget_id.removeprefix("scorecard-"), lang, ui)
    name, example_id = starts()[widget_id]
    return part(name, "widget").build(widget_id, example(name, example_id, lang), lang, ui)


def _scorecard(name: str, lang: str, ui: dict) -> Widget:
    card = load_scorecard(name)
    start = next((e.input["values"] for e in settings("scorecard").examples
                  if e.input.get("scorecard") == name), {})
    middle = (card.scale.min + card.scale.max) / 2
    fields = [Field(c.key, c.title[lang], "" if c.breaks else f"{card.scale.min:g}–{card.scale.max:g}",
                    start.get(c.key, middle), c.help[lang] if c.help else "") for c in card.criteria]
    return Widget(f"scorecard-{name}", "scorecard", card.title[lang], fields,
                  data=browser_data([name]), extra={"scorecard": name})


def _file_tool(macros, page, ui) -> str:
    """The whole-file scoring tool: the kinds of file the calculators' widget.py offer (file_kinds), and their
    option fields (file_fields)."""
    data = browser_data(scorecard_names(), SETTINGS, messages=True)
    return render("calculator_file.html", book=macros.book, lang=page.lang, kinds=file_kinds(page.lang, ui),
                  fields=file_fields(page.lang, ui), config=json.dumps({"data": data}, ensure_ascii=False), strings=_json(ui))


# Helpers.
def _widgets(having: str) -> list:
    """The widget.py of each calculator whose widget.py has `having`, in the registry's order."""
    return [part(name, "widget") for name in CALCULATORS if hasattr(part(name, "widget"), having)]


def _strings(strings: dict, lang: str) -> dict:
    """Every calc-* UI string in the page's language; the browser gets them too, for its messages."""
    return {k: v[lang] for k, v in strings.starting_with("calc-").items()}


def _json(ui: dict) -> str:
    # Only what the scripts say themselves: messages, result labels, the file tool's lines; by key, since they
    # come from strings.yml and each calculator's own strings.yml
    said = ("calc-err-", "calc-r-", "calc-js-", "calc-file-")
    return json.dumps({k: v for k, v in ui.items() if k.startswith(said)}, ensure_ascii=False, sort_keys=True)
