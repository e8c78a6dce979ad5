"""Resolve commune overlays: a view of one procedure as one commune posts it, without copying.

Cost grows with distinct content: ``distinct_key`` is the same for every commune whose overlay
changes nothing, so renderers can cache one body per distinct key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from generator.errors import UsageError
from generator.model.types import Channel, Commune, Overlay, Procedure, ProvinceData, TimeLimit
from generator.text.slug import sort_key


@dataclass(frozen=True)
class CommuneProcedure:
    """A procedure as posted by one commune: the province's content plus the commune's overlay."""

    procedure: Procedure
    overlay: Overlay
    commune: Commune

    @property
    def channels(self) -> tuple[Channel, ...]:
        """Channels with the commune's shorter committed time in place of the published one."""
        limit = self.overlay.time_limit
        if limit is None:
            return self.procedure.channels
        out = []
        for ch in self.procedure.channels:
            if limit.method in (None, ch.method):
                note = limit.note or f"Xã cam kết ngắn hơn thời hạn đã công bố ({ch.time_limit.label})."
                ch = replace(ch, time_limit=TimeLimit(value=limit.value, unit=limit.unit, note=note))
            out.append(ch)
        return tuple(out)

    @property
    def online_url(self) -> str:
        return self.overlay.online_url or self.procedure.online.url

    @property
    def has_local_difference(self) -> bool:
        return not self.overlay.is_plain

    @property
    def distinct_key(self) -> tuple[str, Overlay | None]:
        """Equal for every commune that posts this procedure unchanged."""
        return (self.procedure.code, None if self.overlay.is_plain else replace(self.overlay, code=""))


def commune_procedures(data: ProvinceData, commune: Commune) -> Iterator[CommuneProcedure]:
    """The commune's procedures in the order of the province's fields, then by name."""
    by_code = {o.code: o for o in commune.overlays}
    for group in data.sectors.values():
        for code in group.codes:
            if code in by_code:
                yield CommuneProcedure(data.procedures[code], by_code[code], commune)


def handling_index(data: ProvinceData) -> dict[str, list[Commune]]:
    """Where to file: code → the communes that list it, by name. One pass over all overlays."""
    index: dict[str, list[Commune]] = {code: [] for code in data.procedures}
    for commune in sorted(data.communes.values(), key=lambda c: sort_key(c.name)):
        for overlay in commune.overlays:
            index[overlay.code].append(commune)
    return index


class UnknownCommune(UsageError):
    """A ``--commune`` slug that no province has."""


def selected_pairs(provinces: list[ProvinceData], slugs: tuple[str, ...]) -> list[tuple[ProvinceData, Commune]]:
    """Each (province, commune) whose slug is in ``slugs`` (every commune when empty); UnknownCommune names
    the slugs that no province has."""
    pairs = [(p, c) for p in provinces for c in p.communes.values() if not slugs or c.slug in slugs]
    missing = set(slugs) - {c.slug for _, c in pairs}
    if missing:
        raise UnknownCommune(f"không có xã/phường: {', '.join(sorted(missing))}")
    return pairs
