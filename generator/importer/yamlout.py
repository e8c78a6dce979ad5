"""Write a procedure record as catalogue YAML in the house style of the hand-written samples.

Schema comment line, keys in the contract's order, block style, sequences indented under their
key, the code always double-quoted. A string is written plain only when YAML reads it back as the
same string; text with line breaks is a literal block (``|-``); anything else is double-quoted
(``json.dumps`` of a string is a valid YAML double-quoted scalar). A property test proves the round trip.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

from generator.output.yamltext import scalar
from generator.schema.definitions import (
    CHANNEL,
    DECISION,
    DOCUMENT,
    FEE,
    FORM,
    LEGAL_DOC,
    ONLINE,
    PROCEDURE,
    TIME_LIMIT,
)

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/catalogue.schema.json"
# keys in the contract's order: the schema's field lists (a new field needs no edit here)
ORDER = list(PROCEDURE.fields)
_BLOCKS = {
    "decision": DECISION,
    "channel": CHANNEL,
    "time_limit": TIME_LIMIT,
    "fee": FEE,
    "document": DOCUMENT,
    "form": FORM,
    "legal": LEGAL_DOC,
    "online": ONLINE,
}
SUB_ORDER = {kind: tuple(block.fields) for kind, block in _BLOCKS.items()}
_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@` ")
_RESOLVER = yaml.resolver.Resolver()
# YAML allows none of these raw, not even quoted; json.dumps leaves them raw: escape them
_FORBIDDEN = [*range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF]
_FORBIDDEN_RE = "".join(f"\\u{c:04x}" for c in _FORBIDDEN)
_ESCAPES = {c: f"\\u{c:04x}" for c in _FORBIDDEN}
_PLAIN_BAD = re.compile(rf": |:$| #|[\x00-\x1f{_FORBIDDEN_RE}]")
# a literal block takes no control character but the line break (and no tab)
_BLOCK_BAD = re.compile(rf"[\x00-\x08\x0b-\x1f\t{_FORBIDDEN_RE}]")


def _plain_ok(text: str) -> bool:
    if not text or text[0] in _UNSAFE_START or text != text.strip() or _PLAIN_BAD.search(text):
        return False
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == "tag:yaml.org,2002:str"


def _block_ok(text: str) -> bool:
    """A literal block (``|-``) reads back the same: no trailing line break (``-`` strips it), no indent."""
    lines = text.split("\n")
    if text.endswith("\n") or not text.strip("\n"):
        return False
    first = next(line for line in lines if line)  # YAML takes the block's indent from it
    return not first.startswith(" ") and all(line == line.rstrip() and not _BLOCK_BAD.search(line) for line in lines)


def _string(text: str, indent: str) -> str:
    if _plain_ok(text):
        return text
    if "\n" in text and _block_ok(text):
        inner = indent + "  "
        return "|-\n" + "\n".join(inner + line if line else "" for line in text.split("\n"))
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.translate(_ESCAPES)


def _scalar(value: Any, indent: str) -> str:
    if isinstance(value, str):
        return _string(value, indent)
    if isinstance(value, (dt.date, bool, int, float)):
        return scalar(value)
    raise TypeError(f"giá trị không ghi được ra YAML: {type(value).__name__}")


def _ordered(mapping: dict[str, Any], order: tuple[str, ...] | list[str]) -> list[tuple[str, Any]]:
    known = [(k, mapping[k]) for k in order if k in mapping]
    return known + [(k, v) for k, v in mapping.items() if k not in order]


def _sub(key: str, parent: str) -> str:
    return {
        "channels": "channel",
        "fees": "fee",
        "documents": "document",
        "form": "form",
        "legal_basis": "legal",
    }.get(key, key if key in SUB_ORDER else parent)


def _emit(value: Any, kind: str, indent: str, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in _ordered(value, SUB_ORDER.get(kind, ())):
            if isinstance(item, (dict, list)) and item:
                out.append(f"{indent}{key}:")
                _emit(item, _sub(key, kind), indent + "  ", out)
            else:
                out.append(f"{indent}{key}: {_scalar(item, indent)}")
        return
    for item in value:
        if isinstance(item, (dict, list)) and item:
            start = len(out)
            _emit(item, kind, indent + "  ", out)
            out[start] = f"{indent}- {out[start][len(indent) + 2 :]}"
        else:
            out.append(f"{indent}- {_scalar(item, indent)}")


def header_comments(text: str) -> list[str]:
    """The comment lines that open a file (after the schema line): a re-import keeps them."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line != SCHEMA_LINE:
            lines.append(line)
    return lines


def dump(record: dict[str, Any], comments: list[str] | None = None) -> str:
    """The YAML text of a record; YAML reads the same values back (tests/importer/test_import_yaml.py)."""
    out = [SCHEMA_LINE, *(comments or [])]
    for key, item in _ordered(record, ORDER):
        if isinstance(item, (dict, list)) and item:
            out.append(f"{key}:")
            _emit(item, _sub(key, "procedure"), "  ", out)
        elif key == "code":
            out.append(f"code: {json.dumps(item, ensure_ascii=False)}")
        else:
            out.append(f"{key}: {_scalar(item, '')}")
    return "\n".join(out) + "\n"
