"""A page's language and address, in one place: static-i18n's suffix structure (`x.md` in the default
language, `x.<lang>.md` in another) and the site it builds with `use_directory_urls: false` (the default
language at the root, another under `<lang>/`, pages ending in `.html`). The data holds every text as
{zh, en}, so the languages are fixed here; the build reads the i18n plugin's configuration in mkdocs.yml and
stops when it builds other languages or other addresses (`config_problem`)."""

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


def at_item(home: str, kind: str, item_id: str) -> str:
    """An item's address on the page that renders it (`home`), at its anchor. A checklist's or sheet's anchor is its
    title, not its form: material's page script reads `.name` of the element a link's #hash names, which on a form
    is its input called "name", and throws."""
    return f"{home}#{item_id}-title" if kind in ("checklist", "sheet") else f"{home}#{item_id}"


def relative(from_url: str, to_url: str) -> str:
    """A link from one site-relative page URL to another."""
    return posixpath.relpath(to_url, posixpath.dirname(from_url) or ".")


def config_problem(config) -> str | None:
    """What in mkdocs.yml disagrees with these rules, said for its author; None when nothing does."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return "the i18n plugin is missing; expected `- i18n:` under plugins, building zh (default) and en"
    settings = i18n.config
    built = [lang.locale + (" (default)" if lang.default else "") for lang in settings.languages if lang.build]
    wanted = [f"{DEFAULT_LANGUAGE} (default)", *LANGUAGES[1:]]
    if sorted(built) != sorted(wanted) or not built[0].endswith("(default)"):
        return (f"the i18n plugin builds {', '.join(built) or 'no language'}; expected {' and '.join(wanted)} "
                "(the data holds every text in these languages)")
    if settings.docs_structure != "suffix":
        return (f"the i18n plugin's docs_structure is '{settings.docs_structure}'; expected 'suffix' "
                "(x.md and x.en.md side by side)")
    if config.use_directory_urls:
        return "use_directory_urls is true; expected false (pages end in .html, so the site works from a zip)"
    return None
