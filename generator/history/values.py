"""Reading old, possibly invalid, parsed records without tripping: every helper accepts any value."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.model.types import Fee, TimeLimit
from generator.text.decisions import decision_number
from generator.text.labels import METHOD_LABELS, UNIT_LABELS, duration_vi

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
SHORT = 120  # a value longer than this is named, not quoted, in a change line


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def text(value: Any) -> str:
    """A scalar as a reader sees it; dates (also written as YYYY-MM-DD) as dd/mm/yyyy, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number(value: Any) -> float | None:
    """A number, whether parsed or still the text written ("15", "0.5"); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        return float(value)
    return None


def short(value: Any) -> str | None:
    """A value short enough to quote in a change line ("a, b" for a short list), else None."""
    if isinstance(value, list):
        if not all(isinstance(v, (str, int, float)) for v in value):
            return None
        value = ", ".join(text(v) for v in value)
    if isinstance(value, (dict, list)):
        return None
    shown = text(value)
    return shown if len(shown) <= SHORT and "\n" not in shown else None


def time_label(value: Any) -> str:
    """ "5 ngày làm việc", or the verbatim text; "không ghi" when there is nothing."""
    d = as_dict(value)
    amount, unit = number(d.get("value")), d.get("unit")
    if amount is not None and unit in UNIT_LABELS:
        return TimeLimit(value=amount, unit=str(unit)).label
    return text(d.get("text")) or "không ghi"


def fee_label(value: Any) -> str:
    d = as_dict(value)
    amount = number(d.get("amount"))
    fee = Fee(
        name=text(d.get("name")),
        amount=int(amount) if amount is not None and amount.is_integer() else None,
        currency=text(d.get("currency")) or "VND",
        text=text(d.get("text")),
    )
    shown = fee.amount_label or "không ghi số tiền"
    return f"{fee.name}: {shown}" if fee.name else shown


def fees_label(value: Any) -> str:
    """All fee lines of a block, "; "-separated; the record's "Không" as written; "chưa có thông tin" when
    no fee is stated (absent is not "Không": fees are conditional and the national export leaves them empty)."""
    rows = as_list(value)
    if rows:
        return "; ".join(fee_label(f) for f in rows)
    return "chưa có thông tin" if value is None else (text(value) or "Không")


def channel_label(row: dict[str, Any]) -> str:
    """ "Trực tiếp", or "Trực tiếp — <mô tả>" when the row has a description (several rows per method)."""
    method = text(row.get("method"))
    label = METHOD_LABELS.get(method, method)
    description = text(row.get("description"))
    return f"{label} — {description}" if description else label


def decision_label(value: Any) -> str:
    d = as_dict(value)
    date = text(d.get("date"))
    return f"số {decision_number(text(d.get('number')))}" + (f" ngày {date}" if date else "")


def overlay_time_label(entry: dict[str, Any]) -> str:
    limit = as_dict(entry.get("time_limit"))
    amount, unit = number(limit.get("value")), limit.get("unit")
    if amount is None or not isinstance(unit, str):
        return "theo bản công bố của tỉnh"
    method = text(limit.get("method"))
    where = f" ({METHOD_LABELS.get(method, method)})" if method else ""
    return duration_vi(amount, unit) + where
