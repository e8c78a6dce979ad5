"""Field paths: how a node inside a file is named in messages, e.g. ``documents[2].copies``."""

from __future__ import annotations

FieldPath = tuple[str | int, ...]


def format_path(path: FieldPath) -> str:
    """``("documents", 2, "copies")`` → ``documents[2].copies`` (indexes are 0-based, as in JSON)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
