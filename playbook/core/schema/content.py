"""The kinds of content pages render: modules, frameworks, checklists, quizzes, the glossary."""

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from playbook.core.schema.common import (
    DataFile,
    FieldError,
    Id,
    Item,
    NonEmptyStr,
    Strict,
    Text,
    Whole,
)
from playbook.core.schema.upkeep import Upkeep

# A checklist entry's id starts with a letter, so it never looks like a position (the browser's older keys).
EntryId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]


class Tags(Strict):
    area: Id = Field(description="an area id from playbook_data/topics.yml")
    roles: list[Id] = Field(min_length=1, description="role ids from playbook_data/roles.yml")
    stage: Id = Field(description="a stage id from playbook_data/stages.yml")


class Module(Upkeep, Item, DataFile):
    """A lesson page: what it takes, what it teaches, and the page that teaches it."""

    title: Text = Field(description="the module's title in both languages")
    page: NonEmptyStr = Field(
        pattern=r"^[a-z0-9/-]+\.md$", description="the Chinese page under docs/, such as 'goals/smart.md'"
    )
    minutes: Whole = Field(gt=0, le=240, description="reading time in minutes, 1 to 240")
    questions: list[Text] = Field(min_length=1, description="the questions the module answers")
    objectives: list[Text] = Field(min_length=1, description="what a reader can do afterwards")
    key_points: list[Text] = Field(min_length=1, description="what to remember")
    tags: Tags = Field(description="area, roles and stage")


def _no_closing_colon(title: str) -> str:
    if title.endswith((":", "：")):
        raise ValueError(f"title {title!r} ends with a colon; expected the title alone "
                         "(a list's page adds the colon of its language after it)")
    return title


ColumnName = Annotated[NonEmptyStr, AfterValidator(_no_closing_colon)]


class ColumnTitle(Text):
    """A column's header: a table's head, or in a list the field's name, which the page follows with a colon."""

    zh: ColumnName = Field(description="the Simplified Chinese header, without a colon")
    en: ColumnName = Field(description="the English header, without a colon")


class Column(Strict):
    key: Id = Field(description="the key the items use for this column")
    title: ColumnTitle = Field(description="the column header in both languages")


class Entry(Strict):
    """A row of a framework: a name, one text per column, and optional sub-entries."""

    name: Text = Field(description="the entry's name in both languages")
    fields: dict[Id, Text] = Field(default_factory=dict, description="one text per column key")
    children: list["Entry"] = Field(default_factory=list, description="sub-entries")


class Framework(Item, DataFile):
    """Any structure the seeds teach: criteria, steps, comparisons, lists with sub-kinds."""

    title: Text = Field(description="the framework's title in both languages")
    intro: Text | None = Field(default=None, description="one or two sentences shown above it")
    layout: Literal["table", "steps", "list"] = Field(
        default="table", description="'table', 'steps' or 'list'"
    )
    name_title: Text | None = Field(default=None, description="the header of the name column")
    columns: list[Column] = Field(default_factory=list, description="the columns every entry fills in")
    entries: list[Entry] = Field(min_length=1, description="the rows")

    @model_validator(mode="after")
    def _entries_fill_every_column(self):
        keys = [c.key for c in self.columns]
        for path, entry in _walk(self.entries, ("entries",)):
            if sorted(entry.fields) != sorted(keys):
                raise FieldError(path + ("fields",), f"entry {entry.name.en!r} has fields {sorted(entry.fields)}; "
                                                     f"expected exactly the column keys {keys}")
        return self


def _walk(entries, path: tuple):
    for index, entry in enumerate(entries):
        yield path + (index,), entry
        yield from _walk(entry.children, path + (index, "children"))


class CheckItem(Strict):
    id: EntryId = Field(description="an id that starts with a letter, unique within the checklist, such as 'has-a-date'; "
                                    "the browser keeps a tick under it, so keep it when the text changes")
    text: Text = Field(description="what to check, in both languages")
    hint: Text | None = Field(default=None, description="a short how-to shown under the item")


class Printable(Upkeep, Item, DataFile):
    """What prints as an A4 sheet and goes into the booklets of its roles: checklists and sheets."""

    title: Text = Field(description="the title in both languages")
    intro: Text | None = Field(default=None, description="when and how to use it")
    roles: list[Id] = Field(min_length=1, description="role ids from playbook_data/roles.yml")
    write_in: list[Literal["name", "date", "customer"]] = Field(
        default_factory=list, description="lines to write on: 'name', 'date', 'customer'"
    )


class Checklist(Printable):
    """Boxes to tick before or after an action."""

    items: list[CheckItem] = Field(min_length=1, description="the boxes to tick")

    @model_validator(mode="after")
    def _item_ids_are_unique(self):
        seen = set()
        for index, item in enumerate(self.items):
            if item.id in seen:
                raise FieldError(("items", index, "id"),
                                 f"item id '{item.id}' is used twice; expected each item id once in a checklist")
            seen.add(item.id)
        return self


class Question(Strict):
    question: Text = Field(description="the question in both languages")
    answer: Text = Field(description="the answer in both languages")


class Quiz(Item, DataFile):
    """Self-check questions of a module, answers folded until opened."""

    module: Id = Field(description="the id of the module the quiz checks")
    questions: list[Question] = Field(min_length=1, description="questions with answers")

    def references(self):
        return ((("module",), "module", self.module),)


class Aliases(Strict):
    """Other words people use for a term, per language: a search for one also finds the term's pages."""

    zh: list[NonEmptyStr] = Field(default=[], description="other Chinese words for the term")
    en: list[NonEmptyStr] = Field(default=[], description="other English words for the term")

    def __getitem__(self, lang: str) -> list[str]:
        return getattr(self, lang)


class Term(Item):
    term: Text = Field(description="the term in both languages")
    definition: Text = Field(description="a one-line definition in both languages")
    aliases: Aliases = Field(default=Aliases(), description="other words for the term: {zh: [...], en: [...]}")


class GlossaryFile(DataFile):
    terms: list[Term] = Field(min_length=1, description="sales terms, zh ↔ en")

    def located_items(self):
        for index, term in enumerate(self.terms):
            yield ("terms", index), term
