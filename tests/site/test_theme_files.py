"""The theme's installed folders are listed once per process, the project's own (`custom_dir`) on every build
(playbook/site/theme_files.py), wherever the installed theme lies: `make serve` installs it inside the project."""

from playbook.site import theme_files


def test_the_installed_listing_is_kept_the_projects_is_not(tmp_path):
    own, installed = tmp_path / "overrides", tmp_path / ".venv/material/templates"
    for folder in (own, installed):
        folder.mkdir(parents=True)
        (folder / "a.html").write_text("a")
    loader = theme_files._Listed([str(own), str(installed)], own.resolve())
    assert loader.list_templates() == ["a.html"]
    (own / "b.html").write_text("b")
    (installed / "c.html").write_text("c")
    assert loader.list_templates() == ["a.html", "b.html"]
