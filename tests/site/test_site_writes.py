"""A site folder kept between the builds of `mkdocs serve` (playbook/site/site_writes.py) holds what a build into
an empty folder does, after each kind of change, while the files whose bytes did not change are not written
again: shown on a two-page MkDocs site, built in this process as `mkdocs serve` builds it."""

import filecmp
import shutil

import pytest
from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config import load_config

from playbook.site import site_writes


@pytest.fixture
def serving(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the sitemap's date, else each build's own
    site_writes.on_startup("serve")
    yield
    site_writes.on_startup("build")


def _build(project, site):
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    site_writes.on_pre_build()  # as the playbook's plugin does, around MkDocs' build
    build(config)
    site_writes.on_post_build()


def _project(project, nav=""):
    """A two-page MkDocs project with a one-template theme: the theme's own files would be most of each build."""
    (project / "docs").mkdir(parents=True)
    (project / "theme").mkdir()
    (project / "theme/main.html").write_text("{{ page.content }}")
    (project / "mkdocs.yml").write_text("site_name: t\ntheme: {name: null, custom_dir: theme}\nplugins: []\n"
                                        f"use_directory_urls: false\n{nav}")


def _same(left, right) -> bool:
    compared = filecmp.dircmp(left, right, ignore=[".hidden"])  # MkDocs leaves hidden files in the folder
    if compared.left_only or compared.right_only or \
            filecmp.cmpfiles(left, right, compared.common_files, shallow=False)[1:] != ([], []):
        return False
    return all(_same(left / name, right / name) for name in compared.common_dirs)


def _written(site) -> dict:
    return {path.relative_to(site).as_posix(): (path.stat().st_mtime_ns, path.stat().st_ino)
            for path in site.rglob("*") if path.is_file()}


def test_mkdocs_writes_through_the_wrapped_functions():
    assert (utils.clean_directory, utils.write_file, utils.copy_file) == \
        (site_writes.clean_directory, site_writes.write_file, site_writes.copy_file)


def test_a_kept_folder_holds_what_a_fresh_build_does(tmp_path, serving):
    project, kept = tmp_path / "project", tmp_path / "kept"
    _project(project, nav="nav: [a.md, b.md]\n")
    (project / "docs/media").mkdir()
    for name, text in (("a.md", "# A\n\nfirst\n"), ("b.md", "# B\n\nsecond\n"), ("media/note.txt", "note")):
        (project / "docs" / name).write_text(text)
    (kept / ".hidden").parent.mkdir()
    (kept / ".hidden").write_text("MkDocs spares it")

    def edit_and_compare(edit):
        edit()
        before = _written(kept)
        _build(project, kept)
        fresh = tmp_path / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        site_writes.on_startup("build")  # a build as `mkdocs build` makes it, into an empty folder
        _build(project, fresh)
        site_writes.on_startup("serve")
        assert _same(kept, fresh) and (kept / ".hidden").exists()
        return {path for path, stat in _written(kept).items() if before.get(path) != stat}

    assert "a.html" in edit_and_compare(lambda: None)  # the first build writes everything
    always = {"sitemap.xml.gz"}  # MkDocs writes the gzipped sitemap itself, not through `write_file`
    assert edit_and_compare(lambda: None) == always  # nothing changed: nothing else written
    written = edit_and_compare(lambda: (project / "docs/a.md").write_text("# A\n\nchanged\n"))
    assert "a.html" in written and "b.html" not in written and "media/note.txt" not in written
    # a page left unwritten, changed later
    assert "b.html" in edit_and_compare(lambda: (project / "docs/b.md").write_text("# B\n\nnew\n"))
    # a file gone from docs/ goes from the site, with its folder; one added comes
    edit_and_compare(lambda: (project / "docs/media/note.txt").unlink())
    assert not (kept / "media").exists()
    assert edit_and_compare(lambda: (project / "docs/added.txt").write_text("added")) == {"added.txt"} | always
    # a file written over by someone else is written anew, though the page's bytes are as before
    (kept / "b.html").write_text("stale")
    assert edit_and_compare(lambda: None) == {"b.html"} | always


def test_a_failed_build_leaves_the_next_one_complete(tmp_path, serving):
    project, kept = tmp_path / "project", tmp_path / "kept"
    _project(project)
    (project / "docs/a.md").write_text("# A\n")
    _build(project, kept)
    site_writes.on_pre_build()
    site_writes.on_build_error()  # a build that stopped before its on_post_build
    (project / "docs/a.md").unlink()
    (project / "docs/b.md").write_text("# B\n")
    _build(project, kept)
    assert not (kept / "a.html").exists() and (kept / "b.html").exists()
