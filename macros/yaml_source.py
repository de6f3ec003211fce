"""YAML read with its node tree kept, so every problem can name the line it is on."""

from dataclasses import dataclass

import yaml

from .problems import Problem

# libyaml's parser when PyYAML was built with it (it is in the PyPI wheels): the same nodes and line
# marks, several times faster than the pure-Python one on the playbook's few hundred files.
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class YamlSource:
    """One parsed file: its data and the node tree that knows where each value stands."""

    path: str
    data: object
    root: yaml.Node | None

    def line_of(self, loc: tuple) -> int:
        """The line of the deepest node on `loc` that exists (a missing key points at its parent)."""
        node, line = self.root, 1
        for part in loc:
            if node is None:
                break
            line = node.start_mark.line + 1
            node = _child(node, part)
        return node.start_mark.line + 1 if node is not None else line


def _child(node: yaml.Node, part):
    """The key node for a mapping key with a scalar value, else the value node."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return key if isinstance(value, yaml.ScalarNode) else value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def read_yaml(path: str, text: str) -> tuple[YamlSource | None, list[Problem]]:
    """Parse `text`; on a syntax error return no source and the problem, with its line."""
    try:
        root, data = _parse(text, FastLoader)
    except yaml.MarkedYAMLError as fast_error:
        error = fast_error
        try:  # the pure-Python parser names the problem more plainly (a tab, a missing comma)
            _parse(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as plain_error:
            error = plain_error
        mark = error.problem_mark or error.context_mark
        return None, [Problem(path, mark.line + 1 if mark else 1, _syntax_message(error))]
    return YamlSource(path, data, root), list(_duplicate_keys(path, root))


def _parse(text: str, loader_class) -> tuple:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    # PyYAML's wording is for parser authors; say what an editor shows.
    problem = error.problem or "cannot be read"
    if "'\\t'" in problem:
        return "a tab is used for indentation; expected spaces"
    return f"YAML syntax error: {problem}; expected valid YAML (check indentation, colons and quotes)"


def _duplicate_keys(path: str, node: yaml.Node | None):
    # PyYAML keeps the last of two equal keys silently; an author wants to know.
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.value in seen:
                yield Problem(
                    path, key.start_mark.line + 1, f"key '{key.value}' appears twice; expected it once"
                )
            seen.add(key.value)
            yield from _duplicate_keys(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            yield from _duplicate_keys(path, value)
