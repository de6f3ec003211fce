"""YAML read with its node tree kept, so every problem can name the line it is on."""

from dataclasses import dataclass

import yaml

from playbook.core.problems import Problem

# libyaml's parser when PyYAML was built with it (it is in the PyPI wheels): the same nodes and line
# marks, several times faster than the pure-Python one on the playbook's few hundred files.
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class YamlSource:
    """One parsed file: its data and the node tree that knows where each value stands."""

    path: str
    data: object
    root: yaml.Node | None

    def line_of(self, loc: tuple, key: bool = False) -> int:
        """The line of the deepest node on `loc` that exists (a missing key points at its parent); with
        `key`, the line of the last key itself rather than of its value."""
        node, line = self.root, 1
        for index, part in enumerate(loc):
            if node is None:
                break
            line = node.start_mark.line + 1
            node = _child(node, part, key and index == len(loc) - 1)
        return node.start_mark.line + 1 if node is not None else line


def _child(node: yaml.Node, part, want_key: bool = False):
    """The key node for a mapping key with a scalar value (or when `want_key`), else the value node."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return key if want_key or isinstance(value, yaml.ScalarNode) else value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


# Bounds on what a file may make the checker do: a loop of aliases, a bomb of aliases that expands to
# billions of values, or lists nested thousands deep would otherwise hang or overflow the stack. The largest
# file of the playbook holds some 1,600 values, 7 levels deep.
MAX_DEPTH = 100
MAX_VALUES = 20_000
DEPTH_MESSAGE = f"values are nested more than {MAX_DEPTH} levels deep; expected at most {MAX_DEPTH}"


def read_yaml(path: str, text: str) -> tuple[YamlSource | None, list[Problem]]:
    """Parse `text`; on a syntax error, or a file no data could come from, return no source and the problem."""
    try:
        root = _compose(text, FastLoader)
    except yaml.reader.ReaderError as error:
        return None, [Problem(path, text.count("\n", 0, error.position) + 1, _character_message(error))]
    except RecursionError:  # the pure-Python parser, where libyaml is missing, on deep nesting
        return None, [Problem(path, 1, DEPTH_MESSAGE)]
    except yaml.MarkedYAMLError as fast_error:
        error = fast_error
        if "nesting depth" in (error.problem or ""):  # libyaml's own limit (1,000 levels)
            return None, [Problem(path, error.problem_mark.line + 1, DEPTH_MESSAGE)]
        try:  # the pure-Python parser names the problem more plainly (a tab, a missing comma)
            _compose(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as plain_error:
            error = plain_error
        except RecursionError:  # nesting libyaml refused is too deep for the pure-Python one too
            pass
        mark = error.problem_mark or error.context_mark
        return None, [Problem(path, mark.line + 1 if mark else 1, _syntax_message(error))]
    shape = _shape_problem(path, root)
    if shape:
        return None, [shape]
    return YamlSource(path, _construct(text, root), root), list(_duplicate_keys(path, root))


def _compose(text: str, loader_class):
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _construct(text: str, root):
    if root is None:
        return None
    loader = FastLoader(text)
    try:
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _character_message(error: yaml.reader.ReaderError) -> str:
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return (f"the control character U+{ord(character):04X} is in the text; "
            "expected printable text only (delete the character)")


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    # PyYAML's wording is for parser authors; say what an editor shows.
    problem = error.problem or "cannot be read"
    if "'\\t'" in problem:
        return "a tab is used for indentation; expected spaces"
    return f"YAML syntax error: {problem}; expected valid YAML (check indentation, colons and quotes)"


def _children(node: yaml.Node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return node.value if isinstance(node, yaml.SequenceNode) else []


def _shape_problem(path: str, root: yaml.Node | None) -> Problem | None:
    """A loop of aliases, nesting deeper than MAX_DEPTH, or more than MAX_VALUES values once aliases are
    expanded; walked without recursion, counting every value each time an alias repeats it."""
    stack, inside, count = [(root, 0, False)] if root is not None else [], set(), 0
    while stack:
        node, depth, leaving = stack.pop()
        if leaving:
            inside.discard(id(node))
            continue
        line = node.start_mark.line + 1
        if id(node) in inside:
            return Problem(path, line, "an alias refers to a value that contains it (a loop); "
                                       "expected the value written out")
        count += 1
        if depth > MAX_DEPTH:
            return Problem(path, line, DEPTH_MESSAGE)
        if count > MAX_VALUES:
            return Problem(path, line, f"the file holds more than {MAX_VALUES} values once its aliases are "
                                       "repeated; expected fewer values and few aliases")
        inside.add(id(node))
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in reversed(_children(node)))
    return None


def _duplicate_keys(path: str, root: yaml.Node | None):
    # PyYAML keeps the last of two equal keys silently; an author wants to know. Each mapping once.
    stack, seen_nodes = [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys = set()
            for key, _ in node.value:
                if key.value in keys:
                    yield Problem(path, key.start_mark.line + 1, f"key '{key.value}' appears twice; expected it once")
                keys.add(key.value)
        stack.extend(_children(node))
