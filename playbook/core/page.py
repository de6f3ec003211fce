"""What a macro knows of the page it is called from: its file, its language, its module."""

import logging
import posixpath
from dataclasses import dataclass

from playbook.core.addresses import DEFAULT_LANGUAGE

log = logging.getLogger("mkdocs.plugins.playbook")


class MacroError(Exception):
    """A macro misused on a page; the message names the page so the author can find it."""


@dataclass(frozen=True)
class PageContext:
    src_uri: str  # e.g. goals/smart.en.md
    lang: str
    meta: dict

    @classmethod
    def of(cls, env) -> "PageContext":
        page = env.page
        lang = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
        return cls(page.file.src_uri, lang, page.meta or {})

    def error(self, message: str) -> MacroError:
        """The error to raise; logged too, since mkdocs-macros shows its own only as a warning."""
        text = f"docs/{self.src_uri}: {message}"
        log.error(text)
        return MacroError(text)

    def link_to(self, page: str) -> str:
        """A relative Markdown link target from this page to `page` (a Chinese source path)."""
        return posixpath.relpath(page, posixpath.dirname(self.src_uri) or ".")
