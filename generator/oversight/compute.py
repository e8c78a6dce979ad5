"""One row per commune: what it does not post, what it posts that is no longer current, its own
differences, online services without an address, and when its data last changed versus posted.

Definitions (written on the page and in ``--help`` too, from the constants below):

* commune-level procedure: a catalogue record whose ``level`` names "Cấp Xã" (any case; a level
  text such as "Cấp Tỉnh, Cấp Xã" is split on commas and semicolons);
* missing ("thiếu"): a commune-level procedure of the catalogue that the commune does not list;
* no longer current ("không còn trong danh mục"): a code the commune lists whose catalogue record
  is gone. The project keeps no status or "replaced by" key: a procedure the province abolishes is
  removed from ``catalogue/``; one it replaces is removed and the new one added under its own code,
  so the commune shows the old code here and the new one as missing. ``check`` reports such a code
  as E140; ``report`` still runs. A record re-published under the same code is a change of data,
  seen in "changed since posted";
* completeness: listed commune-level procedures ÷ commune-level procedures of the catalogue,
  rounded *down* to 0.1 % so that 100 % means nothing is missing; an empty catalogue scores 100 %;
* a commune's data changes when its own file or the catalogue file of any procedure it lists
  changes (dates of the last commit, from git); "changed since posted" = that date is after
  ``posted_on``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from generator.model.types import Commune, Overlay, Procedure, ProvinceData
from generator.text.labels import METHOD_LABELS
from generator.text.levels import commune_handles

FORMULA = (
    "Mức đầy đủ = số thủ tục cấp xã trong danh mục của tỉnh mà xã có niêm yết ÷ tổng số thủ tục cấp xã "
    "trong danh mục × 100 %, làm tròn xuống đến 0,1 % (chỉ xã niêm yết đủ mới đạt 100 %). Mã không còn "
    "trong danh mục và thủ tục không thuộc cấp xã không được tính; danh mục không có thủ tục cấp xã nào thì "
    "mọi xã đạt 100 %."
)
NOT_CURRENT = (
    "Không còn trong danh mục: xã vẫn liệt kê một mã mà tệp danh mục của tỉnh không còn (thủ tục đã bãi bỏ, "
    "hoặc đã được thay bằng thủ tục mang mã mới: mã mới khi đó hiện ở cột thiếu)."
)
CHANGED = (
    "Dữ liệu thay đổi: ngày của lần commit gần nhất sửa tệp của xã hoặc tệp danh mục của một thủ tục xã "
    "liệt kê. Thay đổi sau ngày niêm yết (posted_on) nghĩa là tờ niêm yết tại xã có thể đã cũ."
)


@dataclass(frozen=True)
class Item:
    """A procedure named in a row: its code and name ("" when the catalogue has no record)."""

    code: str
    name: str


@dataclass(frozen=True)
class LocalDifference:
    """An overlay in force: what the commune says differently about one procedure."""

    code: str
    name: str
    what: tuple[str, ...]


@dataclass(frozen=True)
class CommuneStatus:
    slug: str
    name: str
    source: str
    expected: int
    listed: int
    missing: tuple[Item, ...]
    not_current: tuple[Item, ...]
    local: tuple[LocalDifference, ...]
    no_online_address: tuple[Item, ...]
    last_changed: dt.date | None
    posted_on: dt.date | None

    @property
    def permille(self) -> int:
        """Completeness in tenths of a percent, rounded down (1000 only when nothing is missing)."""
        return 1000 if self.expected == 0 else math.floor(1000 * self.listed / self.expected)

    @property
    def percent(self) -> float:
        return self.permille / 10

    @property
    def percent_label(self) -> str:
        """ "97,5 %" (Vietnamese decimal comma)."""
        return f"{self.permille // 10},{self.permille % 10} %"

    @property
    def changed_since_posted(self) -> bool | None:
        """None when either date is unknown."""
        if self.last_changed is None or self.posted_on is None:
            return None
        return self.last_changed > self.posted_on

    @property
    def has_gaps(self) -> bool:
        return bool(self.missing or self.not_current or self.no_online_address or self.changed_since_posted)


@dataclass(frozen=True)
class ProvinceOversight:
    slug: str
    name: str
    expected: int
    communes: tuple[CommuneStatus, ...]

    @property
    def complete(self) -> int:
        return sum(1 for c in self.communes if not c.missing)


def is_commune_level(proc: Procedure) -> bool:
    return commune_handles(list(proc.levels))


def _differences(overlay: Overlay) -> tuple[str, ...]:
    out = []
    if overlay.time_limit is not None:
        method = f" ({METHOD_LABELS[overlay.time_limit.method]})" if overlay.time_limit.method else ""
        out.append(f"thời hạn {overlay.time_limit.label}{method}")
    if overlay.online_url:
        out.append("liên kết trực tuyến của xã")
    if overlay.note:
        out.append("ghi chú của xã")
    return tuple(out)


def _needs_address(proc: Procedure, overlay: Overlay) -> bool:
    """An online service is known (a record without an online block has service "unknown", which is
    not one) but no URL reaches it."""
    if not proc.online.available:
        return False
    return not (overlay.online_url or proc.online.url)


def _last_changed(commune: Commune, procs: list[Procedure], changes: Mapping[str, dt.date]) -> dt.date | None:
    dates = [d for src in (commune.source, *(p.source for p in procs)) if (d := changes.get(src)) is not None]
    return max(dates, default=None)


def commune_status(
    data: ProvinceData, commune: Commune, expected: tuple[Procedure, ...], changes: Mapping[str, dt.date]
) -> CommuneStatus:
    """The row of one commune; ``expected`` are the catalogue's commune-level procedures, by code."""
    listed = {o.code: o for o in commune.overlays}
    known = [(data.procedures[o.code], o) for o in commune.overlays if o.code in data.procedures]
    return CommuneStatus(
        slug=commune.slug,
        name=commune.name,
        source=commune.source,
        expected=len(expected),
        listed=sum(1 for p in expected if p.code in listed),
        missing=tuple(Item(p.code, p.name) for p in expected if p.code not in listed),
        not_current=tuple(Item(o.code, "") for o in commune.overlays if o.code not in data.procedures),
        local=tuple(LocalDifference(p.code, p.name, _differences(o)) for p, o in known if not o.is_plain),
        no_online_address=tuple(Item(p.code, p.name) for p, o in known if _needs_address(p, o)),
        last_changed=_last_changed(commune, [p for p, _ in known], changes),
        posted_on=commune.posted_on,
    )


def province_oversight(data: ProvinceData, changes: Mapping[str, dt.date] | None = None) -> ProvinceOversight:
    """Every commune's row, by slug. ``changes`` maps a file's ``source`` (as in the model) to the
    date it last changed; without it (no git history) the dates of change are unknown."""
    expected = tuple(p for p in data.procedures.values() if is_commune_level(p))
    rows = tuple(commune_status(data, c, expected, changes or {}) for c in data.communes.values())
    return ProvinceOversight(slug=data.province.slug, name=data.province.name, expected=len(expected), communes=rows)
