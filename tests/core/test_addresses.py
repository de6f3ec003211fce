"""The language and address rules (playbook/core/addresses.py) against the i18n plugin's configuration in
mkdocs.yml, and on the page names static-i18n builds."""

from pathlib import Path

import pytest
from mkdocs.config import load_config

from playbook.core import addresses
from tests.conftest import mkdocs_build

ROOT = Path(__file__).resolve().parents[2]


def test_the_languages_are_those_of_the_i18n_plugin_default_first():
    config = load_config(str(ROOT / "mkdocs.yml"))
    languages = config.plugins["i18n"].config.languages
    assert [lang.locale for lang in languages if lang.default] == [addresses.DEFAULT_LANGUAGE]
    assert addresses.config_problem(config) is None


# mkdocs.yml changed in one place → what the build says (after "mkdocs.yml: ")
DISAGREEING = {
    "English as the default": (("          default: true\n", ""),
                               ("name: English\n", "name: English\n          default: true\n")),
    "a third language": (("        - locale: en\n", "        - locale: fr\n          name: Français\n"
                                                     "        - locale: en\n"),),
    "folders for languages": (("docs_structure: suffix", "docs_structure: folder"),),
    "directory addresses": (("use_directory_urls: false", "use_directory_urls: true"),),
}
SAID = {
    "English as the default": "the i18n plugin builds zh, en (default); expected zh (default) and en "
                              "(the data holds every text in these languages)",
    "a third language": "the i18n plugin builds zh (default), fr, en; expected zh (default) and en "
                        "(the data holds every text in these languages)",
    "folders for languages": "the i18n plugin's docs_structure is 'folder'; expected 'suffix' "
                             "(x.md and x.en.md side by side)",
    "directory addresses": "use_directory_urls is true; expected false (pages end in .html, so the site works "
                           "from a zip)",
}


def _config_with(tmp_path, replacements):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    for folder in ("docs", "overrides", "playbook_data", "playbook", "calculators"):  # the paths it names
        (tmp_path / folder).symlink_to(ROOT / folder)
    return load_config(str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize("case", DISAGREEING)
def test_a_configuration_the_addresses_do_not_follow_is_named(tmp_path, case):
    assert addresses.config_problem(_config_with(tmp_path, DISAGREEING[case])) == SAID[case]


@pytest.mark.build
def test_the_build_stops_on_it_with_the_file_named(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("use_directory_urls: false", "use_directory_urls: true", 1), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1
    assert f"mkdocs.yml: {SAID['directory addresses']}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_page_has_one_source_and_one_address_per_language():
    assert [addresses.source("planning/x.md", lang) for lang in addresses.LANGUAGES] == [
        "planning/x.md", "planning/x.en.md"]
    assert [addresses.page_url(addresses.source("planning/x.md", lang)) for lang in addresses.LANGUAGES] == [
        "planning/x.html", "en/planning/x.html"]
    assert addresses.page_language("courses/a-quiz.en.md") == "en"
    assert addresses.page_language("courses/a-quiz.md") == "zh"
    assert addresses.relative("en/planning/x.html", "en/index.html") == "../index.html"
