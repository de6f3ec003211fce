"""A page's language and address, in one place: static-i18n's suffix structure (`x.md` in the default
language, `x.<lang>.md` in another) and the site it builds with `use_directory_urls: false` (the default
language at the root, another under `<lang>/`, pages ending in `.html`). The languages are those of the i18n
plugin in mkdocs.yml; tests/core/test_addresses.py holds the two equal."""

import posixpath

DEFAULT_LANGUAGE = "zh"
LANGUAGES = (DEFAULT_LANGUAGE, "en")


def source(page: str, lang: str) -> str:
    """The source of a default-language page (`planning/x.md`) in `lang`: planning/x.en.md."""
    return page if lang == DEFAULT_LANGUAGE else f"{page[:-len('.md')]}.{lang}.md"


def page_language(src_uri: str) -> str:
    return next((lang for lang in LANGUAGES[1:] if src_uri.endswith(f".{lang}.md")), DEFAULT_LANGUAGE)


def folder(lang: str) -> str:
    """Where the pages of `lang` live in the site: '' for the default language, 'en/' for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_url(src_uri: str) -> str:
    """The site-relative URL of a Markdown page: planning/x.en.md → en/planning/x.html."""
    lang = page_language(src_uri)
    stem = src_uri[: -len(".md")] if lang == DEFAULT_LANGUAGE else src_uri[: -len(f".{lang}.md")]
    return f"{folder(lang)}{stem}.html"


def relative(from_url: str, to_url: str) -> str:
    """A link from one site-relative page URL to another."""
    return posixpath.relpath(to_url, posixpath.dirname(from_url) or ".")
