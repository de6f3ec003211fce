"""The contract with mkdocs-static-i18n's internals, held in playbook/core/static_i18n.py: on a real configuration
(the mini-project's), each function does what the build relies on. An upgrade of static-i18n that moves its
internals fails here, not somewhere in the built site."""

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from playbook.core import static_i18n

from tests.conftest import ROOT


@pytest.fixture
def config(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "tests" / "fixtures" / "mini" / "mkdocs.yml"))
    config = config.plugins["i18n"].on_config(config)
    config.plugins._current_plugin = "test"  # MkDocs names the plugin whose event runs; File.generated reads it
    return config


def test_languages_the_one_being_built_and_nav_labels(config):
    assert static_i18n.languages(config) == ["zh", "en"]
    assert static_i18n.current_language(config) == "zh"
    assert static_i18n.translated(config, "no such label") == "no such label"
    config.plugins["i18n"].current_language = "en"
    assert static_i18n.current_language(config) == "en"


def test_a_generated_page_is_placed_as_static_i18n_places_a_page_of_its_language(config):
    zh = static_i18n.generated_page(config, "made/page.md", "中文", "zh")
    en = static_i18n.generated_page(config, "made/page.en.md", "English", "en")
    assert (zh.dest_uri, zh.url, zh.content_string, zh.generated_by) == ("made/page.html", "made/page.html", "中文", "test")
    assert (en.dest_uri, en.url, en.content_string) == ("en/made/page.html", "en/made/page.html", "English")
    assert (zh.locale, en.locale) == ("zh", "en")


def test_an_added_page_joins_the_files_and_static_i18ns_list_of_its_language(config):
    files = config.plugins["i18n"].on_files(get_files(config), config)
    versions = {lang: static_i18n.generated_page(config, name, "x", lang)
                for lang, name in (("zh", "made/page.md"), ("en", "made/page.en.md"))}
    static_i18n.add_page(config, files, versions)
    assert versions["zh"] in list(files)
    assert versions["zh"] in config.plugins["i18n"].i18n_files_per_language["zh"]
    assert versions["zh"].alternates == versions and versions["en"] not in list(files)


def test_the_language_homes_are_the_switchers_entries_for_each_home_page(config):
    homes = static_i18n.language_homes(config)
    assert [(home["lang"], home["link"]) for home in homes] == [("zh", "/index.html"), ("en", "/en/index.html")]
    homes[0]["link"] = "/elsewhere.html"  # a copy: a page's switcher never changes what the next one starts from
    assert static_i18n.language_homes(config)[0]["link"] == "/index.html"
