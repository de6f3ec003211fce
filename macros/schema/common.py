"""Building blocks every data file shares: bilingual text, citations, the item base."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

LANGUAGES = ("zh", "en")

# A seed citation: `002`, `000 §7.1`, `004 L4 §2`, `003 §3.3-3.4`; or `practice` where the seeds are silent.
SOURCE_PATTERN = re.compile(r"^(00[0-4])( L[1-6])?( §\d+(\.\d+)*(-\d+(\.\d+)*)?)?$|^practice$")
ID_PATTERN = r"^[a-z0-9]+([.-][a-z0-9]+)*$"

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


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

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One text in both languages: `{zh: 客户投诉处理, en: Handling complaints}`."""

    zh: NonEmptyStr = Field(description="the Simplified Chinese text")
    en: NonEmptyStr = Field(description="the English text")

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class Item(Strict):
    """Anything a page renders: an id unique across the data, its seed citations and topics."""

    id: Id = Field(description="an id of lower-case letters, digits, '-' and '.', unique across the data")
    sources: list[Source] = Field(
        min_length=1, description="seed citations such as '002' or '000 §7.1', or 'practice'"
    )
    covers: list[Id] = Field(min_length=1, description="topic ids from playbook_data/topics.yml")


class DataFile(Strict):
    """A whole YAML file; `items()` yields every item in it with its path inside the file."""

    def located_items(self):
        if isinstance(self, Item):
            yield (), self

    def references(self):
        """(path, kind, id) for every id this file names that must exist elsewhere."""
        return ()
