"""Reading paths: an ordered plan of days, each step saying what to do and linking to what it uses."""

from typing import Literal

from pydantic import Field, model_validator

from playbook.core.schema.common import DataFile, Id, Item, Strict, Text

# What a step can link to, in the order its links are shown: the lesson, then what to say, print and check.
LINKS = ("module", "script", "checklist", "sheet", "quiz")


class Step(Strict):
    """One thing to do on a day, ticked when done, with links to the items it uses."""

    do: Literal["read", "practise", "print"] = Field(description="'read', 'practise' or 'print'")
    text: Text = Field(description="what to do, in both languages")
    module: Id | None = Field(default=None, description="the id of the module to read")
    script: Id | None = Field(default=None, description="the id of a script, such as 'complaint.late-delivery'")
    checklist: Id | None = Field(default=None, description="the id of a checklist to print or tick")
    sheet: Id | None = Field(default=None, description="the id of a sheet to print or fill in")
    quiz: Id | None = Field(default=None, description="the id of a module's self-check quiz")

    @model_validator(mode="after")
    def _links_somewhere(self):
        if not any(getattr(self, kind) for kind in LINKS):
            raise ValueError(f"a step links to nothing; expected at least one of: {', '.join(LINKS)}")
        return self


class Day(Strict):
    title: Text = Field(description="what the day is about, in both languages")
    steps: list[Step] = Field(min_length=1, description="the steps of the day, in order")


class Path(Item, DataFile):
    """A path a reader follows day by day, such as a new salesperson's first week."""

    title: Text = Field(description="the path's title in both languages")
    intro: Text | None = Field(default=None, description="who the path is for and how to use it")
    days: list[Day] = Field(min_length=1, max_length=7, description="the days, in order (one to seven)")

    def references(self):
        for d, day in enumerate(self.days):
            for s, step in enumerate(day.steps):
                for kind in LINKS:
                    if getattr(step, kind):
                        yield ("days", d, "steps", s, kind), kind, getattr(step, kind)


FOLDERS = {"paths": Path}
KIND_OF = {Path: "path"}
