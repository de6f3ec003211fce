"""Complaint scripts and the role-play card each one carries for trainers."""

from typing import Literal

from pydantic import Field, field_validator

from playbook.core.schema.common import DataFile, Item, Strict, Text, Whole
from playbook.core.schema.upkeep import Upkeep
from playbook.scripts.rubric_schema import Rubric

# The fixed order of a complaint conversation (002): feelings first, then the problem.
FEELING_STEPS = ("sympathise", "ask", "confirm")
PROBLEM_STEPS = ("want", "options", "agree", "follow-up")


class ScriptStep(Strict):
    """One step of the conversation: what to do and a line to say."""

    step: Literal[FEELING_STEPS + PROBLEM_STEPS] = Field(
        description="the step: 'sympathise', 'ask', 'confirm', 'want', 'options', 'agree' or 'follow-up'"
    )
    do: Text = Field(description="what the salesperson does at this step, in both languages")
    say: Text = Field(description="an example line to say at this step, in both languages")


class AvoidLine(Strict):
    """A line that makes things worse, and why."""

    line: Text = Field(description="the line to avoid, in both languages")
    why: Text = Field(description="why it hurts, in both languages")


class ObserverCriterion(Text):
    """What the observer rates good, fair or poor; the weight says how much it counts in the score."""

    weight: int = Field(default=1, ge=1, le=5, description="how much it counts in the score, 1 to 5")


class RolePlay(Item):
    """A role-play card for trainers, referenced by id from courses: `roleplay.late-delivery`."""

    title: Text = Field(description="the card's title in both languages")
    minutes: Whole = Field(gt=0, le=120, description="the time the role-play takes, debrief included, 1 to 120")
    customer_brief: Text = Field(description="what the customer's player knows, wants and feels")
    salesperson_brief: Text = Field(description="what the salesperson's player knows and may offer")
    observer_checklist: list[ObserverCriterion] = Field(
        min_length=3, description="at least three things the observer rates, each with its weight"
    )


class Script(Upkeep, Item, DataFile):
    """A complaint scenario: the steps in order, lines to say and to avoid, remedies, the record."""

    title: Text = Field(description="the scenario's title in both languages")
    situation: Text = Field(description="what happened, in two or three sentences")
    feelings: list[ScriptStep] = Field(
        min_length=3, max_length=3, description="the feelings-first steps: sympathise, ask, confirm"
    )
    problem: list[ScriptStep] = Field(
        min_length=4, max_length=4, description="the problem steps: want, options, agree, follow-up"
    )
    say: list[Text] = Field(min_length=2, description="at least two more lines worth saying")
    avoid: list[AvoidLine] = Field(min_length=2, description="at least two lines to avoid, each with why")
    remedies: list[Text] = Field(min_length=2, description="the remedy options the salesperson may offer")
    record: list[Text] = Field(min_length=3, description="what goes into the complaint record")
    roleplay: RolePlay = Field(description="the role-play card for trainers")

    @field_validator("feelings", "problem")
    @classmethod
    def _steps_in_order(cls, steps, info):
        expected = FEELING_STEPS if info.field_name == "feelings" else PROBLEM_STEPS
        found = tuple(s.step for s in steps)
        if found != expected:
            raise ValueError(f"the steps are {', '.join(found)}; expected {', '.join(expected)} in this order")
        return steps

    def located_items(self):
        yield (), self
        yield ("roleplay",), self.roleplay


FOLDERS = {"scripts": Script, "rubrics": Rubric}
KIND_OF = {Script: "script", RolePlay: "roleplay", Rubric: "rubric"}
