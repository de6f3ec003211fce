"""Worked examples and exercises: one topic's facts put to work on a case, with the answer folded."""

from typing import Literal

from pydantic import Field, model_validator

from playbook.core.schema.common import DataFile, Item, Text
from playbook.core.schema.content import Framework, Module, Quiz


class Exercise(Item, DataFile):
    """A worked example (steps shown) or an exercise (a task, the answer folded until opened)."""

    title: Text = Field(description="the title in both languages")
    kind: Literal["example", "exercise"] = Field(description="'example' (worked through) or 'exercise' (to try)")
    situation: Text = Field(description="the case: who, what, the figures given")
    task: Text = Field(description="what the reader works out or does")
    steps: list[Text] = Field(default_factory=list, description="the steps of a worked example, in order")
    answer: Text = Field(description="the result or model answer")

    @model_validator(mode="after")
    def _examples_show_their_steps(self):
        if self.kind == "example" and len(self.steps) < 2:
            raise ValueError("a worked example shows its working; expected at least two steps")
        return self


# The kinds this feature keeps in playbook_data/ (playbook/features.py).
FOLDERS = {"modules": Module, "frameworks": Framework, "quizzes": Quiz, "exercises": Exercise}
KIND_OF = {Module: "module", Framework: "framework", Quiz: "quiz", Exercise: "exercise"}
