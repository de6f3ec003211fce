"""The fixed lists every other file refers to: seed topics, areas, roles, stages, UI strings."""

from pydantic import Field

from playbook.core.schema.common import DataFile, Id, NonEmptyStr, Strict, Text


class Seed(Strict):
    prefix: NonEmptyStr = Field(pattern=r"^00[0-4]$", description="the seed file's three-digit prefix")
    title: Text = Field(description="what the seed document is, in both languages")


class Topic(Strict):
    id: Id = Field(description="the topic id of shared/SEED_MAP.md, such as 'plan.smart'")
    title: Text = Field(description="the topic's title in both languages")
    seed: NonEmptyStr = Field(description="where the seed map says the topic comes from")


class Area(Strict):
    id: Id = Field(description="the area id, such as 'plan'")
    title: Text = Field(description="the area's title in both languages")
    topics: list[Topic] = Field(min_length=1, description="the topics of the area")


class TopicsFile(DataFile):
    seeds: list[Seed] = Field(min_length=1, description="the seed documents")
    areas: list[Area] = Field(min_length=1, description="the areas of the seed map with their topics")


class Label(Strict):
    id: Id = Field(description="an id of lower-case letters, digits and '-'")
    title: Text = Field(description="the label in both languages")


class RolesFile(DataFile):
    roles: list[Label] = Field(min_length=1, description="the roles that read, tick and print the playbook")


class StagesFile(DataFile):
    stages: list[Label] = Field(min_length=1, description="the stages of the sales cycle")


class StringsFile(DataFile):
    """UI strings: `objectives: {zh: 学习目标, en: Objectives}`."""

    strings: dict[Id, Text] = Field(description="UI strings by id, each in both languages")
