"""A rebuild of `mkdocs serve`, with everything its caches keep between rebuilds (playbook/site/page_cache.py,
macro_cache.py, theme_files.py), writes the same site, byte for byte, as a fresh build with the caches off,
after each kind of edit an author makes. The rebuilds run in one child process on a throw-away copy of the
project, as `mkdocs serve` runs them; the fresh builds in their own processes."""

import filecmp
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import copy_project
from tests.live_serve import SOURCE_DATE_EPOCH, replace_in

pytestmark = pytest.mark.build  # builds the site seventeen times

# The child: builds once, then again on each line read, as `mkdocs serve` does after a save
REBUILDS = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(site_dir=sys.argv[1], strict=True)
config.plugins.on_startup(command="serve", dirty=False)
while True:
    build(config)
    print("built", flush=True)
    if not sys.stdin.readline():
        break
    config = load_config(site_dir=sys.argv[1], strict=True)
"""

EDITS = {  # file → (old, new): one of each kind
    "checklist": ("playbook_data/checklists/first-meeting.yml", "对方说话的时间多于我", "客户开口的时间比我长"),
    # a tab in a macro's HTML block: Markdown expands it, so the page converts again (playbook/core/raw_html.py)
    "tab in a checklist": ("playbook_data/checklists/first-meeting.yml", "The customer talked",
                           "The customer\\ttalked"),
    "UI string": ("playbook_data/strings.yml", "Lesson overview", "This lesson at a glance"),
    "data template": ("playbook/printables/templates/checklist.html",
                      '<form class="pb-checklist"', '<form data-pb-edit="template" class="pb-checklist"'),
    "page title": ("docs/planning/smart-goals.en.md", "# SMART goals\n", "# Writing SMART goals\n"),
    "course": ("playbook_data/courses/complaint-workshop.yml", "投诉处理工作坊", "投诉应对实战营"),
    # the site folder is kept between rebuilds (playbook/site/site_writes.py): a file added, then gone
    "file added": ("docs/assets/pb-added.txt", None, "added while serving"),
    "file removed": ("docs/assets/pb-added.txt", "added while serving", None),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = tmp_path_factory.mktemp("rebuild-project")
    copy_project(project)
    return project


def _env(**extra) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **extra}


def _differences(left, right) -> list[str]:
    compared = filecmp.dircmp(left, right)
    found = [f"{left}/{name}" for name in compared.left_only + compared.right_only + compared.diff_files]
    found += [f"{left}/{name}" for name in filecmp.cmpfiles(left, right, compared.same_files, shallow=False)[1]]
    for name in compared.common_dirs:
        found += _differences(left / name, right / name)
    return found


def test_each_cached_rebuild_equals_a_fresh_build(project):
    served, fresh = project / "served", project / "fresh"
    child = subprocess.Popen([sys.executable, "-c", REBUILDS, str(served)], cwd=project, env=_env(),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert child.stdout.readline() == "built\n", "the first build failed"
        for kind, (file, old, new) in EDITS.items():
            if old is None or new is None:
                (project / file).write_text(new, encoding="utf-8") if new else (project / file).unlink()
            else:
                replace_in(project / file, old, new)
            child.stdin.write("rebuild\n")
            child.stdin.flush()
            assert child.stdout.readline() == "built\n", f"the rebuild after the {kind} edit failed"
            shutil.rmtree(fresh, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(fresh)], cwd=project,
                           env=_env(PLAYBOOK_CACHE="off"), check=True)
            assert not _differences(served, fresh), f"after the {kind} edit: {_differences(served, fresh)[:10]}"
    finally:
        child.stdin.close()
        child.wait(timeout=120)
