"""What a page's macros read (playbook/core/reads.py): `mkdocs serve` reuses a page only while everything it
read is unchanged. Each test records reads on a copy of the real playbook, then changes one thing."""

import copy
from dataclasses import replace
from pathlib import Path

import pytest

from playbook.core import reads
from playbook.core.book import Playbook


@pytest.fixture
def twin(book) -> Playbook:
    """A playbook holding the real one's models, whose mappings a test may change."""
    twin = Playbook(book.root)
    for name in ("items", "files", "topics", "areas", "roles", "stages", "strings", "seeds"):
        dict.update(getattr(twin, name), dict.items(getattr(book, name)))
    return twin


def _record(twin: Playbook, read) -> reads.Reads:
    recorded = reads.begin()
    read(twin)
    reads.end(recorded)
    return recorded


def test_an_item_looked_up_is_kept_until_its_file_changes(twin):
    recorded = _record(twin, lambda b: b.get("checklist", "first-meeting"))
    assert recorded.unchanged(twin)
    other = twin.items["pre-visit"]  # another item changing leaves the page as it was
    dict.__setitem__(twin.items, "pre-visit", replace(other, item=copy.copy(other.item)))
    assert recorded.unchanged(twin)
    located = twin.items["first-meeting"]  # a file read again makes a new model, even of the same text
    dict.__setitem__(twin.items, "first-meeting", replace(located, item=copy.copy(located.item)))
    assert not recorded.unchanged(twin)


def test_a_list_of_one_kind_changes_with_any_item_of_that_kind(twin):
    recorded = _record(twin, lambda b: b.of_kind("checklist"))
    module = next(i for i in dict.keys(twin.items) if twin.kind_of(i) == "module")
    dict.__setitem__(twin.items, module, replace(twin.items[module], item=copy.copy(twin.items[module].item)))
    assert recorded.unchanged(twin)
    dict.__delitem__(twin.items, "first-meeting")
    assert not recorded.unchanged(twin)


def test_strings_are_compared_by_value(twin):
    recorded = _record(twin, lambda b: b.strings["last-updated"]["zh"])
    dict.__setitem__(twin.strings, "last-updated", copy.deepcopy(twin.strings["last-updated"]))
    assert recorded.unchanged(twin), "strings.yml read again with the same text: the page stays"
    changed = twin.strings["last-updated"].model_copy(update={"zh": "最近修改"})
    dict.__setitem__(twin.strings, "last-updated", changed)
    assert not recorded.unchanged(twin)


def test_a_file_read_from_disk_is_compared_by_its_text(twin, tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# 标题\n", encoding="utf-8")
    recorded = _record(twin, lambda b: reads.file(page, page.read_text(encoding="utf-8")))
    assert recorded.unchanged(twin)
    page.write_text("# 新标题\n", encoding="utf-8")
    assert not recorded.unchanged(twin)


def test_a_volatile_page_is_never_reused(twin):
    assert not _record(twin, lambda b: reads.volatile()).unchanged(twin)


def test_a_block_reused_within_a_page_brings_its_reads(twin):
    with reads.recording() as first:
        twin.get("checklist", "first-meeting")
    recorded = _record(twin, lambda b: reads.replay(first))
    dict.__setitem__(twin.items, "first-meeting",
                     replace(twin.items["first-meeting"], item=copy.copy(twin.items["first-meeting"].item)))
    assert not recorded.unchanged(twin)


def test_a_calculators_settings_are_noted_by_file(twin):
    from calculators import data
    from playbook.core.loading import calculator_models

    data.use_loaded(calculator_models(twin))
    try:
        recorded = _record(twin, lambda b: data.settings("clv"))
        dict.__setitem__(twin.files, "calculators/abc.yml", copy.copy(twin.files["calculators/abc.yml"]))
        assert recorded.unchanged(twin), "another calculator's settings changing leaves the page as it was"
        dict.__setitem__(twin.files, "calculators/clv.yml", copy.copy(twin.files["calculators/clv.yml"]))
        assert not recorded.unchanged(twin)
    finally:
        data.use_loaded({})


def test_a_data_template_is_read_with_the_templates_it_includes(twin, monkeypatch):
    from playbook.core import render

    env = render._environment()
    recorded = _record(twin, lambda b: render._note_files(env, "checklist.html", set()))
    read = {Path(path).name for path in recorded.files}
    assert {"checklist.html", "upkeep_badges.html", "tools.html", "printed_foot.html"} <= read
    assert "booklet.html" not in read
    assert recorded.unchanged(twin)
    included = next(path for path in recorded.files if path.endswith("upkeep_badges.html"))
    digest_of = reads._digest_of
    monkeypatch.setattr(reads, "_digest_of", lambda path: "edited" if str(path) == included else digest_of(path))
    assert not recorded.unchanged(twin), "an edit of an included template renders the page again"


def _reloaded(twin: Playbook, strings: dict) -> Playbook:
    """The playbook loaded again with `strings` ({key: text, or None to drop it}): a new object, as a load makes."""
    again = Playbook(twin.root)
    for name in ("items", "files", "topics", "areas", "roles", "stages", "strings", "seeds"):
        dict.update(getattr(again, name), dict.items(getattr(twin, name)))
    for key, text in strings.items():
        dict.pop(again.strings, key) if text is None else dict.__setitem__(again.strings, key, text)
    return again


def test_strings_listed_by_prefix_change_only_with_those_strings(twin):
    recorded = _record(twin, lambda b: b.strings.starting_with("calc-"))
    calc = next(key for key in dict.keys(twin.strings) if key.startswith("calc-"))
    assert recorded.unchanged(twin)
    other = twin.strings["last-updated"].model_copy(update={"zh": "最近修改"})
    assert recorded.unchanged(_reloaded(twin, {"last-updated": other})), "another string: the page stays"
    changed = twin.strings[calc].model_copy(update={"en": "Changed"})
    assert not recorded.unchanged(_reloaded(twin, {calc: changed}))
    assert not recorded.unchanged(_reloaded(twin, {"calc-new": other}))  # a string added with the prefix
    assert not recorded.unchanged(_reloaded(twin, {calc: None}))  # one removed
