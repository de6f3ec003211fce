"""Jinja templates for data blocks; autoescape is on, so no text from data becomes HTML. A render notes the
template files it used (playbook/core/reads.py): `mkdocs serve` renders again only the pages that use an
edited template."""

import functools

from jinja2 import Environment, FileSystemLoader, StrictUndefined, meta, pass_context

from playbook import features
from playbook.core import reads

_templates: dict = {}  # template name → (its text, its file, whether that is unchanged, the names it includes)


@pass_context
def _translate(context, text) -> str:
    """`{{ item.title | t }}`: the text in the page's language."""
    return "" if text is None else text[context["lang"]]


@pass_context
def _ui(context, key: str) -> str:
    """`{{ ui('objectives') }}`: a UI string from playbook_data/strings.yml."""
    strings = context["book"].strings
    if key not in strings:
        raise KeyError(f"unknown UI string '{key}'; expected an entry in playbook_data/strings.yml")
    return strings[key][context["lang"]]


@pass_context
def _cite(context, source: str) -> str:
    """`{{ source | cite }}`: a citation as a reader of the page's language reads it ('practice' → 实践经验)."""
    return _ui(context, "practice") if source == "practice" else source


@pass_context
def _sources(context, sources) -> str:
    """`{{ item.sources | sources }}`: an item's citations in the page's language, joined by '; '."""
    return "; ".join(_cite(context, source) for source in sources)


@functools.cache
def _environment() -> Environment:
    """Made on first use, once every feature is imported: its templates, filters and globals join here."""
    env = Environment(
        loader=FileSystemLoader(features.template_dirs()),  # each feature's templates/
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(t=_translate, cite=_cite, sources=_sources)
    env.globals["ui"] = _ui
    for part in features.parts("macros"):  # a feature's own: TEMPLATE_FILTERS, TEMPLATE_GLOBALS
        env.filters.update(getattr(part, "TEMPLATE_FILTERS", {}))
        env.globals.update(getattr(part, "TEMPLATE_GLOBALS", {}))
    return env


def render(template: str, **context) -> str:
    """Render a template into one HTML block with no blank line, so Markdown keeps it whole."""
    env = _environment()
    _note_files(env, template, set())
    html = env.get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())


def _note_files(env: Environment, name: str, noted: set):
    """Note the file of template `name` and of every template it includes, with their text."""
    if name in noted:
        return
    noted.add(name)
    known = _templates.get(name)
    if known is None or not known[2]():
        text, path, unchanged = env.loader.get_source(env, name)
        known = _templates[name] = (text, path, unchanged, list(meta.find_referenced_templates(env.parse(text))))
    reads.file(known[1], known[0])
    for included in known[3]:
        for other in [included] if included else env.list_templates():  # a name only known when rendering: all
            _note_files(env, other, noted)
