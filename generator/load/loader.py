"""The libyaml loader ``parse`` composes with: PyYAML's safe loader, with its scalar typing done faster.

libyaml builds the node tree in C but asks Python for the tag of every node, through three calls:
``descend_resolver`` and ``ascend_resolver`` (which only matter for path resolvers, and the safe
loader has none) and ``resolve``, which looks the plain scalar's first character up in PyYAML's own
table of implicit types (null, bool, int, float, timestamp, merge, value) and tries those patterns.
This loader keeps that table and those patterns as they are, so every node gets the tag
``yaml.CSafeLoader`` would give it; it only skips the work that cannot change the answer.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

assert not yaml.CSafeLoader.yaml_path_resolvers, "the safe loader has no path resolvers"
assert None not in yaml.CSafeLoader.yaml_implicit_resolvers, "nor resolvers for any first character"
_IMPLICIT: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple(resolvers) for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


class FastSafeLoader(yaml.CSafeLoader):
    """``yaml.CSafeLoader`` with the same tags, resolved without the path-resolver bookkeeping."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                assert value is not None
                for tag, pattern in _IMPLICIT.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP
