"""The complaint-script kind: a valid script loads with its role-play card; bad input names file, line and fix."""

import shutil

import pytest

from playbook.core.book import load
from playbook.core.problems import DataError
from tests.conftest import ROOT

SCRIPT = "scripts/late-delivery.yml"
SCRIPT_PATH = f"playbook_data/{SCRIPT}"
TAXONOMY = ("topics.yml", "roles.yml", "stages.yml", "strings.yml")


@pytest.fixture
def tiny(tmp_path):
    """A tiny project: the real taxonomy files and one real script, nothing else."""
    data = tmp_path / "playbook_data"
    (data / "scripts").mkdir(parents=True)
    for name in TAXONOMY:
        shutil.copy(ROOT / "playbook_data" / name, data / name)
    shutil.copy(ROOT / "playbook_data" / SCRIPT, data / SCRIPT)
    return tmp_path


def edit(project, old: str, new: str) -> str:
    """Replace `old` (which must occur once) in the script; return the new text."""
    path = project / "playbook_data" / SCRIPT
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {SCRIPT}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which `needle` first occurs."""
    return text[: text.index(needle)].count("\n") + 1


def problems_of(project) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(project)
    return [str(p) for p in caught.value.problems]


def test_a_script_loads_with_its_roleplay_card(tiny):
    book = load(tiny)
    script = book.get("script", "complaint.late-delivery")
    card = book.get("roleplay", "roleplay.late-delivery")
    assert [s.step for s in script.feelings] == ["sympathise", "ask", "confirm"]
    assert [s.step for s in script.problem] == ["want", "options", "agree", "follow-up"]
    assert card.minutes > 0 and len(card.observer_checklist) >= 3


def test_steps_out_of_order_are_reported_on_the_group(tiny):
    text = edit(tiny, "  - step: sympathise\n", "  - step: ask\n")
    edit(tiny, "  - step: ask\n    do: {zh: 问清", "  - step: sympathise\n    do: {zh: 问清")
    assert problems_of(tiny) == [
        f"{SCRIPT_PATH}:{line_of(text, '  - step: ask')}: feelings: the steps are ask, sympathise, confirm; "
        "expected sympathise, ask, confirm in this order"
    ]


def test_a_line_without_english_names_the_missing_language(tiny):
    old = '  - {zh: 这是我们的责任，我来负责跟到底。, en: "This one is on us, and I\'ll see it through myself."}'
    text = edit(tiny, old, "  - {zh: 这是我们的责任，我来负责跟到底。}")
    assert problems_of(tiny) == [
        f"{SCRIPT_PATH}:{line_of(text, '  - {zh: 这是我们的责任')}: say[0].en is missing; expected the English text"
    ]


def test_an_unknown_key_on_the_card_lists_the_allowed_keys(tiny):
    text = edit(tiny, "  minutes: 15\n", "  minutes: 15\n  notes: bring a timer\n")
    assert problems_of(tiny) == [
        f"{SCRIPT_PATH}:{line_of(text, '  notes:')}: unknown key 'notes' in roleplay; expected one of: id, sources, "
        "covers, title, minutes, customer_brief, salesperson_brief, observer_checklist"
    ]


def test_a_card_of_zero_minutes_gives_the_allowed_range(tiny):
    text = edit(tiny, "  minutes: 15\n", "  minutes: 0\n")
    assert problems_of(tiny) == [
        f"{SCRIPT_PATH}:{line_of(text, '  minutes: 0')}: roleplay.minutes is the number 0; "
        "expected the time the role-play takes, debrief included, 1 to 120"
    ]
