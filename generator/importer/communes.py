"""``--commune``: add imported codes to a commune's ``procedures:`` list by a small text edit.

The file is not re-dumped: new ``- code: "…"`` lines go after the list's last line, in the list's
own indentation, so the clerk's comments, order and formatting stay as they were.
"""

from __future__ import annotations

import re

from generator.importer.blocks import ImportFailure
from generator.load.yamlfile import read_values

_TOP_KEY = re.compile(r"^[^\s#-][^:]*:")
_PROCEDURES = re.compile(r"^procedures:[ \t]*(#.*)?$")
_EMPTY_LIST = re.compile(r"^procedures:[ \t]*\[\s*\][ \t]*(#.*)?$")
_ITEM = re.compile(r"^(\s*)- ")


def listed_codes(text: str, name: str) -> list[str]:
    data, errors = read_values(text, name)
    if errors:
        raise ImportFailure(name, f"tệp xã/phường không đọc được ({errors[0].message}); chưa thêm mã nào")
    items = data.get("procedures") if isinstance(data, dict) else None
    return [str(i.get("code")) for i in items or [] if isinstance(i, dict)]


def add_codes(text: str, codes: list[str], name: str) -> tuple[str, list[str]]:
    """The commune file's new text and the codes added (those not listed yet), in the order given."""
    present = set(listed_codes(text, name))
    new = [c for c in dict.fromkeys(codes) if c not in present]
    if not new:
        return text, []
    lines = text.split("\n")
    start = next((i for i, ln in enumerate(lines) if _PROCEDURES.match(ln) or _EMPTY_LIST.match(ln)), None)
    if start is None and any(ln.startswith("procedures:") for ln in lines):
        raise ImportFailure(name, "danh sách procedures không viết dạng khối (mỗi mã một dòng «- code: …»)")
    if start is None:
        tail = "" if text.endswith("\n") or not text else "\n"
        return text + tail + "procedures:\n" + "".join(f'  - code: "{c}"\n' for c in new), new
    lines[start] = "procedures:" if _EMPTY_LIST.match(lines[start]) else lines[start]
    end = start + 1
    while end < len(lines) and not _TOP_KEY.match(lines[end]):
        end += 1
    block = range(start + 1, end)
    last = max((i for i in block if lines[i].strip() and not lines[i].lstrip().startswith("#")), default=start)
    indent = next((m.group(1) for i in block if (m := _ITEM.match(lines[i]))), "  ")
    insert = [f'{indent}- code: "{c}"' for c in new]
    return "\n".join(lines[: last + 1] + insert + lines[last + 1 :]), new
