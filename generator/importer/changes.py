"""What a re-import changed in one procedure, in Vietnamese lines for the summary."""

from __future__ import annotations

from typing import Any

from generator.text.labels import METHOD_LABELS

FIELD_NAMES = {
    "name": "tên thủ tục",
    "field": "lĩnh vực",
    "level": "cấp thực hiện",
    "procedure_type": "loại thủ tục",
    "steps": "trình tự thực hiện",
    "applicants": "đối tượng thực hiện",
    "agency": "cơ quan thực hiện",
    "competent_authority": "cơ quan có thẩm quyền",
    "receiving_address": "địa chỉ tiếp nhận",
    "authorized_agency": "cơ quan được ủy quyền",
    "coordinating_agency": "cơ quan phối hợp",
    "result": "kết quả thực hiện",
    "conditions": "yêu cầu, điều kiện",
    "keywords": "từ khóa",
    "description": "mô tả",
    "other_fields": "mục lạ (other_fields)",
    "decision": "quyết định công bố",
}


def _short(text: Any, limit: int = 70) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _names(items: Any, key: str) -> list[str]:
    return [str(i.get(key)) for i in items or [] if isinstance(i, dict)]


def _added_removed(what: str, old: list[str], new: list[str]) -> list[str]:
    lines = [f"thêm {what} «{_short(n)}»" for n in new if n not in old]
    return lines + [f"bỏ {what} «{_short(o)}»" for o in old if o not in new]


def _row(c: dict[str, Any]) -> str:
    label = METHOD_LABELS.get(str(c.get("method")), str(c.get("method")))
    return f"{label} ({_short(c['description'], 40)})" if c.get("description") else label


def _limit(c: dict[str, Any]) -> str:
    t = c.get("time_limit") or {}
    return str(t.get("text") or f"{t.get('value', '')} {t.get('unit', '')}".strip() or "không ghi")


def _fee(c: dict[str, Any]) -> str:
    return "; ".join(str(f.get("text") or f.get("amount")) for f in c.get("fees") or []) or "không ghi"


def _channels(old: Any, new: Any) -> list[str]:
    olds = {_row(c): c for c in old or [] if isinstance(c, dict)}
    news = {_row(c): c for c in new or [] if isinstance(c, dict)}
    lines = _added_removed("cách thức", list(olds), list(news))
    for label, c in news.items():
        if label in olds:
            if _limit(olds[label]) != _limit(c):
                lines.append(f"thời hạn {label}: {_limit(olds[label])} → {_limit(c)}")
            if _fee(olds[label]) != _fee(c):
                lines.append(f"phí {label}: {_fee(olds[label])} → {_fee(c)}")
    return lines


def _legal(old: Any, new: Any) -> list[str]:
    lines = _added_removed("căn cứ pháp lý", _names(old, "number"), _names(new, "number"))
    olds = {str(x.get("number")): x for x in old or [] if isinstance(x, dict)}
    for x in new or []:
        before = olds.get(str(x.get("number")))
        if before is not None and before != x:
            lines.append(f"sửa căn cứ pháp lý {x.get('number')}")
    return lines


def describe(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """``["thêm giấy tờ «…»", "thời hạn Trực tiếp: 15 Ngày làm việc → 10 Ngày làm việc", …]``."""
    lines = _added_removed("giấy tờ", _names(old.get("documents"), "name"), _names(new.get("documents"), "name"))
    old_docs = {d.get("name"): d for d in old.get("documents") or [] if isinstance(d, dict)}
    for d in new.get("documents") or []:
        before = old_docs.get(d.get("name"))
        if before is not None and before != d:
            lines.append(f"sửa giấy tờ «{_short(d.get('name'))}»")
    lines += _channels(old.get("channels"), new.get("channels"))
    lines += _legal(old.get("legal_basis"), new.get("legal_basis"))
    lines += [f"sửa {label}" for key, label in FIELD_NAMES.items() if old.get(key) != new.get(key)]
    return lines
