"""A small, fast YAML writer for generated data: block style, every string double-quoted.

``json.dumps`` of a string is a valid YAML double-quoted scalar, so no value can turn into a
number, a date or a tag by accident (the very slips ``niemyet check`` exists to catch).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def _block(value: Any, indent: str, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                out.append(f"{indent}{key}:")
                _block(item, indent + "  ", out)
            else:
                out.append(f"{indent}{key}: {scalar(item)}")
    else:
        for item in value:
            start = len(out)
            if isinstance(item, (dict, list)) and item:
                _block(item, indent + "  ", out)
                out[start] = f"{indent}- {out[start][len(indent) + 2 :]}"
            else:
                out.append(f"{indent}- {scalar(item)}")


def dump(value: dict[str, Any], header: str = "") -> str:
    """``{"code": "1.000001", "steps": ["A"]}`` → ``code: "1.000001"\\nsteps:\\n  - "A"\\n``."""
    out: list[str] = [header] if header else []
    _block(value, "", out)
    return "\n".join(out) + "\n"
