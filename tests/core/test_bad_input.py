"""The bad-input corpus: each fixture breaks the mini-project one way; the message is asserted word for word.

A fixture is a folder under tests/fixtures/bad/ (or tests/<feature>/bad/, beside the tests of the feature whose
data it breaks) holding the files that replace or join those of
tests/fixtures/mini/, and `expected.txt`: the exact problem lines, sorted. The mini-project takes its UI
strings from the real playbook_data/strings.yml, which the templates it renders need.
"""

import shutil
from pathlib import Path

import pytest

from playbook.__main__ import main
from playbook.core.book import load
from playbook.core.problems import DataError
from playbook.core.schema import TOP_LEVEL, folders

from tests.conftest import ROOT, mkdocs_build

FIXTURES = Path(__file__).parent.parent / "fixtures"
BUILD_CASES = {"unknown-macro-id", "script-text", "misspelt-macro", "broken-macro-call"}
# The reader's and the loader's cases are in fixtures/bad/; a feature's own beside its tests (tests/<feature>/bad/)
CASES = {p.name: p for p in sorted(FIXTURES.parent.glob("*/bad/*")) if p.is_dir()}
DATA_CASES = sorted(name for name in CASES if name not in BUILD_CASES)


def mini_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    shutil.copy(ROOT / "playbook_data" / "strings.yml", project / "playbook_data" / "strings.yml")
    return project


def broken_project(tmp_path: Path, case: str) -> Path:
    project = mini_project(tmp_path)
    for file in (CASES[case]).rglob("*"):
        if file.is_file() and file.name != "expected.txt":
            target = project / file.relative_to(CASES[case])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(file, target)
    return project


def expected_lines(case: str) -> list[str]:
    kinds = ", ".join([f"{folder}/" for folder in folders()] + list(TOP_LEVEL))
    text = (CASES[case] / "expected.txt").read_text(encoding="utf-8")
    return text.replace("{kinds}", kinds).splitlines()


def test_the_corpus_has_at_least_twelve_cases():
    assert len(DATA_CASES) + len(BUILD_CASES) >= 12


def test_the_mini_project_is_valid(tmp_path):
    assert len(load(mini_project(tmp_path)).items) == 4


@pytest.mark.parametrize("case", DATA_CASES)
def test_every_problem_is_reported_word_for_word(tmp_path, case):
    with pytest.raises(DataError) as raised:
        load(broken_project(tmp_path, case))
    assert [str(p) for p in raised.value.problems] == expected_lines(case)


def test_check_command_lists_all_problems_and_exits_1(tmp_path, capsys):
    # `python -m playbook`'s main() in this process (tests/upkeep/test_sources.py starts the real one)
    project = broken_project(tmp_path, "several-at-once")
    code = main(["check", "--root", str(project)])
    assert code == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["5 problems in playbook_data/:", *expected_lines("several-at-once")]


@pytest.mark.build
def test_build_fails_with_the_same_problems(tmp_path):
    result = mkdocs_build(broken_project(tmp_path, "unknown-key"), tmp_path / "site")
    assert result.returncode != 0
    assert expected_lines("unknown-key")[0] in result.stderr


@pytest.mark.build
def test_unknown_macro_id_fails_the_build_naming_page_and_id(tmp_path):
    result = mkdocs_build(broken_project(tmp_path, "unknown-macro-id"), tmp_path / "site")
    assert result.returncode != 0
    assert expected_lines("unknown-macro-id")[0] in result.stdout + result.stderr


@pytest.mark.parametrize("case", ["misspelt-macro", "broken-macro-call"])
@pytest.mark.build
def test_a_bad_macro_call_fails_the_build_at_its_line_with_no_traceback(tmp_path, case):
    result = mkdocs_build(broken_project(tmp_path, case), tmp_path / "site")  # built with -q
    assert result.returncode != 0
    assert f"ERROR   -  {expected_lines(case)[0]}" in result.stderr.splitlines()
    assert "Traceback" not in result.stdout + result.stderr


def test_a_ui_string_the_templates_use_is_checked(tmp_path):
    project = mini_project(tmp_path)
    strings = project / "playbook_data" / "strings.yml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    strings.write_text("".join(line for line in lines if not line.lstrip().startswith("objectives:")),
                       encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(project)
    assert [str(p) for p in raised.value.problems] == [
        "playbook_data/strings.yml:1: UI string 'objectives' is missing (used in playbook/modules/templates/module_intro.html);"
        " expected objectives: {zh: …, en: …} under strings"]


def test_a_key_a_template_starts_to_use_is_checked_in_the_same_process(tmp_path, monkeypatch):
    # The code's keys are read once per version of its files: `mkdocs serve` keeps the process while a template
    # is edited, and the next check must see the template's new key
    from playbook.core import ui_strings

    template = tmp_path / "playbook" / "feature" / "templates" / "page.html"
    template.parent.mkdir(parents=True)
    monkeypatch.setattr(ui_strings, "PACKAGE", tmp_path / "playbook")
    monkeypatch.setattr(ui_strings, "CODE", [template])
    template.write_text("{{ ui('objectives') }}", encoding="utf-8")
    assert "objectives" in ui_strings.used_keys() and "brand-new" not in ui_strings.used_keys()
    template.write_text("{{ ui('objectives') }} {{ ui('brand-new') }}", encoding="utf-8")
    assert ui_strings.used_keys()["brand-new"] == "playbook/feature/templates/page.html"


def test_a_broken_shared_file_is_reported_once(data_copy):
    # One role title without English: one problem, not one per item that names a role
    roles = data_copy / "playbook_data" / "roles.yml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text.replace(", en: New salesperson}", "}", 1), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(data_copy)
    assert [p.path for p in raised.value.problems] == ["playbook_data/roles.yml"]


@pytest.mark.build
def test_markup_in_data_is_rendered_as_text(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(broken_project(tmp_path, "script-text"), site)
    assert result.returncode == 0, result.stderr
    for page, lang in ((site / "index.html", "zh"), (site / "en" / "index.html", "en")):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(" not in html and "<img src=x" not in html and "<b>有数字" not in html
        assert f"&lt;script&gt;alert(&#39;{lang}&#39;)&lt;/script&gt;" in html
    assert "&lt;b&gt;有数字&lt;/b&gt; &amp; 日期" in (site / "index.html").read_text(encoding="utf-8")


def test_yaml_only_libyaml_rejects_is_reported_not_raised(monkeypatch):
    # When libyaml refuses a file the pure-Python parser accepts, its own finding is the problem reported
    import yaml

    from playbook.core import yaml_source

    class Refusing(yaml.SafeLoader):
        def get_single_node(self):
            raise yaml.MarkedYAMLError(problem="found character that cannot start any token",
                                       problem_mark=yaml.Mark("x.yml", 0, 2, 0, None, None))

    monkeypatch.setattr(yaml_source, "FastLoader", Refusing)
    source, problems = yaml_source.read_yaml("playbook_data/x.yml", "id: fine\n")
    assert source is None
    assert [str(p) for p in problems] == [
        "playbook_data/x.yml:3: YAML syntax error: found character that cannot start any token; "
        "expected valid YAML (check indentation, colons and quotes)"]
