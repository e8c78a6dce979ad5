"""What a commune may not do in its overlay: add documents, lengthen time limits, raise fees."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from generator.load import FieldPath, SourceFile
from generator.problems import Problem
from generator.schema.types import Context
from generator.text.labels import HOURS_PER_UNIT, METHOD_LABELS, duration_vi, number_vi


def _norm(name: Any) -> str:
    return unicodedata.normalize("NFC", str(name)).strip().lstrip("-– ").strip().casefold()


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _added_documents(ctx: Context, path: FieldPath, entry: dict[str, Any], proc: dict[str, Any]) -> Iterator[Problem]:
    known = {_norm(d.get("name")) for d in _list(proc.get("documents")) if isinstance(d, dict)}
    docs = entry["documents"]
    for j, item in enumerate(docs if isinstance(docs, list) else [docs]):
        name = item.get("name", "") if isinstance(item, dict) else item
        if _norm(name) not in known:
            sub = (*path, "documents", j) if isinstance(docs, list) else (*path, "documents")
            yield ctx.problem("E150", sub, document=name, code=proc.get("code"))


def _catalogue_fees(proc: dict[str, Any]) -> dict[str, int]:
    """The lowest published amount in đồng of each fee name, over the procedure block and every channel
    row: an overlay fee names no channel, so it applies to every row, and it raises the fee wherever a
    row publishes less. Amounts in another currency (USD) are not compared with đồng."""
    lines = [f for f in _list(proc.get("fees")) if isinstance(f, dict)]
    for channel in _list(proc.get("channels")):
        if isinstance(channel, dict):
            lines += [f for f in _list(channel.get("fees")) if isinstance(f, dict)]
    lowest: dict[str, int] = {}
    for fee in lines:
        amount = fee.get("amount")
        if isinstance(amount, int) and fee.get("currency", "VND") == "VND":
            key = _norm(fee.get("name", ""))
            lowest[key] = min(lowest.get(key, amount), amount)
    return lowest


def _raised_fees(ctx: Context, path: FieldPath, entry: dict[str, Any], proc: dict[str, Any]) -> Iterator[Problem]:
    lowest = _catalogue_fees(proc)
    for j, fee in enumerate(_list(entry["fees"])):
        if not isinstance(fee, dict) or not isinstance(fee.get("amount"), (int, float)):
            continue
        allowed = lowest.get(_norm(fee.get("name", "")), 0)
        if fee["amount"] > allowed:
            yield ctx.problem(
                "E152",
                (*path, "fees", j, "amount"),
                overlay=f"{number_vi(fee['amount'])} đồng",
                catalogue=f"{number_vi(allowed)} đồng",
                name=fee.get("name", ""),
            )


def _row_label(channel: dict[str, Any]) -> str:
    """ "Trực tiếp", or "Trực tiếp: Trường hợp 2" when the row has a description (several rows per method)."""
    label = METHOD_LABELS.get(channel.get("method", ""), str(channel.get("method")))
    return f"{label}: {channel['description']}" if channel.get("description") else label


def _longer_time(ctx: Context, path: FieldPath, entry: dict[str, Any], proc: dict[str, Any]) -> Iterator[Problem]:
    limit = entry["time_limit"]
    if not isinstance(limit, dict) or limit.get("unit") not in HOURS_PER_UNIT:
        return
    value = limit.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    channels = [c for c in _list(proc.get("channels")) if isinstance(c, dict)]
    method = limit.get("method")
    if method is not None:
        channels = [c for c in channels if c.get("method") == method]
        if not channels:
            yield ctx.problem("E154", (*path, "time_limit", "method"), code=proc.get("code"), method=method)
    unit = limit["unit"]
    for channel in channels:
        base = channel.get("time_limit")
        if not isinstance(base, dict):
            continue
        method_label = _row_label(channel)
        if not isinstance(base.get("value"), (int, float)):
            if "không quy định" not in _norm(base.get("text", "")):  # "Không quy định": any limit is shorter
                yield ctx.problem(
                    "E153",
                    (*path, "time_limit"),
                    overlay=duration_vi(value, unit),
                    catalogue=f'"{base.get("text", "")}"',
                    method=method_label,
                )
            continue
        shown: dict[str, Any] = {
            "overlay": duration_vi(value, unit),
            "catalogue": duration_vi(base["value"], base.get("unit", "")),
            "method": method_label,
        }
        if unit != base.get("unit") and unit != "hour":
            yield ctx.problem("E153", (*path, "time_limit", "unit"), **shown)
        elif value * HOURS_PER_UNIT[unit] > base["value"] * HOURS_PER_UNIT.get(base.get("unit", ""), 0):
            yield ctx.problem("E151", (*path, "time_limit", "value"), **shown)


def check_overlays(doc: SourceFile, catalogue: dict[str, dict[str, Any]]) -> Iterator[Problem]:
    """A commune overlay only shortens, links or notes, for every channel row it applies to.

    With several rows of one method (a case each), an overlay time limit for that method must be no
    longer than the shortest of them, and an overlay fee no higher than the lowest published.

    Passes: ``{code: "2.000815", time_limit: {value: 4, unit: hour, method: in_person}}``
    Fails:  ``documents: [Sổ hộ khẩu]`` (E150), a longer ``time_limit`` (E151), a higher fee (E152)
    """
    ctx = Context(doc)
    for i, entry in enumerate(_list(doc.data.get("procedures"))):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            continue
        proc = catalogue.get(entry["code"])
        if proc is None:
            continue
        path: FieldPath = ("procedures", i)
        if "documents" in entry:
            yield from _added_documents(ctx, path, entry, proc)
        if "fees" in entry:
            yield from _raised_fees(ctx, path, entry, proc)
        if "time_limit" in entry:
            yield from _longer_time(ctx, path, entry, proc)
