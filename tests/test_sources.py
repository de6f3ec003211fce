"""`python -m macros sources`: the checks against the source documents, run on the mini-project with a seed
map made here (the real ../shared/ is not in the repository; `make sources` runs the command on it)."""

import subprocess
import sys

from .test_bad_input import mini_project

SEED_MAP_HEAD = "# Seed map\n\n## 3. Goals\n"


def run_sources(project, shared):
    return subprocess.run([sys.executable, "-m", "macros", "sources", "--root", str(project), "--shared", str(shared)],
                          capture_output=True, text=True)


def test_topics_that_match_the_seed_map_pass(tmp_path):
    (tmp_path / "SEED_MAP.md").write_text(SEED_MAP_HEAD + "- `plan.smart` SMART goals — 002\n", encoding="utf-8")
    result = run_sources(mini_project(tmp_path), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["ok   topics match the seed map"]


def test_a_topic_missing_or_extra_fails_naming_both(tmp_path):
    seed_map = SEED_MAP_HEAD + "- `plan.forecast` Forecasts — 002\n"
    (tmp_path / "SEED_MAP.md").write_text(seed_map, encoding="utf-8")
    result = run_sources(mini_project(tmp_path), tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "FAIL topics match the seed map",
        "  playbook_data/topics.yml:1: seed map topic 'plan.forecast' (SEED_MAP.md line 4) is missing; "
        "expected every topic of the seed map",
        "  playbook_data/topics.yml:8: topic 'plan.smart' is not in SEED_MAP.md; "
        "expected only the seed map's topic ids",
    ]


def test_without_the_source_documents_it_says_where_it_looked(tmp_path):
    result = run_sources(mini_project(tmp_path), tmp_path / "nowhere")
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{tmp_path / 'nowhere'}/SEED_MAP.md not found; "
                                     "expected --shared to name the folder of the source documents")
