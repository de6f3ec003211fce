"""Building blocks of the calculators' YAML: bilingual text, citations, the tagged-item base.

calculators/ must work without MkDocs, so these primitives live here and playbook/core/schema/common.py
imports them: one definition of text, ids and citations for the whole playbook.
"""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StringConstraints

SOURCE_PATTERN = re.compile(r"^(00[0-4])( L[1-6])?( §\d+(\.\d+)*(-\d+(\.\d+)*)?)?$|^practice$")
ID_PATTERN = r"^[a-z0-9]+([.-][a-z0-9]+)*$"

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]
Whole = StrictInt  # a whole number as written: `yes` (a YAML true) or 2.5 is not one


class FieldError(ValueError):
    """A whole-item check's finding with the path of the field at fault (inside the checked model), so the
    message names that field and its line rather than the item's."""

    def __init__(self, path: tuple, message: str):
        super().__init__(message)
        self.path = path


def _check_source(value: str) -> str:
    if not SOURCE_PATTERN.match(value):
        raise ValueError(
            f"source {value!r} is not a citation; expected a seed citation such as "
            "'002', '000 §7.1' or '004 L4 §2', or 'practice'"
        )
    return value


Source = Annotated[str, AfterValidator(_check_source)]


class Strict(BaseModel):
    """Every model forbids unknown keys, so a typo is an error, not a silent no-op."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)  # .inf and .nan are no numbers


class Text(Strict):
    """One text in both languages: `{zh: 客户投诉处理, en: Handling complaints}`."""

    zh: NonEmptyStr = Field(description="the Simplified Chinese text")
    en: NonEmptyStr = Field(description="the English text")

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class Tagged(Strict):
    """A whole data file that is one item: id, title, seed citations and topics."""

    id: Id = Field(description="an id of lower-case letters, digits, '-' and '.', unique across the data")
    title: Text = Field(description="the title in both languages")
    sources: list[Source] = Field(
        min_length=1, description="seed citations such as '002' or '000 §7.1', or 'practice'"
    )
    covers: list[Id] = Field(min_length=1, description="topic ids from playbook_data/topics.yml")

    # What playbook/core/book.py asks of every data file when it cross-checks the data.
    def located_items(self):
        yield (), self

    def references(self):
        return ()
