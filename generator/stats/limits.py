"""The posted time limit of each procedure and channel, and the communes' shorter ones, as rows for DuckDB.

A method with several rows (a case each) gets its most lenient row: which case a file was is not in the
export, so a file is only "longer than posted" when it is longer than every case allows. A row without a
number ("Không quy định", "Khác") gives no limit; a commune's committed time (overlay) replaces the rows of
its method (or of every method), as the commune posts it (generator.model.resolve).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.model.types import Channel, ProvinceData
from generator.text.labels import HOURS_PER_UNIT

CHANNELS = {"in_person": 1, "online": 2, "post": 3}  # KenhThucHien


@dataclass(frozen=True)
class Limit:
    commune: str | None  # None: the catalogue's
    procedure: str
    channel: int | None  # None: every channel (an overlay without a method)
    unit: str | None  # None: the row states no number
    value: float | None


def _lenient(rows: list[Channel]) -> tuple[str | None, float | None]:
    if any(r.time_limit.value is None or not r.time_limit.unit for r in rows):
        return None, None
    best = max(rows, key=lambda r: (r.time_limit.value or 0) * HOURS_PER_UNIT[r.time_limit.unit or "hour"])
    return best.time_limit.unit, best.time_limit.value


def posted_limits(data: ProvinceData) -> list[Limit]:
    out: list[Limit] = []
    for proc in data.procedures.values():
        for method, channel in CHANNELS.items():
            rows = [c for c in proc.channels if c.method == method]
            if rows:
                out.append(Limit(None, proc.code, channel, *_lenient(rows)))
    for commune in data.communes.values():
        for o in commune.overlays:
            if (own := o.time_limit) is not None:
                channel_of = CHANNELS[own.method] if own.method else None
                out.append(Limit(commune.slug, o.code, channel_of, own.unit, own.value))
    return out


def calendar_days_needed(limits: list[Limit]) -> int:
    """Calendar days after a receipt that cover the longest limit (weekends and Tết included, generously)."""
    longest = 0
    for lim in limits:
        if lim.value is None or lim.unit is None:
            continue
        days = lim.value if lim.unit == "day" else lim.value * HOURS_PER_UNIT[lim.unit] / 8 * 2
        longest = max(longest, math.ceil(days))
    return longest + 40
