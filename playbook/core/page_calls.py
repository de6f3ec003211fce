"""A page's macro calls, checked before mkdocs-macros renders the page: a misspelt macro or broken `{{ … }}`
fails the build as `docs/<page>.md:<line>: what; expected what`. mkdocs-macros itself only logs a warning
with a Jinja traceback naming its template's line, which `mkdocs build -q` does not even show. A text that
passed is not parsed again in the same process (`mkdocs serve`: an edited string re-renders pages whose own
text did not change)."""

import difflib

from jinja2 import TemplateSyntaxError, nodes
from mkdocs.exceptions import PluginError

from playbook.core.caching import caching

_passed: dict = {}  # (Markdown, the names known) → the names its template reads


def check_macro_calls(env) -> set:
    """Runs before each page is rendered (a mkdocs-macros pre-macro hook): raise on the first bad call. Returns
    the names the page's template reads."""
    page = f"docs/{env.page.file.src_uri}"
    if (env.page.meta or {}).get("render_macros") is False:
        return set()
    known = frozenset(env.env.globals) | set(env.variables) | set(env.macros)
    if caching() and (env.markdown, known) in _passed:
        return set(_passed[env.markdown, known])
    names = _checked(env, page, known)
    if caching():
        _passed[env.markdown, known] = frozenset(names)
    return names


def _checked(env, page: str, known: frozenset) -> set:
    offset = _front_matter_lines(env.page.file.content_string, env.markdown)
    try:
        tree = env.env.parse(env.markdown)
    except TemplateSyntaxError as error:
        raise PluginError(f"{page}:{error.lineno + offset}: broken macro call ({error.message}); "
                          'expected a call such as {{ checklist("smart-goal") }}') from None
    assigned = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    for call in tree.find_all(nodes.Call):
        name = call.node.name if isinstance(call.node, nodes.Name) else None
        if name and name not in known | assigned:
            close = difflib.get_close_matches(name, env.macros, n=1)
            expected = f"'{close[0]}'" if close else "one of: " + ", ".join(sorted(env.macros))
            raise PluginError(f"{page}:{call.lineno + offset}: unknown macro '{name}'; expected {expected}")
    return {node.name for node in tree.find_all(nodes.Name) if node.ctx == "load"} - assigned


def _front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of the page file come before the Markdown mkdocs hands over (its front matter)."""
    text = markdown.strip()
    start = source.find(text) if text else -1
    if start < 0:
        return 0
    return source.count("\n", 0, start) - markdown.count("\n", 0, markdown.find(text))
