"""Which sheets each commune must replace since a version (a git ref) or a date: the data then vs. now.

"Now" is the data on disk (edits not yet committed count). "Then" is the tree of the ref, or of the newest
commit dated before the given day. Records are matched by their identity (a procedure by its code, a
commune by its file name) and diffed as for the history, so a reformatted file asks for no reprint.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import UsageError
from generator.history.changes import ABSENT, Change, diff_file
from generator.history.git import (
    cat_blobs,
    commit_before,
    hash_files,
    probe,
    renamed_since,
    resolve_commit,
    tree_blobs,
)
from generator.history.walk import UNAVAILABLE, file_key, parse_blob
from generator.model.resolve import commune_procedures
from generator.model.types import Commune, ProvinceData

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LIST_PARTS = frozenset({"added", "removed", "name", "code", "channels", "fees", "online"})  # shown on the list page


HEADER_CHANGED = "Đầu trang đổi (tên xã hoặc thông tin Bộ phận Một cửa)"


class SinceError(UsageError):
    """``--since`` cannot be answered (no history, unknown ref); the message is for the user."""


@dataclass(frozen=True)
class Sheet:
    """One procedure sheet at one commune: ``action`` is replace, new (post it) or remove (take it down)."""

    code: str
    name: str
    action: str
    lines: tuple[str, ...]
    parts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CommuneSheets:
    province: str
    slug: str
    name: str
    counter: tuple[str, ...]  # changes to the header printed on every sheet
    sheets: tuple[Sheet, ...]
    feedback: tuple[str, ...] = ()  # changes to the province's PAKN sheet, posted at every counter

    @property
    def list_changed(self) -> bool:
        """Whether the list page (danh mục: code, name, time limit, fee, online level) must be reprinted too."""
        return bool(self.counter) or any(s.action != "replace" or s.parts & LIST_PARTS for s in self.sheets)

    def as_json(self) -> dict[str, Any]:
        return {
            "province": self.province,
            "commune": self.slug,
            "name": self.name,
            "counter": list(self.counter),
            "list_changed": self.list_changed,
            "feedback": list(self.feedback),
            "sheets": [
                {"code": s.code, "name": s.name, "action": s.action, "changes": list(s.lines)} for s in self.sheets
            ],
        }


@dataclass(frozen=True)
class ChangesSummary:
    since: str
    base: str  # the commit compared with; "" when nothing was committed before the date
    communes: tuple[CommuneSheets, ...]

    def as_json(self) -> dict[str, Any]:
        return {"since": self.since, "base": self.base, "communes": [c.as_json() for c in self.communes]}


def base_commit(root: Path, since: str) -> str:
    """The commit ``since`` names: a ref, or YYYY-MM-DD (the newest commit dated before that day)."""
    if probe(root) is None:
        raise SinceError(UNAVAILABLE)
    if _DAY.match(since):
        try:
            return commit_before(root, dt.date.fromisoformat(since)) or ""
        except ValueError as exc:
            raise SinceError(f"ngày không hợp lệ: {since}") from exc
    found = resolve_commit(root, since)
    if found is None:
        raise SinceError(f"không tìm thấy phiên bản “{since}” trong kho git")
    return found


def _data_files(root: Path) -> list[str]:
    paths = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
    return sorted(p for p in paths if file_key(p, root))


def file_changes(root: Path, base: str) -> list[Change]:
    """Changes between the tree of ``base`` ("" = nothing) and the files on disk, one per record."""
    moved = renamed_since(root, base) if base else {}
    then = tree_blobs(root, base) if base else {}
    old = {k: (p, b) for p, b in then.items() if (k := file_key(moved.get(p, p), root))}  # renames followed
    new = {k: (p, b) for p, b in hash_files(root, _data_files(root)).items() if (k := file_key(p, root))}
    differ = [k for k in old.keys() | new.keys() if old.get(k, ("", ""))[1] != new.get(k, ("", ""))[1]]
    blobs = cat_blobs(root, sorted({old[k][1] for k in differ if k in old}))
    stamp = (dt.date.min, base)
    changes: list[Change] = []
    for key in sorted(differ, key=lambda k: (k.province, k.kind, k.stem)):
        before = parse_blob(blobs.get(old[key][1], b"")) if key in old else ABSENT
        after = parse_blob((root / new[key][0]).read_bytes()) if key in new else ABSENT
        changes.extend(diff_file(key, before, after, stamp))
    return changes


def _sheets(data: ProvinceData, commune: Commune, changes: list[Change], by_code: dict[str, Change]) -> list[Sheet]:
    own = {c.code: c for c in changes if c.code}
    whole = next((c for c in changes if not c.code), None)
    sheets: list[Sheet] = []
    for cp in commune_procedures(data, commune):
        code, name = cp.procedure.code, cp.procedure.name
        if (whole is not None and whole.kind == "added") or (own.get(code) and own[code].kind == "added"):
            sheets.append(Sheet(code, name, "new", ("Tờ mới: xã bắt đầu tiếp nhận thủ tục này",), frozenset({"added"})))
            continue
        found = [c for c in (by_code.get(code), own.get(code)) if c is not None]
        lines = tuple(line for c in found for line in c.lines)
        if whole is not None and whole.items:  # the header printed on every sheet changed
            lines, found = (*lines, HEADER_CHANGED), [*found, whole]
        if found:
            sheets.append(Sheet(code, name, "replace", lines, frozenset().union(*(c.parts for c in found))))
    for code, change in own.items():
        if change.kind == "removed":
            gone = by_code.get(code)
            name = data.procedures[code].name if code in data.procedures else (gone.name if gone else "")
            why = gone.lines if gone and gone.kind == "removed" else change.lines
            sheets.append(Sheet(code, name, "remove", why, frozenset({"removed"})))
    for code in sorted({o.code for o in commune.overlays} - data.procedures.keys() - own.keys()):
        gone = by_code.get(code)  # removed by the province, still listed by the commune (E140): take it down
        if gone is not None and gone.kind == "removed":
            sheets.append(Sheet(code, gone.name, "remove", gone.lines, frozenset({"removed"})))
    return sheets


def changes_since(
    root: Path, since: str, provinces: Iterable[ProvinceData], communes: tuple[str, ...] = ()
) -> ChangesSummary:
    """Per commune (all, or the slugs given), the sheets whose posted content changed since ``since``."""
    base = base_commit(root, since)
    changes = file_changes(root, base)
    catalogue = {(c.province, c.code): c for c in changes if not c.commune and c.code}
    feedback = {c.province: c.lines for c in changes if not c.commune and not c.code}
    result = []
    for data in provinces:
        slug_of = data.province.slug
        by_code = {code: c for (prov, code), c in catalogue.items() if prov == slug_of}
        for commune in data.communes.values():
            if communes and commune.slug not in communes:
                continue
            own = [c for c in changes if c.province == slug_of and c.commune == commune.slug]
            whole = next((c for c in own if not c.code and c.kind == "changed"), None)
            counter = tuple(i.text for i in whole.items) if whole else ()
            sheets = tuple(_sheets(data, commune, own, by_code))
            result.append(
                CommuneSheets(slug_of, commune.slug, commune.name, counter, sheets, feedback.get(slug_of, ()))
            )
    return ChangesSummary(since=since, base=base, communes=tuple(result))
