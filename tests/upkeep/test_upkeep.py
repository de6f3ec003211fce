"""Owners, review dates and translation freshness on a mini-project whose dates are past due
(tests/fixtures/upkeep/ laid over tests/fixtures/mini/); every line is asserted word for word."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from playbook.__main__ import main
from playbook.upkeep.freshness import zh_hash
from playbook.core.book import load

from tests.conftest import mkdocs_build
from tests.core.test_bad_input import FIXTURES, mini_project

DUE = [
    "playbook_data/checklists/goal-check.yml:3: {level}: 'goal-check' was to be reviewed by 2025-06-30 "
    "(owner: Training team); expected it reviewed and review_by set to the next date",
    "playbook_data/modules/goals.yml:5: {level}: 'goals' was to be reviewed by 2025-12-01 "
    "(owner: new-salesperson); expected it reviewed and review_by set to the next date",
]
STALE = ("playbook_data/modules/goals.yml:6: {prefix}the Chinese of 'goals' changed since its English was checked "
         "(en_from c00e1c42, now {now}); expected the English checked, then "
         "`python -m playbook translations --refresh goals`")


def past_due(tmp_path: Path) -> Path:
    project = mini_project(tmp_path)
    shutil.copytree(FIXTURES / "upkeep", project, dirs_exist_ok=True)
    return project


def run(capsys, *args) -> tuple[int, list[str]]:
    code = main(list(args))
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("PLAYBOOK_TODAY", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01, as the Makefile would give
    return past_due(tmp_path)


def now(project: Path) -> str:
    return zh_hash(load(project).items["goals"].item, project)


def test_review_lists_what_is_due_oldest_first_as_warnings(project, capsys):
    code, lines = run(capsys, "check", "--review", "--root", str(project))
    assert code == 0
    assert lines == ["playbook_data/ is valid: 4 items, 1 topics",
                     STALE.format(prefix="warning: ", now=now(project)),
                     *[line.format(level="warning") for line in DUE],
                     "2 items due for review on 2026-01-01"]


def test_strict_review_makes_them_errors_and_exits_1(project, capsys):
    code, lines = run(capsys, "check", "--strict-review", "--root", str(project))
    assert code == 1
    assert lines[2:] == [*[line.format(level="error") for line in DUE], "2 items due for review on 2026-01-01"]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_day_can_be_given(project, capsys, monkeypatch, how):
    if how == "option":
        args = ["--today", "2025-07-01"]
    else:
        args = []
        monkeypatch.setenv("PLAYBOOK_TODAY", "2025-07-01")
    code, lines = run(capsys, "check", "--strict-review", "--root", str(project), *args)
    assert code == 1
    assert lines[2:] == [DUE[0].format(level="error"), "1 item due for review on 2025-07-01"]
    code, lines = run(capsys, "check", "--strict-review", "--root", str(project), "--today", "2025-06-29")
    assert (code, lines[-1]) == (0, "0 items due for review on 2025-06-29")


def test_a_plain_check_warns_of_translations_only(project, capsys):
    code, lines = run(capsys, "check", "--root", str(project))
    assert code == 0
    assert lines[1:] == [STALE.format(prefix="warning: ", now=now(project))]


def test_refresh_records_the_chinese_the_english_now_follows(project, capsys):
    current = now(project)
    code, lines = run(capsys, "translations", "--root", str(project))
    assert (code, lines) == (0, [STALE.format(prefix="", now=current), "1 translation to check"])
    code, lines = run(capsys, "translations", "--root", str(project), "--refresh", "goals")
    assert (code, lines) == (0, [f"playbook_data/modules/goals.yml: en_from {current}"])
    assert f'en_from: "{current}"\n' in (project / "playbook_data/modules/goals.yml").read_text(encoding="utf-8")
    assert run(capsys, "translations", "--root", str(project))[1] == ["0 translations to check"]


def test_refresh_writes_a_first_en_from_below_the_review_date(project, capsys):
    file = project / "playbook_data/checklists/goal-check.yml"
    file.write_text(file.read_text(encoding="utf-8").replace('en_from: "94d59819"\n', ""), encoding="utf-8")
    code, lines = run(capsys, "translations", "--root", str(project))
    assert lines == ["playbook_data/checklists/goal-check.yml:1: 'goal-check' has no en_from saying which Chinese "
                     "its English follows; expected the English checked, then "
                     "`python -m playbook translations --refresh goal-check`",
                     STALE.format(prefix="", now=now(project)), "2 translations to check"]
    code, lines = run(capsys, "translations", "--root", str(project), "--refresh", "goal-check", "no-such")
    assert code == 1
    assert lines == ["playbook_data/checklists/goal-check.yml: en_from 94d59819",
                     "unknown id 'no-such'; expected a module, talk track, script, checklist, sheet or course"]
    assert file.read_text(encoding="utf-8").splitlines()[2:4] == ["review_by: 2025-06-30", 'en_from: "94d59819"']


def test_a_changed_chinese_page_makes_a_module_stale(tmp_path):
    project = mini_project(tmp_path)
    assert load(project).items["goals"].item.en_from == now(project)
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    assert load(project).items["goals"].item.en_from != now(project)


def test_the_real_data_names_an_owner_and_date_everywhere():
    book = load(Path(__file__).resolve().parents[2])
    kinds = {"module", "talktrack", "script", "checklist", "sheet", "course"}
    kept = [i for i in book.items if book.kind_of(i) in kinds]
    assert len(kept) >= 85
    assert all(book.items[i].item.review_by.year >= 2026 for i in kept)
    assert all(book.items[i].item.en_from for i in kept)


# The built pages: badges in the page's language, the last change from git history, what's new.
def build(project: Path, tmp_path: Path, name: str) -> Path:
    result = mkdocs_build(project, tmp_path / name)
    assert result.returncode == 0, result.stderr
    return tmp_path / name


def git(project: Path, *args: str, when: str | None = None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


@pytest.fixture
def history(tmp_path) -> Path:
    """The past-due project as a git repository: everything from 2025-06-01, the checklist edited 2025-12-20."""
    project = past_due(tmp_path)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "first", when="2025-06-01T10:00:00+00:00")
    checklist = project / "playbook_data/checklists/goal-check.yml"
    checklist.write_text("# edited\n" + checklist.read_text(encoding="utf-8"), encoding="utf-8")
    git(project, "commit", "-qam", "edit", when="2025-12-20T10:00:00+00:00")
    return project


def text_of(site: Path, page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", (site / page).read_text(encoding="utf-8")).split())


def table_rows(site: Path, page: str) -> list[str]:
    html = (site / page).read_text(encoding="utf-8")
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in re.findall(r"<tr><td>.*?</tr>", html)]


@pytest.mark.build
def test_past_due_pages_show_badges_in_their_language(history, tmp_path):
    site = build(history, tmp_path, "site")  # SOURCE_DATE_EPOCH: 2026-01-01
    zh, en = (site / "index.html").read_text(encoding="utf-8"), (site / "en/index.html").read_text(encoding="utf-8")
    assert zh.count('<span class="pb-badge pb-badge--review">已到复核期限</span>') == 2  # the module and the checklist
    assert "pb-badge--translation" not in zh
    assert en.count('<span class="pb-badge pb-badge--review">Due for review</span>') == 2
    # The module's Chinese changed after its English was checked; the checklist's did not
    assert en.count('<span class="pb-badge pb-badge--translation">Translation may be out of date</span>') == 1
    assert "Owner Training team" not in text_of(site, "en/index.html")  # the checklist shows no owner line
    assert "Owner New salesperson Review by 2025-12-01" in text_of(site, "en/index.html")
    assert "负责人 新销售人员 复核期限 2025-12-01" in text_of(site, "index.html")


@pytest.mark.build
def test_pages_date_from_their_history_and_whats_new_lists_the_last_90_days(history, tmp_path):
    site = build(history, tmp_path, "site")
    # The home page renders the checklist, whose file changed last
    assert "最后更新 2025-12-20" in text_of(site, "index.html")
    assert "Last updated 2025-12-20" in text_of(site, "en/index.html")
    assert "What changed in the 90 days up to 2026-01-01, newest first." in text_of(site, "en/whats-new.html")
    # The module changed on 2025-06-01 only: too long ago
    assert table_rows(site, "en/whats-new.html") == ["2025-12-20 Checklist Goal check"]
    assert table_rows(site, "whats-new.html") == ["2025-12-20 清单 目标自查"]
    assert '<a href="index.html">目标自查</a>' in (site / "whats-new.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_no_history_means_no_dates_and_an_empty_list(tmp_path):
    site = build(past_due(tmp_path), tmp_path, "site")  # a folder outside any git repository
    assert "md-source-file" not in (site / "index.html").read_text(encoding="utf-8")
    assert "Nothing changed in these 90 days." in text_of(site, "en/whats-new.html")


@pytest.mark.build
def test_a_shallow_clone_gives_no_date_it_cannot_know(history, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history}", str(clone))
    shutil.copy(history / "playbook_data/strings.yml", clone / "playbook_data/strings.yml")
    site = build(clone, tmp_path, "site-shallow")
    assert "md-source-file" not in (site / "index.html").read_text(encoding="utf-8")
    assert "这 90 天里没有内容改动。" in text_of(site, "whats-new.html")


def test_the_real_site_has_the_recent_changes_page_in_both_languages_and_in_the_nav(site):
    # The test build's day is SOURCE_DATE_EPOCH's (2026-01-01); the repository's history may be shallow, so no rows
    assert "截至 2026-01-01 的 90 天里改动过的内容，最新的排在前面。" in text_of(site, "whats-new.html")
    assert "What changed in the 90 days up to 2026-01-01, newest first." in text_of(site, "en/whats-new.html")
    assert 'href="whats-new.html"' in (site / "glossary.html").read_text(encoding="utf-8")
    assert 'href="whats-new.html"' in (site / "en/glossary.html").read_text(encoding="utf-8")
    # Every module page names its owner and review date in its overview
    assert "Owner Sales supervisor Review by " in text_of(site, "en/planning/smart-goals.html")
