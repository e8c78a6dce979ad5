"""Re-import is an update: what the export holds is replaced, what the province added is kept.

Kept from the file on disk: ``local_code``, ``online``, ``updated``, ``forms``, a procedure-level
``fees`` block, a hand-written ``decision.date``/``decision.title`` (while the decision number is
the same), every ``note`` (matched to the same document, channel row or fee), and a form's
``file``/``url``. Everything the export gives (``EXPORT_KEYS``) comes from the new export; a key it
no longer gives is removed.
"""

from __future__ import annotations

from typing import Any

from generator.importer.yamlout import ORDER
from generator.text.decisions import decision_number

# Every key of a catalogue file except what the province writes itself (the module docstring).
PROVINCE_KEYS = frozenset({"local_code", "decision", "forms", "fees", "online", "updated"})
EXPORT_KEYS = frozenset(ORDER) - PROVINCE_KEYS


def _by(items: Any, key: Any) -> dict[Any, dict[str, Any]]:
    out: dict[Any, dict[str, Any]] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            out.setdefault(key(item), item)
    return out


def _keep(new: dict[str, Any], old: dict[str, Any] | None, keys: tuple[str, ...]) -> None:
    for key in keys:
        if old and key in old and key not in new:
            new[key] = old[key]


def _forms(new: Any, old: Any) -> Any:
    olds = _by(old if isinstance(old, list) else [old], lambda f: f.get("title"))
    items = new if isinstance(new, list) else [new]
    for form in items:
        _keep(form, olds.get(form.get("title")), ("file", "url"))
    return new


def _channel_keys(rows: Any) -> list[tuple[Any, Any, int]]:
    """(method, description, n): the n-th row of that method and description (rows that differ only by
    time limit or fee share a description, and are matched in order)."""
    seen: dict[tuple[Any, Any], int] = {}
    keys = []
    for c in rows if isinstance(rows, list) else []:
        pair = (c.get("method"), c.get("description")) if isinstance(c, dict) else (None, None)
        seen[pair] = seen.get(pair, 0) + 1
        keys.append((*pair, seen[pair]))
    return keys


def _channels(new: list[dict[str, Any]], old: Any) -> None:
    """Notes kept; a time limit or fee the office wrote where the export's cell is empty is kept too."""
    olds = dict(zip(_channel_keys(old), old if isinstance(old, list) else [], strict=False))
    for row, key in zip(new, _channel_keys(new), strict=True):
        before = olds.get(key)
        if not isinstance(before, dict):
            continue
        _keep(row, before, ("note", "time_limit", "fees"))
        if isinstance(row.get("time_limit"), dict) and isinstance(before.get("time_limit"), dict):
            _keep(row["time_limit"], before["time_limit"], ("note",))
        old_fees = _by(before.get("fees"), lambda f: f.get("name"))
        fees = row.get("fees")
        for fee in fees if isinstance(fees, list) else []:  # "fees: Không" has no lines
            _keep(fee, old_fees.get(fee.get("name")), ("note",))


def _documents(new: list[dict[str, Any]], old: Any) -> None:
    olds = _by(old, lambda d: d.get("name"))
    for doc in new:
        before = olds.get(doc.get("name"))
        if not before:
            continue
        _keep(doc, before, ("note",))
        if "form" in doc and "form" in before:
            doc["form"] = _forms(doc["form"], before["form"])
        elif "form" in before:
            doc["form"] = before["form"]


def _number(decision: Any) -> Any:
    number = decision.get("number") if isinstance(decision, dict) else None
    return decision_number(number) if isinstance(number, str) else number


def _decision(merged: dict[str, Any], old: Any) -> None:
    """A hand-written date and title stay while the number is the same, whatever prefix either wrote
    ("Quyết định số 6375/QĐ-BQP" is 6375/QĐ-BQP); a new decision's date is not the old one's."""
    if not isinstance(old, dict):
        return
    decision = dict(merged.get("decision") or {})
    if "number" not in decision or _number(decision) == _number(old):
        _keep(decision, old, ("number", "date", "title"))
    merged["decision"] = decision


def merge(new: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    """The record to write: ``new`` from the export, with the province's additions from ``old``."""
    if not old:
        return new
    merged = dict(new)
    for key, item in old.items():
        if key not in EXPORT_KEYS and key != "decision" and key not in merged:
            merged[key] = item
    _decision(merged, old.get("decision"))
    _channels(merged.get("channels", []), old.get("channels"))
    _documents(merged.get("documents", []), old.get("documents"))
    if any("form" in d for d in merged.get("documents", []) if isinstance(d, dict)):
        merged.pop("forms", None)  # the export (or a form kept on a document) now names a form
    return merged
