"""The language and address rules (playbook/core/addresses.py) against the i18n plugin's configuration in
mkdocs.yml, and on the page names static-i18n builds."""

from pathlib import Path

from mkdocs.config import load_config

from playbook.core import addresses

ROOT = Path(__file__).resolve().parents[2]


def test_the_languages_are_those_of_the_i18n_plugin_default_first():
    config = load_config(str(ROOT / "mkdocs.yml"))
    languages = config.plugins["i18n"].config.languages
    default = [lang.locale for lang in languages if lang.default]
    assert default == [addresses.DEFAULT_LANGUAGE]
    assert addresses.LANGUAGES == (*default, *(lang.locale for lang in languages if not lang.default))


def test_a_page_has_one_source_and_one_address_per_language():
    assert [addresses.source("planning/x.md", lang) for lang in addresses.LANGUAGES] == [
        "planning/x.md", "planning/x.en.md"]
    assert [addresses.page_url(addresses.source("planning/x.md", lang)) for lang in addresses.LANGUAGES] == [
        "planning/x.html", "en/planning/x.html"]
    assert addresses.page_language("courses/a-quiz.en.md") == "en"
    assert addresses.page_language("courses/a-quiz.md") == "zh"
    assert addresses.relative("en/planning/x.html", "en/index.html") == "../index.html"
