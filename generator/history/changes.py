"""A change to one procedure (or one commune's entry for it), and the diff of one data file's two versions."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Final

from generator.history.records import Item, counter_items, feedback_items, overlay_items, procedure_items
from generator.history.values import as_dict, as_list, text

CATALOGUE, COMMUNES, PROVINCE = "catalogue", "communes", "province"
ABSENT: Final = object()  # the file does not exist on that side
HEADLINES = {
    ("", "added"): "Thủ tục được đưa vào danh mục của tỉnh",
    ("", "removed"): "Thủ tục được đưa ra khỏi danh mục của tỉnh",
    ("commune", "added"): "Xã bắt đầu tiếp nhận thủ tục này",
    ("commune", "removed"): "Xã thôi tiếp nhận thủ tục này",
    ("counter", "added"): "Bắt đầu niêm yết tại xã",
    ("counter", "removed"): "Thôi niêm yết tại xã",
}


@dataclass(frozen=True)
class FileKey:
    """Which record a data file holds: (province, "catalogue", code), (province, "communes", slug) or
    (province, "province", "province") for province.yaml."""

    province: str
    kind: str
    stem: str


@dataclass(frozen=True)
class Change:
    """One dated change. ``commune`` is "" for the province's catalogue; ``code`` is "" for a change to the
    commune itself (its counter, printed on every sheet it posts); both are "" for the province's feedback
    (PAKN) block."""

    date: dt.date
    commit: str
    province: str
    code: str
    commune: str
    kind: str  # added | changed | removed
    items: tuple[Item, ...] = ()
    name: str = ""  # the procedure's name (or the commune's, when code is "")

    @property
    def lines(self) -> tuple[str, ...]:
        """The entry as a reader sees it: a headline for an addition or removal, then the differences."""
        scope = "counter" if not self.code else ("commune" if self.commune else "")
        head = HEADLINES.get((scope, self.kind))
        return ((head,) if head else ()) + tuple(i.text for i in self.items)

    @property
    def parts(self) -> frozenset[str]:
        return frozenset(i.part for i in self.items) | ({self.kind} if self.kind != "changed" else set())

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "commit": self.commit,
            "province": self.province,
            "code": self.code,
            "commune": self.commune,
            "kind": self.kind,
            "name": self.name,
            "changes": list(self.lines),
        }


def _name(*records: Any) -> str:
    for record in records:
        if name := text(as_dict(record).get("name")):
            return name
    return ""


def _overlays(record: Any) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for entry in as_list(as_dict(record).get("procedures")):
        code = text(as_dict(entry).get("code"))
        if code:
            out.setdefault(code, as_dict(entry))
    return out


def _catalogue(key: FileKey, old: Any, new: Any, stamp: tuple[dt.date, str]) -> list[Change]:
    base = functools.partial(Change, stamp[0], stamp[1], key.province, key.stem, "")
    if old is ABSENT or new is ABSENT:
        kind = "added" if old is ABSENT else "removed"
        return [base(kind=kind, name=_name(new if old is ABSENT else old))]
    items = procedure_items(old, new)
    return [base(kind="changed", items=tuple(items), name=_name(new, old))] if items else []


def _commune(key: FileKey, old: Any, new: Any, stamp: tuple[dt.date, str]) -> list[Change]:
    base = functools.partial(Change, stamp[0], stamp[1], key.province, commune=key.stem)
    if old is ABSENT or new is ABSENT:
        kind = "added" if old is ABSENT else "removed"
        return [base(code="", kind=kind, name=_name(new if old is ABSENT else old))]
    out = []
    counter = counter_items(old, new)
    if counter:
        out.append(base(code="", kind="changed", items=tuple(counter), name=_name(new, old)))
    a, b = _overlays(old), _overlays(new)
    for code in sorted(a.keys() | b.keys()):
        if code not in a or code not in b:
            out.append(base(code=code, kind="added" if code not in a else "removed"))
        elif items := overlay_items(a[code], b[code]):
            out.append(base(code=code, kind="changed", items=tuple(items)))
    return out


def diff_file(key: FileKey, old: Any, new: Any, stamp: tuple[dt.date, str]) -> list[Change]:
    """The changes between two versions of one data file (``ABSENT`` for a side where it does not exist;
    ``None`` for a version that cannot be read, which then compares as empty)."""
    if key.kind == CATALOGUE:
        return _catalogue(key, old, new, stamp)
    if key.kind == PROVINCE:
        items = feedback_items(old, new) if old is not ABSENT and new is not ABSENT else []
        return [Change(stamp[0], stamp[1], key.province, "", "", "changed", tuple(items))] if items else []
    return _commune(key, old, new, stamp)
