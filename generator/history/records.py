"""What changed between two versions of a record, in plain Vietnamese, computed from the parsed data.

The diff works on the plain values a YAML file parses to (dicts, lists, strings), not on the typed model
and not on text lines: an older version may predate today's rules, and a reformatted file or a moved
comment is no change at all. Rows are matched by what identifies them for a reader: a document by its
case and name, a channel row by its method and description (the same method may have several rows), a
legal document by its number, a commune's overlay by the procedure code. Keys this module does not know
(a newer catalogue model) still produce a line naming the part that changed.

Each line carries the ``part`` it is about, so callers can tell what a change touches (the commune's list
page shows the name, time limit, fee and online level).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.history.values import (
    as_dict,
    as_list,
    channel_label,
    decision_label,
    fees_label,
    overlay_time_label,
    short,
    text,
    time_label,
)
from generator.schema.labels import COUNTER_LABELS, FEEDBACK_LABELS, LEGAL_DOC_LABELS, PROCEDURE_LABELS
from generator.text.labels import SERVICE_LABELS

IGNORED = frozenset({"updated"})  # bookkeeping, not content


@dataclass(frozen=True)
class Item:
    """One line of a change: ``part`` is the record key it is about ("documents", "channels", ...)."""

    part: str
    text: str


def _keyed(rows: Any, key: Any) -> dict[Any, dict[str, Any]]:
    """Rows by identity; a repeated identity gets a running number, so nothing is lost."""
    out: dict[Any, dict[str, Any]] = {}
    for row in as_list(rows):
        d = as_dict(row)
        k = key(d)
        n = 1
        while (k, n) in out:
            n += 1
        out[(k, n)] = d
    return out


def _documents(old: Any, new: Any) -> Iterator[Item]:
    a = _keyed(old, lambda d: (text(d.get("case")), text(d.get("name"))))
    b = _keyed(new, lambda d: (text(d.get("case")), text(d.get("name"))))
    for k in b.keys() - a.keys():
        yield Item("documents", f"Thêm giấy tờ: “{k[0][1]}”")
    for k in a.keys() - b.keys():
        yield Item("documents", f"Bỏ giấy tờ: “{k[0][1]}”")
    for k in a.keys() & b.keys():
        x, y = a[k], b[k]
        parts = [
            f"{label} {text(x.get(key)) or '0'} → {text(y.get(key)) or '0'}"
            for key, label in (("originals", "bản chính"), ("copies", "bản sao"))
            if x.get(key) != y.get(key)
        ]
        if x.get("form") != y.get("form"):
            parts.append("đổi mẫu đơn, tờ khai")
        if x.get("note") != y.get("note"):
            parts.append("sửa ghi chú")
        if parts:
            yield Item("documents", f"Giấy tờ “{k[0][1]}”: {', '.join(parts)}")


def _channels(old: Any, new: Any) -> Iterator[Item]:
    a = _keyed(old, lambda d: (text(d.get("method")), text(d.get("description"))))
    b = _keyed(new, lambda d: (text(d.get("method")), text(d.get("description"))))
    for k in b.keys() - a.keys():
        yield Item(
            "channels", f"Thêm cách thức nộp: {channel_label(b[k])}, thời hạn {time_label(b[k].get('time_limit'))}"
        )
    for k in a.keys() - b.keys():
        yield Item("channels", f"Bỏ cách thức nộp: {channel_label(a[k])}")
    for k in a.keys() & b.keys():
        x, y = a[k], b[k]
        where = channel_label(y)
        if time_label(x.get("time_limit")) != time_label(y.get("time_limit")):
            yield Item(
                "channels",
                f"Thời hạn giải quyết ({where}): {time_label(x.get('time_limit'))} → {time_label(y.get('time_limit'))}",
            )
        elif x.get("time_limit") != y.get("time_limit"):
            yield Item("channels", f"Thời hạn giải quyết ({where}): sửa ghi chú")
        if fees_label(x.get("fees")) != fees_label(y.get("fees")):
            yield Item("fees", f"Phí, lệ phí ({where}): {fees_label(x.get('fees'))} → {fees_label(y.get('fees'))}")
        if x.get("note") != y.get("note"):
            yield Item("channels", f"Cách thức nộp {where}: sửa ghi chú")


def _fees(old: Any, new: Any) -> Iterator[Item]:
    if fees_label(old) != fees_label(new):
        yield Item("fees", f"Phí, lệ phí: {fees_label(old)} → {fees_label(new)}")
    elif old != new:
        yield Item("fees", "Phí, lệ phí: sửa ghi chú")


def _online(old: Any, new: Any) -> Iterator[Item]:
    a, b = as_dict(old), as_dict(new)

    def level(d: dict[str, Any]) -> str:
        service = text(d.get("service"))
        return SERVICE_LABELS.get(service, service) or "Chưa có thông tin"

    if level(a) != level(b):
        yield Item("online", f"Mức dịch vụ công trực tuyến: {level(a)} → {level(b)}")
    if text(a.get("url")) != text(b.get("url")):
        yield Item(
            "online", f"Địa chỉ nộp trực tuyến: {text(a.get('url')) or 'không có'} → {text(b.get('url')) or 'không có'}"
        )


def _legal_basis(old: Any, new: Any) -> Iterator[Item]:
    a = _keyed(old, lambda d: text(d.get("number")))
    b = _keyed(new, lambda d: text(d.get("number")))
    for k in b.keys() - a.keys():
        yield Item("legal_basis", f"Thêm căn cứ pháp lý: {k[0]} {text(b[k].get('title'))}".rstrip())
    for k in a.keys() - b.keys():
        yield Item("legal_basis", f"Bỏ căn cứ pháp lý: {k[0]} {text(a[k].get('title'))}".rstrip())
    for k in a.keys() & b.keys():
        if a[k] != b[k]:
            keys = [key for key in {**a[k], **b[k]} if a[k].get(key) != b[k].get(key)]
            what = ", ".join(LEGAL_DOC_LABELS.get(key, key) for key in keys)
            yield Item("legal_basis", f"Căn cứ pháp lý {k[0]}: sửa {what}")


def _decision(old: Any, new: Any) -> Iterator[Item]:
    if decision_label(old) != decision_label(new):
        yield Item("decision", f"Quyết định công bố: {decision_label(old)} → {decision_label(new)}")
    elif as_dict(old).get("title") != as_dict(new).get("title"):  # not a prefix written differently
        yield Item("decision", "Quyết định công bố: sửa trích yếu")


_SPECIAL = {
    "documents": _documents,
    "channels": _channels,
    "fees": _fees,
    "online": _online,
    "legal_basis": _legal_basis,
    "decision": _decision,
}


def _plain(key: str, old: Any, new: Any) -> Iterator[Item]:
    label = PROCEDURE_LABELS.get(key, key)
    a, b = short(old), short(new)
    if a is not None and b is not None:
        yield Item(key, f"{label}: {a or 'không có'} → {b or 'không có'}")
    else:
        yield Item(key, f"Sửa “{label}”")


def procedure_items(old: Any, new: Any) -> list[Item]:
    """The differences between two versions of a catalogue record (either may be unreadable: ``None``)."""
    a, b = as_dict(old), as_dict(new)
    items: list[Item] = []
    for key in [*a, *(k for k in b if k not in a)]:
        if key in IGNORED or a.get(key) == b.get(key):
            continue
        items.extend(_SPECIAL.get(key, lambda x, y, key=key: _plain(key, x, y))(a.get(key), b.get(key)))
    return items


def overlay_items(old: Any, new: Any) -> list[Item]:
    """The differences between two versions of a commune's entry for one procedure."""
    a, b = as_dict(old), as_dict(new)
    items: list[Item] = []
    if overlay_time_label(a) != overlay_time_label(b):
        items.append(Item("channels", f"Thời hạn xã cam kết: {overlay_time_label(a)} → {overlay_time_label(b)}"))
    url_a, url_b = text(as_dict(a.get("online")).get("url")), text(as_dict(b.get("online")).get("url"))
    if url_a != url_b:
        items.append(Item("online", f"Địa chỉ nộp trực tuyến của xã: {url_a or 'không có'} → {url_b or 'không có'}"))
    if text(a.get("note")) != text(b.get("note")):
        items.append(
            Item("note", f"Ghi chú của xã: {text(a.get('note')) or 'không có'} → {text(b.get('note')) or 'không có'}")
        )
    return items


def counter_items(old: Any, new: Any) -> list[Item]:
    """Changes to a commune's counter (printed on every sheet it posts) and its name."""
    a, b = as_dict(old), as_dict(new)
    items = (
        [Item("name", f"Tên: {text(a.get('name'))} → {text(b.get('name'))}")] if a.get("name") != b.get("name") else []
    )
    ca, cb = as_dict(a.get("counter")), as_dict(b.get("counter"))
    for key, label in COUNTER_LABELS.items():
        if text(ca.get(key)) != text(cb.get(key)):
            items.append(Item("counter", f"Bộ phận Một cửa — {label}: {text(ca.get(key))} → {text(cb.get(key))}"))
    return items


def feedback_items(old: Any, new: Any) -> list[Item]:
    """Changes to the province's feedback (PAKN) block, posted at every commune's counter."""
    a, b = as_dict(as_dict(old).get("feedback")), as_dict(as_dict(new).get("feedback"))
    return [
        Item("feedback", f"Phản ánh, kiến nghị — {label}: {text(a.get(key))} → {text(b.get(key))}")
        for key, label in FEEDBACK_LABELS.items()
        if text(a.get(key)) != text(b.get(key))
    ]
