"""Building blocks every data file shares: bilingual text, citations, the item base."""

# The primitives live in calculators/models.py, because calculators/ must work without MkDocs
# (and so cannot import playbook/); the site's schema uses the very same ones.
from pydantic import Field

from calculators.models import (  # noqa: F401
    SOURCE_PATTERN,
    FieldError,
    Id,
    NonEmptyStr,
    Source,
    Strict,
    Text,
    Whole,
)


class Item(Strict):
    """Anything a page renders: an id unique across the data, its seed citations and topics."""

    id: Id = Field(description="an id of lower-case letters, digits, '-' and '.', unique across the data")
    sources: list[Source] = Field(
        min_length=1, description="seed citations such as '002' or '000 §7.1', or 'practice'"
    )
    covers: list[Id] = Field(min_length=1, description="topic ids from playbook_data/topics.yml")


class DataFile(Strict):
    """A whole YAML file; `located_items()` yields every item in it with its path inside the file."""

    def located_items(self):
        if isinstance(self, Item):
            yield (), self

    def references(self):
        """(path, kind, id) for every id this file names that must exist elsewhere."""
        return ()
