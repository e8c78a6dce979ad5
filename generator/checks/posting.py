"""W010: a procedure whose posting sheet would need more than 2 A4 pages.

``check`` has a speed budget, so nothing is rendered here: the page count is estimated from the
raw record by counting wrapped lines the way the sheet lays them out (site_templates/posters):
12 pt Noto Sans, about 80 characters on a full-width line and proportionally fewer in table
columns; a channel's note and description take the full width under its row. A page holds 45
estimated lines: fitted against WeasyPrint renders of the sample, 60 synthetic records and long
records built like real exports (tests/kit/longrecords.py, 5-11 pages), where filled pages hold
43-48 estimated lines now that table rows break across pages. On those 78 records the estimate is
exact for 77 and one page over for one, never under: a warning may come a page early, a 3-page
sheet is not missed. tests/posters/test_print.py holds the estimate to that bound.

Passes: a record with a few steps, documents and legal documents (1-2 pages).
Fails:  a record with 40 long steps or 25 documents with long conditions (W010).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from generator.load import SourceFile
from generator.problems import Problem
from generator.schema.types import Context

MAX_PAGES = 2
FULL = 80  # characters on a full-width line at 12 pt
LINES_PER_PAGE = 45
TITLE_LINES = 9.0  # field line, 22 pt title, QR codes and their captions
FIXED_LINES = 22.0  # section headings, table headers, forms label, feedback box
FEEDBACK_LINES = 4.0


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(_text(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def _lines(text: str, width: int) -> float:
    return max(1, math.ceil(len(text) / width)) if text else 0


def _list_lines(value: Any, width: int, gap: float = 0.2) -> float:
    items = value if isinstance(value, list) else [value]
    return sum(_lines(_text(item), width) + gap for item in items if item is not None)


def _channel_lines(channel: Any) -> float:
    """A channel row (time limit and fee lines side by side), then its note and description at full width."""
    if not isinstance(channel, dict):
        return 0
    time = _lines(_text(channel.get("time_limit")), 28)
    fees = sum(_lines(_text(fee), 30) + 0.3 for fee in channel.get("fees") or [] if isinstance(fee, dict))
    under = sum(_lines(_text(channel.get(key)), FULL - 6) for key in ("note", "description"))
    return max(time, fees, 1) + under + 0.6


def _document_lines(document: Any) -> float:
    if not isinstance(document, dict):
        return 0
    form = document.get("form")
    parts = [_lines(_text(document.get("name")), 64), _lines(_text(document.get("note")), 64)]
    for one in form if isinstance(form, list) else [form]:  # a row may list several forms
        if isinstance(one, dict):  # in the table and in the list of forms
            parts.append(_lines(_text(one.get("title")), 64) + _lines(_text(one), FULL))
    return sum(parts) + 0.4


def estimate_lines(data: dict[str, Any]) -> float:
    """Wrapped 12 pt lines the sheet needs for ``data`` (a raw catalogue record)."""
    lines = TITLE_LINES + FIXED_LINES + FEEDBACK_LINES
    lines += _list_lines(data.get("steps"), FULL - 4)
    lines += sum(_channel_lines(c) for c in data.get("channels") or [])
    lines += sum(_document_lines(d) for d in data.get("documents") or [])
    facts = ("competent_authority", "receiving_address", "authorized_agency", "coordinating_agency")
    for key in ("applicants", "agency", *facts, "result", "conditions", "online", "decision"):
        lines += _list_lines(data.get(key), 52, 0.4)
    lines += _list_lines(data.get("legal_basis"), FULL - 10)
    lines += _list_lines(data.get("fees"), FULL - 4) if isinstance(data.get("fees"), list) else 0
    return lines


def estimate_pages(data: dict[str, Any]) -> int:
    return max(1, math.ceil(estimate_lines(data) / LINES_PER_PAGE))


def check_posting_length(doc: SourceFile) -> Iterator[Problem]:
    """Warn when the posting sheet would need more than 2 A4 pages (W010)."""
    if not isinstance(doc.data, dict):
        return
    try:
        pages = estimate_pages(doc.data)
    except (TypeError, ValueError):  # a malformed record is reported by the shape checks
        return
    if pages > MAX_PAGES:
        yield Context(doc).problem("W010", (), pages=pages)
