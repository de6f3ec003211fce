"""A learner's progress, kept in the browser, and the completion slip they hand to a trainer.

`outline` is what the "my progress" page needs to name what a learner did: the modules, checklists, sheets,
modules' self-checks and course quizzes of the playbook in one language. A self-check counts as passed once
every question is marked "I had it". A slip is what the page exports (JSON, or the same
compressed into a QR code as `PBS1:` + base64url of raw DEFLATE); `read_slip` validates one against the
playbook, so `python -m playbook.progress.roster` can merge slips into one table. A slip is a record, not proof.
"""

import base64
import datetime as dt
import json
import zlib
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from playbook.core.addresses import folder, page_url, source
from playbook.core.schema.common import Id, NonEmptyStr, Strict

PREFIX = "PBS1:"
MAX_BYTES = 64_000  # a slip is a few kilobytes; anything far larger is not one


class QuizResult(Strict):
    id: Id
    right: int = Field(ge=0)
    total: int = Field(gt=0, description="questions marked")

    @model_validator(mode="after")
    def _right_of_marked(self):
        if self.right > self.total:
            raise ValueError(f"{self.right} right of {self.total} marked; expected at most {self.total}")
        return self


class Slip(Strict):
    slip: Literal["sales-playbook"] = Field(description="what the file is")
    version: Literal[1] = Field(description="the slip format's version")
    name: NonEmptyStr = Field(max_length=80, description="the learner's name as they typed it")
    lang: Literal["zh", "en"]
    made: dt.date = Field(description="the day the slip was made")
    modules: list[Id] = Field(default_factory=list, max_length=500)
    checklists: list[Id] = Field(default_factory=list, max_length=500)
    sheets: list[Id] = Field(default_factory=list, max_length=500)
    quizzes: list[QuizResult] = Field(default_factory=list, max_length=100, description="course quizzes")
    self_checks: list[QuizResult] = Field(default_factory=list, max_length=500,
                                          description="modules' self-checks marked in the browser")
    cards: int = Field(default=0, ge=0, le=100_000, description="practice cards reviewed at least once")


def outline(book, lang: str) -> dict:
    """What a progress page lists, in `lang`: ids, titles and (for modules) the page's site path."""
    titled = lambda kind: [{"id": i.id, "title": i.title[lang]} for i in sorted(book.of_kind(kind),  # noqa: E731
                                                                              key=lambda i: i.id)]
    # Paths from the language's root (en/ for English), as the pages' own scripts see them (material's base).
    home = folder(lang)
    return {"modules": [{"id": m.id, "title": m.title[lang], "path": page_url(source(m.page, lang))[len(home):]}
                        for m in sorted(book.of_kind("module"), key=lambda m: m.page)],
            "checklists": titled("checklist"), "sheets": titled("sheet"),
            "quizzes": [{"id": c.id, "title": c.title[lang]} for c in sorted(book.of_kind("course"),
                                                                             key=lambda c: c.id)],
            "self_checks": [{"id": q.id, "title": book.get("module", q.module).title[lang],
                             "questions": len(q.questions)} for q in sorted(book.of_kind("quiz"),
                                                                            key=lambda q: q.id)]}


def decode(text: str) -> object:
    """A slip's JSON from a file's text: plain JSON, or the QR code's PBS1: form."""
    text = text.strip()
    if text.startswith(PREFIX):
        body = text[len(PREFIX):]
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj(-15)
        text = inflater.decompress(packed, MAX_BYTES).decode("utf-8")
        if inflater.unconsumed_tail:
            raise ValueError(f"the slip unpacks to more than {MAX_BYTES} bytes")
    return json.loads(text)


def read_slip(name: str, text: str, book) -> Slip:
    """The slip in `text`; ValueError saying what is wrong, naming the file, when it is not a valid one."""
    if len(text) > MAX_BYTES:
        raise ValueError(f"{name}: is {len(text)} characters; expected a slip of a few kilobytes")
    try:
        slip = Slip.model_validate(decode(text))
    except (ValueError, zlib.error, UnicodeDecodeError) as error:
        raise ValueError(f"{name}: is not a completion slip ({_reason(error)}); expected the .json file or the "
                         "PBS1: text that the 'my progress' page exports") from None
    for kind, ids in (("module", slip.modules), ("checklist", slip.checklists), ("sheet", slip.sheets),
                      ("course", [q.id for q in slip.quizzes]), ("quiz", [q.id for q in slip.self_checks])):
        unknown = sorted(set(ids) - set(book.ids(kind)))
        if unknown:
            raise ValueError(f"{name}: {kind} '{unknown[0]}' is not in this playbook; expected a slip made "
                             "from this site")
    for result in slip.self_checks:
        count = len(book.get("quiz", result.id).questions)
        if result.total > count:
            raise ValueError(f"{name}: self-check '{result.id}' has {result.total} questions marked; expected at "
                             f"most its {count}")
    return slip


def passed(slip: Slip, book) -> int:
    """How many of the slip's self-checks have every question of the quiz marked right."""
    return sum(q.right == len(book.get("quiz", q.id).questions) for q in slip.self_checks)


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc']) or 'the slip'}: {first['msg']}"
    return str(error).splitlines()[0][:120]
