"""The feature registry (playbook/features.py): every folder of the package is a listed feature, and what the
features bring (macros, data kinds, templates) never collides."""

from collections import Counter
from pathlib import Path

from playbook import features
from playbook.core.schema import folders, kind_of

PACKAGE = Path(features.__file__).parent


def test_every_feature_folder_is_listed_once():
    folders_here = {p.parent.name for p in PACKAGE.glob("*/__init__.py")} - {"core"}
    assert sorted(features.FEATURES) == sorted(folders_here)
    assert len(set(features.FEATURES)) == len(features.FEATURES)


def test_no_two_features_name_the_same_macro_template_or_folder():
    macros = Counter(name for part in features.parts("macros") for name in part.MACROS)
    templates = Counter(t.name for folder in features.template_dirs() for t in folder.glob("*.html"))
    data = Counter(name for part in features.parts("schema") for name in part.FOLDERS)
    assert [name for counts in (macros, templates, data) for name, n in counts.items() if n > 1] == []


def test_the_macros_pages_call_come_from_the_features():
    names = {name for part in features.parts("macros") for name in part.MACROS}
    assert {"module_intro", "checklist", "course", "calculator", "glossary", "whats_new"} <= names
    assert len(names) == 28


def test_every_data_kind_has_a_kind_name_and_a_feature():
    assert set(kind_of().values()) >= {"module", "checklist", "sheet", "course", "term", "calculator", "rubric"}
    assert list(folders()) == sorted(folders())


def test_the_tests_mirror_the_features():
    tests = Path(__file__).resolve().parents[1]
    folders_here = {p.parent.name for p in tests.glob("*/__init__.py")}
    assert folders_here <= {*features.FEATURES, "core"}
    assert not list(tests.glob("test_*.py")), "a test module belongs in the folder of its feature"
