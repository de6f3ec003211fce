"""The playbook plugin as MkDocs finds it: by its entry point, with its options and its events' order."""

from importlib.metadata import entry_points
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import Files

from calculators.registry import CALCULATORS, folder

from playbook.core.caching import caching
from playbook.plugin import PlaybookPlugin


def test_mkdocs_finds_the_plugin_by_its_entry_point():
    found = [e for e in entry_points(group="mkdocs.plugins") if e.name == "playbook"]
    assert [e.load() for e in found] == [PlaybookPlugin]


def test_the_cache_option_switches_the_rebuild_caches():
    plugin = PlaybookPlugin()
    assert plugin.load_config({"cache": False}) == ([], [])
    try:
        plugin._set_cache(None)
        assert not caching()
    finally:
        plugin.load_config({})
        plugin._set_cache(None)
    assert caching()


def test_an_option_of_the_wrong_type_is_reported():
    errors, _ = PlaybookPlugin().load_config({"cache": "sometimes"})
    assert [name for name, _ in errors] == ["cache"]


def test_post_build_steps_run_workbooks_then_search_then_the_app_worker_then_stale_files():
    plugins = PluginCollection()
    plugins["playbook"] = PlaybookPlugin()
    steps = [(m.__name__, m.mkdocs_priority) for m in plugins.events["post_build"]]
    assert steps == [("_workbooks", -150), ("_search_indexes", -200), ("_installable", -300),
                     ("_stale_files", -1000)]
    assert [m.__name__ for m in plugins.events["page_content"]] == ["_cached_content", "_line_breaks"]
    assert [m.__name__ for m in plugins.events["config"]] == ["_set_cache", "_theme_files", "_on_config"]


def test_without_course_pages_the_plugin_leaves_nav_and_files_as_they_are(tmp_path):
    # Where the course pages were written into docs/ beforehand (python -m playbook.courses.pages docs)
    plugin = PlaybookPlugin()
    assert plugin.load_config({"course_pages": False}) == ([], [])
    nav, files = object(), Files([])
    assert plugin.on_nav(nav, config=None, files=files) is nav
    config = MkDocsConfig()
    (tmp_path / "docs").mkdir()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    assert config.validate() == ([], [])
    config.plugins._current_plugin = "playbook"  # as MkDocs sets it while the plugin's event runs
    assert plugin.on_files(files, config=config) is files
    # only each calculator's formula, from its folder, and the file worker as one text (from file://)
    formulas, inline = list(files)[:-1], list(files)[-1]
    assert [(f.dest_uri, Path(f.abs_src_path)) for f in formulas] == [
        (f"assets/javascripts/calculators/{name}.js", folder(name) / "formula.js") for name in CALCULATORS]
    assert inline.dest_uri == "assets/javascripts/calculators/worker-inline.js"
    assert inline.content_string.startswith("self.PlaybookCalcWorker = ")
