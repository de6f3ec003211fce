"""Jinja templates for data blocks; autoescape is on, so no text from data becomes HTML."""

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context

from playbook import features
from playbook.printables.printing import breakable
from playbook.scripts.rubric import rubric_widget
from playbook.upkeep.recent import status



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
def _rubric(context, card) -> dict:
    """`{% set rubric = rubric(card) %}`: a role-play card's observer rubric widget (playbook/scripts/rubric.py)."""
    return rubric_widget(context["book"], card, context["lang"])


@pass_context
def _upkeep(context, item) -> dict:
    """`{% set kept = upkeep(item) %}`: owner, review date, due, stale English (playbook/upkeep/recent.py)."""
    return status(context["book"], item, context["lang"])


@pass_context
def _cite(context, source: str) -> str:
    """`{{ source | cite }}`: a citation as a reader of the page's language reads it ('practice' → 实践经验)."""
    return _ui(context, "practice") if source == "practice" else source


@pass_context
def _sources(context, sources) -> str:
    """`{{ item.sources | sources }}`: an item's citations in the page's language, joined by '; '."""
    return "; ".join(_cite(context, source) for source in sources)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(features.template_dirs()),  # each feature's templates/
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["t"] = _translate
    env.filters["breakable"] = breakable
    env.filters["cite"] = _cite
    env.filters["sources"] = _sources
    env.globals["ui"] = _ui
    env.globals["rubric"] = _rubric
    env.globals["upkeep"] = _upkeep
    return env


ENVIRONMENT = _environment()


def render(template: str, **context) -> str:
    """Render a template into one HTML block with no blank line, so Markdown keeps it whole."""
    html = ENVIRONMENT.get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
