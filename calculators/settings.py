"""Defaults a calculator shares with the browser: playbook_data/calculators/<name>.yml.

One file per calculator: named parameters with their citations, pipeline stages, RFM segment
rules, and the worked examples the site pages show (computed at build time, never typed).
"""

import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, RootModel, model_validator

from .errors import rate
from .models import FieldError, Id, Key, NonEmptyStr, Source, Strict, Tagged, Text, Whole
from .registry import CALCULATORS


class Parameter(Strict):
    value: float = Field(description="the default value, a number")
    title: Text = Field(description="what the value means, in both languages")
    sources: list[Source] = Field(min_length=1, description="where the figure comes from, or 'practice'")


class Stage(Strict):
    key: Key = Field(description="the stage's key, as a pipeline file may write it")
    title: Text = Field(description="the stage's name in both languages")
    probability: float = Field(ge=0, le=1, description="the chance of winning from this stage, 0 to 1")
    aliases: list[NonEmptyStr] = Field(default_factory=list, description="other names accepted in a file")


class Segment(Strict):
    key: Key = Field(description="the segment's key, such as 'champions'")
    title: Text = Field(description="the segment's name in both languages")
    advice: Text | None = Field(default=None, description="what to do with it, in both languages")
    r: tuple[Whole, Whole] | None = Field(default=None, description="[lowest, highest] recency score")
    f: tuple[Whole, Whole] | None = Field(default=None, description="[lowest, highest] frequency score")
    m: tuple[Whole, Whole] | None = Field(default=None, description="[lowest, highest] monetary score")

    def matches(self, r: int, f: int, m: int) -> bool:
        return all(rule is None or rule[0] <= score <= rule[1]
                   for rule, score in ((self.r, r), (self.f, f), (self.m, m)))


class OwnSegments(RootModel[list[Segment]]):
    """`rfm --segments FILE.yml`: the user's own segment rules, a list as under `segments:` in rfm.yml."""
    root: list[Segment] = Field(min_length=1, description="a list of segments, each with a key and a title, "
                                "the last without r, f or m")

    @model_validator(mode="after")
    def _last_catches_all(self):
        if any((self.root[-1].r, self.root[-1].f, self.root[-1].m)):
            raise FieldError((len(self.root) - 1,), "the last segment has rules; expected a last segment without "
                             "r, f or m that catches every customer")
        return self


# A probability as a pipeline file or option writes it: 0.6 or 60%
Probability = Annotated[float, BeforeValidator(lambda value: rate(value, "the probability"))]


class OwnStages(RootModel[dict[NonEmptyStr, Probability]]):
    """`pipeline --stages FILE.yml`: the user's own stages, each name with its probability."""
    root: dict[NonEmptyStr, Probability] = Field(description="a mapping of stage name to probability, "
                                                 "such as 谈判: 0.6")


class Example(Strict):
    id: Id = Field(description="the example's id, which a page names")
    title: Text = Field(description="what the example shows, in both languages")
    calculator: NonEmptyStr = Field(description="the calculator to run, as in calculators.registry")
    input: dict = Field(description="the inputs, as in tests/vectors/")
    sources: list[Source] = Field(min_length=1, description="where its figures come from, or 'practice'")
    names_en: dict[NonEmptyStr, NonEmptyStr] = Field(
        default_factory=dict, description="the English name of each Chinese name in the inputs (customers, "
        "people, regions), which English pages show instead: {华东: East China}")

    @model_validator(mode="after")
    def _every_name_in_english(self):
        missing = sorted(n for n in _texts(self.input) if HAN.search(n) and n not in self.names_en)
        if missing:
            raise ValueError(f"names without an English name: {', '.join(missing)}; expected each in names_en")
        return self

    def input_in(self, lang: str) -> dict:
        """The inputs as a page in `lang` shows them: on English pages, Chinese names become English."""
        return _renamed(self.input, self.names_en) if lang == "en" else self.input


HAN = re.compile(r"[\u3400-\u9fff]")


def _texts(value) -> set:
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return set().union(*map(_texts, items))


def _renamed(value, names: dict):
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, dict):
        return {k: _renamed(v, names) for k, v in value.items()}
    return [_renamed(v, names) for v in value] if isinstance(value, list) else value


class CalculatorSettings(Tagged):
    calculator: Literal[CALCULATORS] = Field(
        description="which calculator reads this file")
    parameters: dict[Key, Parameter] = Field(default_factory=dict, description="named default values")
    stages: list[Stage] = Field(default_factory=list, description="pipeline stages with probabilities")
    segments: list[Segment] = Field(default_factory=list, description="RFM segments, first match wins")
    examples: list[Example] = Field(default_factory=list, description="worked examples for the page")
    labels: dict[Key, Text] = Field(default_factory=dict, description="names of the inputs and results a page shows")
    formulas: list[Text] = Field(default_factory=list, description="the formula in words, one line each, for the "
                                 "Excel workbook's explanation sheet")

    @model_validator(mode="after")
    def _shares_are_shares(self):
        # A parameter named *_share or repurchase_* is a share of customers: 0 to 1
        for key, parameter in self.parameters.items():
            if (key.endswith("_share") or key.startswith("repurchase")) and not 0 <= parameter.value <= 1:
                raise FieldError(("parameters", key, "value"), f"share {parameter.value:g} is outside 0–1; "
                                 "expected a share from 0 to 1, such as 0.96 for 96%")
        return self

    @model_validator(mode="after")
    def _sections_fit(self):
        if (self.calculator == "pipeline") != bool(self.stages):
            raise ValueError("stages belong in the pipeline file and nowhere else")
        if (self.calculator == "rfm") != bool(self.segments):
            raise ValueError("segments belong in the rfm file and nowhere else")
        if self.segments and any((self.segments[-1].r, self.segments[-1].f, self.segments[-1].m)):
            raise ValueError("the last segment has rules; expected a last segment without r, f or m "
                             "that catches every customer")
        return self

    def value(self, key: str) -> float:
        return self.parameters[key].value
