"""Review dates: which items are due, as of a day that a build or a test can fix.

The day is `PLAYBOOK_TODAY` (YYYY-MM-DD) when set, else the day of `SOURCE_DATE_EPOCH` (the Makefile sets it to
the last commit's time, so a build of one commit is the same whenever it runs), else the clock's date (UTC).
"""

import datetime
import os

from playbook.core.problems import Problem
from playbook.core.schema.upkeep import Upkeep
from playbook.upkeep.freshness import kept


def today(given: datetime.date | None = None) -> datetime.date:
    if given:
        return given
    if os.environ.get("PLAYBOOK_TODAY"):
        return datetime.date.fromisoformat(os.environ["PLAYBOOK_TODAY"])
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else \
        datetime.datetime.now(datetime.timezone.utc)
    return moment.date()


def is_due(item, day: datetime.date) -> bool:
    return item.review_by <= day


def due_lines(book, day: datetime.date) -> list[tuple]:
    """(file, line, message) for every item due for review on `day`, oldest date first."""
    found = []
    for located in kept(book):
        item = located.item
        if is_due(item, day):
            line = located.source.line_of(located.path + ("review_by",))
            found.append((item.review_by, located.source.path, line,
                          f"'{item.id}' was to be reviewed by {item.review_by} (owner: {owner_name(item, 'en')}); "
                          "expected it reviewed and review_by set to the next date"))
    return [(path, line, message) for _, path, line, message in sorted(found)]


def owner_name(item, lang: str, roles: dict | None = None) -> str:
    """The owner as a reader sees it: a role's title, or the name given in both languages."""
    owner = item.owner
    if isinstance(owner, str):
        return roles[owner].title[lang] if roles and owner in roles else owner
    return owner[lang]


def owner_problems(book, source, model) -> list[Problem]:
    """An owner named by a bare word must be a role of roles.yml; a free name is given in both languages."""
    if not isinstance(model, Upkeep) or not isinstance(model.owner, str) or "roles.yml" not in book.files:
        return []
    if model.owner in book.roles:
        return []
    return [Problem(source.path, source.line_of(("owner",)),
                    f"unknown owner '{model.owner}'; expected a role id ({', '.join(book.roles)}) "
                    "or a name in both languages {zh: …, en: …}")]
