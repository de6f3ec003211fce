"""The one place that reaches into mkdocs-static-i18n (1.3): its plugin's state and its `create_i18n_file`.

Everything the build needs from it goes through these functions; tests/core/test_static_i18n.py holds them to
static-i18n's behaviour on a real configuration, so an upgrade that changes the internals breaks that test,
not the site.
"""

from copy import deepcopy

from mkdocs.structure.files import File
from mkdocs_static_i18n.suffix import create_i18n_file


def _plugin(config):
    return config.plugins["i18n"]


def current_language(config) -> str:
    """The language being built (static-i18n builds the site once per language)."""
    return _plugin(config).current_language


def languages(config) -> list[str]:
    """Every language of the site, the default first as configured."""
    return [language.locale for language in _plugin(config).config.languages]


def translated(config, title: str) -> str:
    """A nav label of mkdocs.yml in the language being built (the i18n plugin's nav_translations)."""
    return (_plugin(config).current_language_config.nav_translations or {}).get(title, title)


def language_homes(config) -> list[dict]:
    """The language switcher's entries (name, link, lang) leading to each language's home page, as static-i18n
    makes them before a page's context points them at that page's translation."""
    return deepcopy(_plugin(config).extra_alternate)


def generated_page(config, src_uri: str, content: str, lang: str) -> File:
    """A page made by the build (no file in docs/) as static-i18n would place `src_uri` in `lang`: `en/…`
    for English, with its locale."""
    i18n = _plugin(config)
    generated = File.generated(config, src_uri, content=content)
    page = create_i18n_file(generated, lang, i18n.default_language, i18n.all_languages, config)
    page.content_string = generated.content_string  # create_i18n_file points the copy at docs/: keep the text
    page.generated_by = generated.generated_by
    return page


def add_page(config, files, versions: dict) -> None:
    """Add the page of the language being built, with its other-language versions as alternates (the
    language switcher and the sitemap), to the build's files and to static-i18n's list of that language."""
    lang = current_language(config)
    page = versions[lang]
    page.alternates = versions
    files.append(page)
    _plugin(config).i18n_files_per_language[lang].append(page)
