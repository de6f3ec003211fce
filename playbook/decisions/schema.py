"""Decision trees: "what do I do now?" as questions with answers, each leading on, ending in an outcome."""

from typing import Literal

from pydantic import Field, field_validator, model_validator

from playbook.core.schema.common import DataFile, Id, Item, NonEmptyStr, Strict, Text


class Answer(Strict):
    label: Text = Field(description="the answer as the person would give it, in both languages")
    next: Id = Field(description="the id of the node it leads to")


class Node(Strict):
    """A question with answers, or an outcome: what to do, where to read how."""

    id: Id = Field(description="the node's id, unique in the tree")
    question: Text | None = Field(default=None, description="the question, for a node with answers")
    answers: list[Answer] = Field(default_factory=list, description="the answers, each naming the next node")
    outcome: Literal["script", "remedy", "escalation"] | None = Field(
        default=None, description="for an end node: script, remedy or escalation")
    text: Text | None = Field(default=None, description="for an end node: what to do, in both languages")
    page: NonEmptyStr | None = Field(default=None, pattern=r"^[a-z0-9/-]+\.md$",
                                     description="the Chinese page under docs/ that shows how, for an end node")

    @model_validator(mode="after")
    def _question_or_outcome(self):
        if self.question is not None and (not self.answers or self.outcome or self.text):
            raise ValueError(f"node '{self.id}' has a question; expected answers and no outcome or text")
        if self.question is None and (self.answers or not self.outcome or not self.text):
            raise ValueError(f"node '{self.id}' has no question; expected an outcome and a text, and no answers")
        return self


class DecisionTree(Item, DataFile):
    """A file in playbook_data/decisions/: the nodes, the first one first."""

    title: Text = Field(description="the tree's title in both languages")
    intro: Text | None = Field(default=None, description="one or two sentences shown above it")
    nodes: list[Node] = Field(min_length=2, description="the nodes; the first is where the tree starts")

    @field_validator("nodes")
    @classmethod
    def _a_tree(cls, nodes):
        ids = [n.id for n in nodes]
        if len(set(ids)) != len(ids):
            raise ValueError("two nodes share an id; expected unique node ids")
        known = set(ids)
        for node in nodes:
            for answer in node.answers:
                if answer.next not in known:
                    raise ValueError(f"node '{node.id}' leads to '{answer.next}', which is not a node; "
                                     f"expected one of: {', '.join(ids)}")
        order = {n.id: k for k, n in enumerate(nodes)}
        for node in nodes:
            back = [a.next for a in node.answers if order[a.next] <= order[node.id]]
            if back:
                raise ValueError(f"node '{node.id}' leads back to '{back[0]}'; expected every answer to lead "
                                 "to a node listed after it, so the tree always ends")
        reached = {nodes[0].id} | {a.next for n in nodes for a in n.answers}
        lost = [i for i in ids if i not in reached]
        if lost:
            raise ValueError(f"node '{lost[0]}' is never reached; expected every node to follow from an answer")
        return nodes

    def number(self, node_id: str) -> int:
        return [n.id for n in self.nodes].index(node_id) + 1


FOLDERS = {"decisions": DecisionTree}
KIND_OF = {DecisionTree: "decision"}
