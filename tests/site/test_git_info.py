"""mkdocs-macros' `git` variable, kept by playbook/site/git_info.py while the repository is unchanged, is what
mkdocs-macros itself reads: in a folder without a repository, after a commit, a new tag and a new branch."""

import subprocess

import pytest
from mkdocs_macros import context

from playbook.core import caching
from playbook.site import git_info

FIELDS = ("short_commit", "commit", "tag", "short_tag", "author", "message", "date")


def _git(repo, *args):
    subprocess.run(["git", "-c", "user.name=Ann", "-c", "user.email=ann@example.com", *args], cwd=repo,
                   check=True, capture_output=True)


def _fresh_and_kept(monkeypatch, folder) -> tuple[dict, dict]:
    monkeypatch.chdir(folder)
    fresh = git_info._read_git()
    return {name: fresh.get(name) for name in FIELDS}, {name: context.get_git_info().get(name) for name in FIELDS}


def test_macros_call_the_kept_git_info():
    assert context.get_git_info is git_info.git_info  # define_env looks the function up in its module


@pytest.mark.parametrize("step", ["commit", "tag", "branch"])
def test_kept_answer_follows_the_repository(tmp_path, monkeypatch, step):
    repo = tmp_path / "repo"
    repo.mkdir()
    fresh, kept = _fresh_and_kept(monkeypatch, repo)
    assert kept == fresh and not kept["commit"]  # no repository yet
    _git(repo, "init", "-q", "-b", "main")
    (repo / "a.md").write_text("one", encoding="utf-8")
    _git(repo, "add", "a.md")
    _git(repo, "commit", "-q", "-m", "first")
    fresh, kept = _fresh_and_kept(monkeypatch, repo)
    assert kept == fresh and kept["message"] == "first"
    if step == "commit":
        (repo / "a.md").write_text("two", encoding="utf-8")
        _git(repo, "commit", "-q", "-am", "second")
    elif step == "tag":
        _git(repo, "tag", "v1.0")
    else:
        _git(repo, "checkout", "-q", "-b", "other")
        _git(repo, "commit", "-q", "--allow-empty", "-m", "on other")
    fresh, kept = _fresh_and_kept(monkeypatch, repo)
    assert kept == fresh
    assert kept["message"] != "first" if step != "tag" else kept["short_tag"] == "v1.0"


def test_a_page_changing_the_answer_changes_no_later_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    context.get_git_info()["commit"] = "changed"
    assert context.get_git_info()["commit"] != "changed"


def test_not_kept_with_the_caches_off(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    calls = []
    monkeypatch.setattr(git_info, "_read_git", lambda: calls.append(1) or {})
    caching.switch(False)
    try:
        context.get_git_info()
        context.get_git_info()
    finally:
        caching.switch(True)
    assert len(calls) == 2
