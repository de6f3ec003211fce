"""Talk tracks: what to say at one selling moment, step by step, with a role-play card to practise it."""

from pydantic import Field

from playbook.core.schema.common import DataFile, Id, Item, Strict, Text
from playbook.core.schema.content import Tags
from playbook.core.schema.upkeep import Upkeep
from playbook.scripts.schema import AvoidLine, RolePlay


class TalkStep(Strict):
    """One step of the conversation, in the order a salesperson takes them."""

    title: Text = Field(description="the step's name in both languages, such as 'Open with a reason'")
    do: Text = Field(description="what the salesperson does at this step, in both languages")
    say: Text = Field(description="an example line to say at this step, in both languages")


class TalkTrack(Upkeep, Item, DataFile):
    """A selling moment (a cold call, an objection, a win-back call): steps, lines, the record, a card."""

    title: Text = Field(description="the moment's title in both languages")
    module: Id = Field(description="the id of the module whose page shows the talk track")
    moment: Text = Field(description="when to use it, in one or two sentences")
    goal: Text = Field(description="what a good outcome of the conversation is, in one sentence")
    steps: list[TalkStep] = Field(min_length=3, max_length=7, description="three to seven steps, in order")
    say: list[Text] = Field(min_length=2, description="at least two more lines worth saying")
    avoid: list[AvoidLine] = Field(min_length=2, description="at least two lines to avoid, each with why")
    record: list[Text] = Field(min_length=2, description="what to write into the customer record afterwards")
    frameworks: list[Id] = Field(default_factory=list,
                                 description="ids of frameworks the talk track puts to use, such as 'dev-6w1h1s'")
    sheets: list[Id] = Field(default_factory=list, description="ids of sheets to fill in with it")
    tags: Tags = Field(description="area, roles and stage")
    roleplay: RolePlay = Field(description="the role-play card to practise it, with its observer rubric")

    def located_items(self):
        yield (), self
        yield ("roleplay",), self.roleplay

    def references(self):
        yield ("module",), "module", self.module
        for kind in ("framework", "sheet"):
            for index, target in enumerate(getattr(self, kind + "s")):
                yield (kind + "s", index), kind, target


FOLDERS = {"talktracks": TalkTrack}
KIND_OF = {TalkTrack: "talktrack"}
