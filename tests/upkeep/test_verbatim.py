"""The verbatim-reuse checker (`make sources`) on small made-up texts: no source document needed."""

from playbook.upkeep.verbatim import MIN_RUN, Passage, Source, Sources, check, load_allowed, normalise, passages

from tests.conftest import ROOT

SOURCE = "客户投诉处理的第一步是安抚客户的情绪，然后再解决问题。每月回访重点客户一次。"
SOURCES = Sources([Source("002", normalise(SOURCE))])


def problems_for(text, allowed=None, path="playbook_data/x.yml"):
    return check([Passage(path, 7, text)], SOURCES, allowed or {})


def test_normalise_drops_punctuation_spaces_latin_and_repeats_and_makes_simplified():
    assert normalise("處理 投訴， OK！１２") == "处理投诉12"
    assert normalise("保保证各级级经销商") == "保证各级经销商"


def test_fifteen_shared_characters_fail_and_fourteen_pass():
    fifteen = normalise(SOURCE)[:MIN_RUN]
    assert len(problems_for("我们说：" + fifteen + "。")) == 1
    assert problems_for("我们说：" + fifteen[:MIN_RUN - 1] + "。") == []


def test_the_problem_names_file_line_source_and_the_longest_run():
    [problem] = problems_for("培训时讲：客户投诉处理的第一步是安抚客户的情绪，这很重要。")
    assert (problem.path, problem.line) == ("playbook_data/x.yml", 7)
    assert "shares 18 consecutive characters with source 002 (客户投诉处理的第一步是安抚客户的情绪)" in problem.message
    assert "expected at most 14" in problem.message


def test_traditional_characters_punctuation_and_line_breaks_do_not_hide_a_copy():
    assert len(problems_for("客戶投訴處理的第一步，\n是安撫客戶的情緒！")) == 1


def test_own_words_pass():
    assert problems_for("有人来投诉，先让对方把气消了，再谈怎么解决；重点客户每个月打一次回访电话。") == []


def test_a_run_inside_an_allowed_term_list_passes_and_a_longer_one_does_not():
    allowed = {"playbook_data/x.yml": [normalise("投诉处理的第一步是安抚客户的情绪")]}
    assert problems_for("投诉处理的第一步是安抚客户的情绪", allowed) == []
    longer = problems_for("客户投诉处理的第一步是安抚客户的情绪", allowed)
    elsewhere = problems_for("投诉处理的第一步是安抚客户的情绪", allowed, path="docs/other.md")
    assert [p.path for p in longer] == ["playbook/upkeep/verbatim_allow.yml", "playbook_data/x.yml"]
    assert [p.path for p in elsewhere] == ["docs/other.md", "playbook/upkeep/verbatim_allow.yml"]


def test_an_allowed_entry_that_matches_nothing_is_reported():
    [problem] = problems_for("无关的话", {"playbook_data/x.yml": [normalise("安抚客户的情绪然后再解决问题")]})
    assert problem.path == "playbook/upkeep/verbatim_allow.yml" and "match nothing" in problem.message


def test_an_allowed_entry_needs_a_reason(tmp_path):
    allow = tmp_path / "allow.yml"
    allow.write_text("allow:\n  - file: a.yml\n    terms: 甲乙丙\n  - {file: b.yml, terms: 丁, reason: names}\n",
                     encoding="utf-8")
    allowed, problems = load_allowed(allow)
    assert allowed == {"a.yml": ["甲乙丙"], "b.yml": ["丁"]}
    assert [(p.line, p.message) for p in problems] == [
        (2, "this entry has no reason; expected 'reason:' saying why the terms stay")]


def test_every_allowed_entry_of_the_project_has_a_reason():
    _allowed, problems = load_allowed(ROOT / "playbook" / "upkeep" / "verbatim_allow.yml")
    assert problems == []


def test_passages_are_yaml_strings_and_markdown_paragraphs_with_their_lines(tmp_path):
    (tmp_path / "playbook_data").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "playbook_data" / "a.yml").write_text("id: a\ntitle: {zh: 标题, en: Title}\n", encoding="utf-8")
    (tmp_path / "docs" / "p.md").write_text("# 页\n\n第一行\n第二行\n\n尾\n", encoding="utf-8")
    found = [(p.path, p.line, p.text) for p in passages(tmp_path)]
    assert found == [("playbook_data/a.yml", 1, "a"), ("playbook_data/a.yml", 2, "标题"),
                     ("playbook_data/a.yml", 2, "Title"), ("docs/p.md", 1, "# 页"),
                     ("docs/p.md", 3, "第一行\n第二行"), ("docs/p.md", 6, "尾")]
