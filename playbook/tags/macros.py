"""The tags page: material's listings by role, by sales stage and by area."""

from playbook.core.page import PageContext
from playbook.tags.tags import tag_index

MACROS = {"tag_index": lambda macros: tag_index(macros.book, PageContext.of(macros.env).lang)}
