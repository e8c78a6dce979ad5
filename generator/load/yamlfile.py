"""Parse YAML with libyaml and build plain values plus the position of every node.

``yaml.CSafeLoader`` composes the node tree in C; we construct the values ourselves from that
tree so that nothing YAML would do silently goes unnoticed:

* every value's 1-based (line, column) is kept in ``positions`` keyed by its path, and every
  key's in ``key_positions``, so a missing field still points at the mapping that lacks it;
* the source text of every non-string scalar is kept in ``raw`` (``1.000890`` read as a float,
  ``5.000`` read as 5.0, ``7:30`` read as 450), so checks can quote what the person wrote;
* duplicate keys (E004), tags other than YAML's plain types (E008, nothing is ever executed),
  anchors and aliases (E009, which also stops alias bombs before any expansion) and excessive
  nesting (E011) are problems, not silent behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.load.depth import flow_depth_exceeds
from generator.load.loader import FastSafeLoader
from generator.load.messages import syntax_detail
from generator.load.paths import FieldPath, format_path
from generator.load.text import position_of
from generator.problems import Problem, make

MAX_DEPTH = 40

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass
class SourceFile:
    """One parsed file: its values, where each came from, and what went wrong reading it."""

    path: str
    data: Any = None
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    raw: dict[FieldPath, str] = field(default_factory=dict)
    rejected: set[FieldPath] = field(default_factory=set)  # values already reported (E008): checks skip them
    problems: list[Problem] = field(default_factory=list)

    def at(self, path: FieldPath) -> tuple[int, int]:
        """Position of the node at ``path``, or of its nearest ancestor that exists."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def key_at(self, path: FieldPath) -> tuple[int, int]:
        return self.key_positions.get(path) or self.at(path)


class _Abort(Exception):
    """Construction cannot go on (alias, bad tag at the root of a subtree is not enough)."""


class _Builder:
    def __init__(self, doc: SourceFile) -> None:
        self.doc = doc
        self.positions = doc.positions
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: FieldPath, depth: int) -> Any:
        if id(node) in self.seen:
            self._fail("E009", node)
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self._fail("E011", node, limit=MAX_DEPTH)
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _MAP and isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [self._child(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if tag in _SCALAR_TAGS and isinstance(node, yaml.ScalarNode):
            self.doc.raw[path] = node.value
            return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        self.doc.problems.append(make("E008", self.doc.path, (mark.line + 1, mark.column + 1), tag=_short(tag)))
        self.doc.rejected.add(path)
        return None

    def _child(self, node: yaml.Node, path: FieldPath, depth: int) -> Any:
        """``build`` for one child; a plain string (most nodes) is taken here without the call."""
        if node.tag == _STR and type(node) is yaml.ScalarNode and depth <= MAX_DEPTH and id(node) not in self.seen:
            self.seen.add(id(node))
            mark = node.start_mark
            self.positions[path] = (mark.line + 1, mark.column + 1)
            return node.value
        return self.build(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key_positions = self.doc.key_positions
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE or not isinstance(key_node, yaml.ScalarNode):
                self._bad_key(key_node)
            key = key_node.value
            kmark = key_node.start_mark
            child = (*path, key)
            if key in result:  # the first one's position is kept: its line is the one to name
                self._duplicate(child, (kmark.line + 1, kmark.column + 1))
                continue
            key_positions[child] = (kmark.line + 1, kmark.column + 1)
            result[key] = self._child(value_node, child, depth + 1)
        return result

    def _bad_key(self, key_node: yaml.Node) -> None:
        if key_node.tag == _MERGE:
            self._fail("E009", key_node)
        self._fail("E103", key_node, key="khóa", expected="chuỗi", found="khối")

    def _duplicate(self, path: FieldPath, position: tuple[int, int]) -> None:
        first_line = self.doc.key_positions[path][0]
        self.doc.problems.append(
            make("E004", self.doc.path, position, format_path(path), key=path[-1], first_line=first_line)
        )

    def _fail(self, code: str, node: yaml.Node, **params: Any) -> None:
        mark = node.start_mark
        self.doc.problems.append(make(code, self.doc.path, (mark.line + 1, mark.column + 1), **params))
        raise _Abort


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def parse(text: str, path: str) -> SourceFile:
    """Parse one YAML text; problems are collected in the returned SourceFile, never raised."""
    doc = SourceFile(path=path)
    too_deep = flow_depth_exceeds(text, MAX_DEPTH)
    if too_deep is not None:
        doc.problems.append(make("E011", path, position_of(text, too_deep[0]), limit=MAX_DEPTH))
        return doc
    try:
        node = yaml.compose(text, Loader=FastSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        doc.problems.append(make("E003", path, pos, detail=syntax_detail(exc)))
        return doc
    except yaml.reader.ReaderError as exc:
        detail = (
            f"có ký tự điều khiển không được phép (#x{exc.character:04x})"
            if isinstance(exc.character, int)
            else str(exc)
        )
        offset = len(text.encode("utf-8")[: exc.position].decode("utf-8", errors="ignore"))  # libyaml counts bytes
        doc.problems.append(make("E003", path, position_of(text, offset), detail=detail))
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(make("E003", path, (1, 1), detail=str(exc).splitlines()[0]))
        return doc
    except RecursionError:
        doc.problems.append(make("E011", path, (1, 1), limit=MAX_DEPTH))
        return doc
    if node is None:
        doc.problems.append(make("E006", path, (1, 1)))
        return doc
    if not isinstance(node, yaml.MappingNode):
        kind = "một danh sách" if isinstance(node, yaml.SequenceNode) else f"giá trị '{str(node.value)[:40]}'"
        doc.problems.append(make("E007", path, (node.start_mark.line + 1, node.start_mark.column + 1), found=kind))
        return doc
    try:
        doc.data = _Builder(doc).build(node, (), 0)
    except _Abort:
        doc.data = None
    except RecursionError:
        doc.problems.append(make("E011", path, (1, 1), limit=MAX_DEPTH))
        doc.data = None
    return doc


def read_values(text: str, path: str) -> tuple[Any, list[Problem]]:
    """The values of one YAML text as ``check`` reads them (NFC is the caller's; duplicate keys, tags and
    aliases refused), with the loading errors; for writers that must read a file before changing it."""
    doc = parse(text, path)
    return doc.data, [p for p in doc.problems if p.is_error]
