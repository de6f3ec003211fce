"""The real playbook_data/: valid, the 75 seed topics, the SMART module complete.

That the topics are exactly those of the source documents' seed map is checked by `make sources`
(tests/upkeep/test_sources.py): the source documents are not part of the repository."""

import re

from playbook.__main__ import main
from playbook.upkeep.coverage import coverage, report
from playbook.core.schema.common import SOURCE_PATTERN, Text

from tests.conftest import ROOT, file_ids


def test_the_real_data_is_valid(capsys):
    # `make check` in this process; its real process is run by tests/core/test_bad_input.py
    code = main(["check", "--root", str(ROOT)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("playbook_data/ is valid")


def test_there_are_75_topics_each_once(book):
    ids = re.findall(r"\{id: ([a-z0-9.-]+),", (ROOT / "playbook_data" / "topics.yml").read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids)) == len(book.topics) == 75


def test_each_module_course_and_path_file_is_named_after_its_id(book):
    # the tests parametrize over file names (file_ids) so that collecting them loads no data
    for kind, folder in (("module", "modules"), ("course", "courses"), ("path", "paths")):
        assert file_ids(folder) == sorted(book.ids(kind)), folder


def test_every_covers_id_is_a_topic(book):
    for located in book.items.values():
        assert set(located.item.covers) <= set(book.topics), located.where


def test_coverage_report_lists_every_topic_and_the_count(book):
    text = report(book)
    assert f"/{len(book.topics)}" in text.splitlines()[-1]
    assert "docs/planning/smart-goals.md" in next(line for line in text.splitlines() if "plan.smart" in line)
    assert sum(1 for places in coverage(book).values() if places) == int(text.split()[-1].split("/")[0])


def test_smart_module_has_what_the_pattern_promises(book):
    criteria = book.get("framework", "smart-criteria")
    assert [e.name.en[0] for e in criteria.entries] == list("SMART")
    assert len(book.get("framework", "smart-rewrites").entries) >= 4
    assert len(book.get("quiz", "smart-goals-quiz").questions) >= 3
    assert book.get("checklist", "smart-goal").items


def test_citation_pattern():
    for good in ("002", "000 §7.1", "004 L4 §2", "003 §3.3-3.4", "practice"):
        assert SOURCE_PATTERN.match(good), good
    for bad in ("2", "005", "000 7.1", "004 L9 §2", "practise", "002 "):
        assert not SOURCE_PATTERN.match(bad), bad


def test_text_needs_both_languages_and_strips_blanks():
    assert Text(zh=" 目标 ", en="Goal")["zh"] == "目标"
    for bad in ({"zh": "目标"}, {"zh": "目标", "en": "  "}, {"zh": "目标", "en": "Goal", "fr": "But"}):
        try:
            Text(**bad)
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad}")
