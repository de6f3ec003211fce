"""Who keeps a page's item current: its owner, the date to review it by, the Chinese its English follows."""

import datetime
from typing import Annotated

from pydantic import Field

from playbook.core.schema.common import NonEmptyStr, Strict, Text

# A short hash of an item's Chinese texts (playbook/upkeep/freshness.py); `python -m playbook translations --refresh` writes it.
ZhHash = Annotated[str, Field(pattern=r"^[0-9a-f]{8}$")]


class Upkeep(Strict):
    """Kept current by someone: modules, talk tracks, scripts, checklists, sheets and courses."""

    owner: NonEmptyStr | Text = Field(
        union_mode="left_to_right",
        description="a role id from playbook_data/roles.yml, or a name in both languages {zh: …, en: …}",
    )
    review_by: datetime.date = Field(description="the date to review it by, such as 2027-03-31")
    en_from: ZhHash | None = Field(
        default=None,
        description="8 hex digits naming the Chinese text the English was written from; "
                    "`python -m playbook translations --refresh <id>` writes them",
    )
