"""Courses for trainers: one file in playbook_data/courses/ becomes an agenda, instructor notes and handouts."""

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from playbook.core.schema.common import DataFile, Id, Item, Strict, Text, Whole
from playbook.core.schema.upkeep import Upkeep

KINDS = ("talk", "discussion", "exercise", "role-play", "quiz", "break")
USES = ("modules", "topics", "roleplay", "handouts", "questions")


def _clock(value):
    # YAML 1.1 reads an unquoted 13:30 as the number 810 (13 × 60 + 30): turn it back into a time
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return f"{value // 60:02d}:{value % 60:02d}"
    return value


Clock = Annotated[
    str, BeforeValidator(_clock), StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
]
QuestionRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+([.-][a-z0-9]+)*(/[1-9]\d*)?$")]


class Block(Strict):
    """One stretch of the agenda: its minutes, what happens, what it uses and what the trainer should know."""

    minutes: Whole = Field(gt=0, le=480, description="the block's length in minutes, 1 to 480")
    kind: Literal[KINDS] = Field(
        description="'talk', 'discussion', 'exercise', 'role-play', 'quiz' or 'break'"
    )
    title: Text | None = Field(default=None, description="what the block is called, in both languages")
    task: Text | None = Field(default=None, description="what the participants do, shown to them")
    modules: list[Id] = Field(default_factory=list, description="ids of the modules the block teaches from")
    topics: list[Id] = Field(default_factory=list, description="topic ids from playbook_data/topics.yml")
    roleplay: Id | None = Field(default=None, description="the id of a role-play card, such as 'roleplay.late-delivery'")
    handouts: list[Id] = Field(default_factory=list, description="ids of the checklists and sheets handed out")
    questions: list[QuestionRef] = Field(
        default_factory=list,
        description="quiz ids, or a quiz id and a question number such as 'smart-goals-quiz/2'",
    )
    notes: Text | None = Field(default=None, description="notes for the trainer, never shown to learners")

    @model_validator(mode="after")
    def _uses_fit_the_kind(self):
        if self.kind == "break":
            used = [name for name in USES if getattr(self, name)]
            if used:
                raise ValueError(f"a break uses {', '.join(used)}; expected a break to use nothing")
            return self
        if self.title is None:
            raise ValueError(f"a {self.kind} block has no title; expected title: {{zh: …, en: …}}")
        if (self.kind == "role-play") != (self.roleplay is not None):
            raise ValueError("a role-play block names one card and no other block does; "
                             "expected 'roleplay: <card id>' exactly on role-play blocks")
        if (self.kind == "quiz") != bool(self.questions):
            raise ValueError("a quiz block lists questions and no other block does; "
                             "expected 'questions: [<quiz id>/<number>, …]' exactly on quiz blocks")
        return self


class Session(Strict):
    """A morning, an afternoon or a day: a title, the clock time it starts, its blocks in order."""

    title: Text = Field(description="the session's title in both languages, such as 'Day 1'")
    start: Clock | None = Field(default=None, description="the time it starts, such as '09:00' (default: the course's start)")
    end: Clock | None = Field(default=None, description="the time it must be over by, such as '17:30' (optional)")
    blocks: list[Block] = Field(min_length=1, description="the blocks of the session, in order")


class Course(Upkeep, Item, DataFile):
    """A course built from the playbook: who it is for, when it starts, how long it takes, its sessions."""

    title: Text = Field(description="the course's title in both languages")
    summary: Text = Field(description="one or two sentences saying what the course is for")
    audience: list[Id] = Field(min_length=1, description="role ids from playbook_data/roles.yml")
    prerequisites: list[Id] = Field(default_factory=list, description="ids of the modules to read beforehand")
    start: Clock = Field(description="the time the course starts, such as '09:00'")
    duration: Whole = Field(gt=0, le=6000, description="the course's length in minutes, breaks included")
    sessions: list[Session] = Field(min_length=1, description="the sessions (days or half-days), in order")

    def located_blocks(self):
        """(path inside the file, block) for every block, in agenda order."""
        for s, session in enumerate(self.sessions):
            for b, block in enumerate(session.blocks):
                yield ("sessions", s, "blocks", b), block

    def module_ids(self) -> list[str]:
        """The modules the blocks teach from, in order of first use."""
        return list(dict.fromkeys(m for _, block in self.located_blocks() for m in block.modules))

    def references(self):
        yield from ((("prerequisites", i), "module", m) for i, m in enumerate(self.prerequisites))
        for path, block in self.located_blocks():
            yield from ((path + ("modules", i), "module", m) for i, m in enumerate(block.modules))


FOLDERS = {"courses": Course}
KIND_OF = {Course: "course"}
