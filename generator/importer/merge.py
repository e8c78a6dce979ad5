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


def _channel_key(c: dict[str, Any]) -> tuple[Any, Any]:
    return c.get("method"), c.get("description")


def _channels(new: list[dict[str, Any]], old: Any) -> None:
    olds = _by(old, _channel_key)
    for row in new:
        before = olds.get(_channel_key(row))
        if not before:
            continue
        _keep(row, before, ("note",))
        if isinstance(row.get("time_limit"), dict) and isinstance(before.get("time_limit"), dict):
            _keep(row["time_limit"], before["time_limit"], ("note",))
        old_fees = _by(before.get("fees"), lambda f: f.get("name"))
        for fee in row.get("fees") or []:
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


def merge(new: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    """The record to write: ``new`` from the export, with the province's additions from ``old``."""
    if not old:
        return new
    merged = dict(new)
    for key, item in old.items():
        if key not in EXPORT_KEYS and key != "decision" and key not in merged:
            merged[key] = item
    old_decision = old.get("decision")
    if isinstance(old_decision, dict):
        decision = dict(merged.get("decision") or {})
        if decision.get("number", old_decision.get("number")) == old_decision.get("number"):
            _keep(decision, old_decision, ("number", "date", "title"))  # a new decision's date is not the old one's
        merged["decision"] = decision
    _channels(merged.get("channels", []), old.get("channels"))
    _documents(merged.get("documents", []), old.get("documents"))
    return merged
