"""`python -m playbook sources`: the checks against the source documents, run on the mini-project with a seed
map made here (the real source documents are not in the repository; `make sources` runs the command on them)."""

import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

from playbook.__main__ import main

from tests.core.test_bad_input import mini_project

SEED_MAP_HEAD = "# Seed map\n\n## 3. Goals\n"
SEED = "目标要具体，要可以衡量，要能够达到，要与工作相关，还要有明确的完成期限。"
VERBATIM = "no passage repeats 15 or more characters of a source"


def shared_folder(tmp_path, seed_map):
    (tmp_path / "SEED_MAP.md").write_text(SEED_MAP_HEAD + seed_map, encoding="utf-8")
    (tmp_path / "seeds-clean").mkdir()
    (tmp_path / "seeds-clean" / "002_x.txt").write_text(SEED, encoding="utf-8")
    return tmp_path


def run_sources(project, shared, real_process=False) -> subprocess.CompletedProcess:
    """`python -m playbook sources`: its real process, or its main() in this process (faster, the same code)."""
    argv = ["sources", "--root", str(project), "--shared", str(shared)]
    if real_process:
        return subprocess.run([sys.executable, "-m", "playbook", *argv], capture_output=True, text=True)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def test_topics_that_match_the_seed_map_pass(tmp_path):
    shared = shared_folder(tmp_path, "- `plan.smart` SMART goals — 002\n")
    result = run_sources(mini_project(tmp_path), shared, real_process=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["ok   topics match the seed map", f"ok   {VERBATIM}"]


def test_a_topic_missing_or_extra_fails_naming_both(tmp_path):
    shared = shared_folder(tmp_path, "- `plan.forecast` Forecasts — 002\n")
    result = run_sources(mini_project(tmp_path), shared)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "FAIL topics match the seed map",
        "  playbook_data/topics.yml:1: seed map topic 'plan.forecast' (SEED_MAP.md line 4) is missing; "
        "expected every topic of the seed map",
        "  playbook_data/topics.yml:8: topic 'plan.smart' is not in SEED_MAP.md; "
        "expected only the seed map's topic ids",
        f"ok   {VERBATIM}",
    ]


def test_a_page_copying_a_source_fails_at_its_line(tmp_path):
    shared = shared_folder(tmp_path, "- `plan.smart` SMART goals — 002\n")
    project = mini_project(tmp_path)
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n资料说：" + SEED + "\n", encoding="utf-8")
    lines = page.read_text(encoding="utf-8").count("\n")
    result = run_sources(project, shared)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1:] == [
        f"FAIL {VERBATIM}",
        f"  docs/index.md:{lines}: shares 31 consecutive characters with source 002 "
        "(目标要具体要可以衡量要能够达到要与工作相关还要有明确的完成期限); expected at most 14: say it in your own words"]


def test_without_the_cleaned_seeds_the_verbatim_check_says_where_it_looked(tmp_path):
    shared = shared_folder(tmp_path, "- `plan.smart` SMART goals — 002\n")
    (shared / "seeds-clean" / "002_x.txt").unlink()
    result = run_sources(mini_project(tmp_path), shared)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1:] == [
        f"FAIL {VERBATIM}", f"  seeds-clean:1: no source document (*.txt) in {shared / 'seeds-clean'}; "
        "expected the cleaned seeds"]


def test_without_the_source_documents_it_says_where_it_looked(tmp_path):
    result = run_sources(mini_project(tmp_path), tmp_path / "nowhere")
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{tmp_path / 'nowhere'}/SEED_MAP.md not found; "
                                     "expected --shared to name the folder of the source documents")
