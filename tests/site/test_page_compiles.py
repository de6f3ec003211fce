"""`mkdocs serve` compiles a page's text as a Jinja template once (playbook/site/macro_cache.py): a later build's
environment with the same settings runs the kept code; one whose markers, filters or autoescape differ
compiles it again, so the page renders as a fresh environment renders it."""

import pytest
from jinja2 import Environment

from playbook.site import macro_cache

PAGE = "# {{ title }}\n\n<< title >> {{ title | shout }} {{ '<b>' }}"


def _fresh(**settings) -> Environment:
    env = Environment(**settings)
    env.filters["shout"] = str.upper
    return env


def _environment(**settings) -> Environment:
    """As mkdocs-macros makes one per build, with the playbook's compile kept by text."""
    env = _fresh(**settings)
    macro_cache.compile_pages_once(env)
    return env


def _compiles(monkeypatch) -> list:
    compiled = []
    original = Environment.compile

    def counted(self, source, *args, **kwargs):
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counted)
    return compiled


def test_a_page_is_compiled_once_and_renders_as_a_fresh_environment_renders_it(monkeypatch):
    compiled = _compiles(monkeypatch)
    text = PAGE + " once"
    first = _environment().from_string(text).render(title="a")
    assert _environment().from_string(text).render(title="b") == _fresh().from_string(text).render(title="b") != first
    assert compiled == [text, text]  # the first environment and the fresh one


@pytest.mark.parametrize("settings", [{"variable_start_string": "<<", "variable_end_string": ">>"},
                                      {"autoescape": True}, {"trim_blocks": True}])
def test_other_settings_compile_again(monkeypatch, settings):
    compiled = _compiles(monkeypatch)
    text = PAGE + f" {sorted(settings)}"
    _environment().from_string(text).render(title="x")
    rendered = _environment(**settings).from_string(text).render(title="<x>")
    assert rendered == _fresh(**settings).from_string(text).render(title="<x>")
    assert len(compiled) == 3  # the first environment, the other settings, and the fresh one


def test_another_filter_set_compiles_again(monkeypatch):
    compiled = _compiles(monkeypatch)
    text = PAGE + " filters"
    _environment().from_string(text).render(title="x")
    other = _environment()
    other.filters["more"] = str.lower
    other.from_string(text).render(title="x")
    assert len(compiled) == 2
