"""YAML configuration files that remember where each value was written.

The journey map, the rules and the library are YAML a person edits; every problem in them must
be reported with its line. ``read_yaml`` builds plain Python values and a map from each value's
path (``("touchpoints", 3, "tier")``) to its 1-based line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]


class YamlFileError(Exception):
    """The file is not readable YAML; the message names the file and line."""


@dataclass
class YamlDocument:
    """Plain values from a YAML file and the line each path was written on."""

    source: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def read_yaml(text: str, source: str) -> YamlDocument:
    """Parse one YAML document; raise ``YamlFileError`` with the line when it is malformed."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{source}:{mark.line + 1}" if mark else source
        raise YamlFileError(f"{where}: not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise YamlFileError(f"{source}: not valid YAML: {exc}") from None
    document = YamlDocument(source=source, data=None)
    if node is not None:
        document.data = _build(node, (), document.lines)
    return document


def _build(node: Node, path: Path, lines: dict[Path, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader(" ").construct_object(key_node)
            if isinstance(key, list | dict):
                raise YamlFileError(
                    f"line {key_node.start_mark.line + 1}: a key must be a plain value"
                )
            if key in result:
                raise YamlFileError(
                    f"line {key_node.start_mark.line + 1}: {key!r} is given twice; keep one"
                )
            child = (*path, str(key))
            result[key] = _build(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
        return result
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, i), lines) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    return yaml.SafeLoader(" ").construct_object(node)
