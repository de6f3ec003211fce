"""The nav and the tags in the built site: every page in the nav (a page left out fails the build), the
tags page listing every tag with its pages by role, stage and area, tag chips linking to it, tags escaped."""

import re
import shutil

import pytest

from tests.conftest import ROOT, mkdocs_build
from tests.core.test_bad_input import mini_project

NOT_IN_NAV = 'exist in the docs directory, but are not included in the "nav" configuration'


def test_the_build_prints_no_page_outside_the_nav(book, site_build):
    assert NOT_IN_NAV not in site_build.stdout + site_build.stderr
    # the course views are in the nav: each page has the sidebar with itself as the current page
    for course in book.of_kind("course"):
        for view in ("", "-instructor", "-handouts", "-quiz", "-present", "-signin"):
            html = (site_build.site / "en" / "courses" / f"{course.id}{view}.html").read_text(encoding="utf-8")
            assert 'class="md-nav__link md-nav__link--active"' in html, (course.id, view)
            assert re.search(r'md-tabs__item--active">\s*<a[^>]*>\s*Courses', html), (course.id, view)


@pytest.mark.build
def test_a_page_left_out_of_the_nav_fails_the_build(project_copy, tmp_path):
    for name in ("orphan.md", "orphan.en.md"):
        (project_copy / "docs" / name).write_text("# Orphan\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert NOT_IN_NAV in result.stderr and "  - orphan.md" in result.stderr


def listing(html: str) -> dict[str, list[str]]:
    """Tag name → the page links under it, from material's listing on the tags page."""
    found = {}
    for block in re.split(r'<h3 id="tag:', html)[1:]:
        name = re.search(r'<span class="md-tag">([^<]*)</span>', block).group(1)
        found[name] = re.findall(r'<li>\s*<a href="([^"]+)"', block.split("</ul>")[0])
    return found


def test_the_tags_page_lists_every_tag_with_its_pages_by_role_stage_and_area(book, site):
    for lang, prefix in (("zh", ""), ("en", "en/")):
        html = (site / prefix / "tags.html").read_text(encoding="utf-8")
        sections = [book.strings[key][lang] for key in ("tags-by-role", "tags-by-stage", "tags-by-area")]
        positions = [html.index(f">{title}<") for title in sections]
        assert positions == sorted(positions)
        listed = listing(html)
        for module in book.of_kind("module"):
            tags = module.tags
            page = module.page.removesuffix(".md") + ".html"
            for label in (book.areas[tags.area].title, book.stages[tags.stage].title,
                          *(book.roles[role].title for role in tags.roles)):
                assert page in listed[label[lang]], (lang, label[lang], page)
        roles = {role.title[lang] for role in book.roles.values()}
        role_part = html[positions[0]:positions[1]]
        assert {name for name in listed if f"{name}</span>" in role_part} <= roles


def test_tag_chips_link_to_the_tags_page(book, site):
    html = (site / "en" / "planning" / "smart-goals.html").read_text(encoding="utf-8")
    chips = re.findall(r'<a href="([^"]+)" class="md-tag">([^<]+)</a>', html)
    assert ("../tags.html#tag:new-salesperson", "New salesperson") in chips
    assert len(chips) == 2 + len(book.get("module", "smart-goals").tags.roles)


@pytest.mark.build
def test_tag_text_from_data_never_becomes_markup(tmp_path):
    project = mini_project(tmp_path)
    roles = project / "playbook_data" / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace(
        "title: {zh: 新销售人员,", "title: {zh: \"<b>新人</b> & 老手\",", 1), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - macros:", "  - tags\n  - macros:"),
                      encoding="utf-8")
    nav = "nav:\n  - index.md\n  - tags.md\n"
    config.write_text(config.read_text(encoding="utf-8") + nav, encoding="utf-8")
    for name in ("tags.md", "tags.en.md"):
        shutil.copy(ROOT / "docs" / name, project / "docs" / name)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "tags.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "<b>新人</b>" not in html
        # markup characters are dropped from tags: material's table of contents writes headings back unescaped
        assert "b新人/b  老手" in html, page
