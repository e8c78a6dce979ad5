"""The monthly results sheet's context: "Kết quả giải quyết hồ sơ tháng MM/YYYY" of one commune (issue 21).

From the committed aggregates (``statistics/<YYYY-MM>.csv``, rows per commune and procedure): the commune's
totals and one row per field (lĩnh vực, the procedure's ``sector``) with files in the month, in the order of the
province's fields (as the booklet's list). A commune without rows that month gets a sheet that says so, never
0 %. Rates name their base (the report's ``percent``: late ÷ resolved, half up, one decimal).

One page, always: a commune with 400 procedures in 30 fields does not fit 30 rows of 12 pt under the totals. The
rows are cut in a rule the sheet states: the fields with the most files (received + resolved + pending at the end
of the month; ties by the field order) keep their row, shown in the field order, and the rest are summed into one
last row "Các lĩnh vực khác (n lĩnh vực)", so the rows still add up to the totals. ``results_build`` starts with
``MAX_ROWS`` and, when the render runs past one page, cuts as many rows as its layout says do not fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from generator.model.types import ProvinceData
from generator.stats.formats import month_vi, percent_vi
from generator.stats.report import percent
from generator.stats.store import StatRow
from generator.text.labels import number_vi

#: Field rows tried first (each at least one line of 12 pt); fewer when the page overflows (results_build.py).
MAX_ROWS = 24
#: The row of procedures the catalogue no longer has (removed after the month was imported).
UNKNOWN_FIELD = "Thủ tục không còn trong danh mục"


@dataclass(frozen=True)
class Counts:
    """Sums of the month file's counts (a commune, a field, or the fields folded together)."""

    received: int = 0
    received_in_person: int = 0
    received_online: int = 0
    received_post: int = 0
    carried_over: int = 0
    resolved: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    pending: int = 0
    pending_overdue: int = 0
    over_posted: int = 0

    @property
    def shown(self) -> dict[str, str]:
        """Every count as printed: Vietnamese grouping ("1.234")."""
        return {name: number_vi(getattr(self, name)) for name in _FIGURES}

    @property
    def late_rate(self) -> str:
        """ "28,6 %" (late ÷ resolved); "—" without a resolved file (never 0 %)."""
        return percent_vi(percent(self.late, self.resolved))

    @property
    def on_time_rate(self) -> str:
        return percent_vi(percent(self.early + self.on_time, self.resolved))

    @property
    def weight(self) -> int:
        """How much a field's row says: the files it counts (received, resolved, pending at the month's end)."""
        return self.received + self.resolved + self.pending


_FIGURES = tuple(f.name for f in fields(Counts))  # the counts a sheet shows, in the month file's order


def add_up(rows: Iterable[StatRow | Counts]) -> Counts:
    sums = dict.fromkeys(_FIGURES, 0)
    for row in rows:
        for name in _FIGURES:
            sums[name] += getattr(row, name)
    return Counts(**sums)


@dataclass(frozen=True)
class FieldRow:
    name: str
    counts: Counts


@dataclass(frozen=True)
class ResultsSheet:
    """What the template shows; ``total`` None: no data for the commune that month."""

    commune: str
    slug: str
    month: str  # "01/2026"
    as_of: str  # "28/02/2026": the date the imported export ran to; "" when the province has no such month
    total: Counts | None
    rows: tuple[FieldRow, ...] = ()
    fields: int = 0  # fields with files in the month (rows before any cut)
    folded: int = 0  # fields summed into the last row ("Các lĩnh vực khác"), 0 when every field has its row


def date_vi(iso: str) -> str:
    """ "2026-02-28" → "28/02/2026"."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


def field_rows(data: ProvinceData, rows: Sequence[StatRow]) -> list[FieldRow]:
    """One row per field with files, in the province's field order; unknown codes last."""
    order = {group.name: n for n, group in enumerate(data.sectors.values())}
    groups: dict[str, list[StatRow]] = {}
    for r in rows:
        proc = data.procedures.get(r.procedure)
        groups.setdefault(proc.sector if proc else UNKNOWN_FIELD, []).append(r)
    named = sorted(groups, key=lambda name: order.get(name, len(order)))
    return [FieldRow(name, add_up(groups[name])) for name in named]


def cut(rows: Sequence[FieldRow], limit: int) -> tuple[tuple[FieldRow, ...], int]:
    """At most ``limit`` rows: the heaviest fields kept in their order, the rest folded into one last row;
    returns the rows and how many fields were folded."""
    if len(rows) <= limit:
        return tuple(rows), 0
    keep = max(limit - 1, 0)
    ranked = sorted(range(len(rows)), key=lambda i: (-rows[i].counts.weight, i))
    kept = set(ranked[:keep])
    rest = [r for i, r in enumerate(rows) if i not in kept]
    other = FieldRow(f"Các lĩnh vực khác ({len(rest)} lĩnh vực)", add_up(r.counts for r in rest))
    return (*(r for i, r in enumerate(rows) if i in kept), other), len(rest)


def results_sheet(
    data: ProvinceData, slug: str, month: str, rows: Sequence[StatRow], as_of: str, limit: int = MAX_ROWS
) -> ResultsSheet:
    """The sheet of commune ``slug`` for ``month`` (YYYY-MM) from its rows of the month file; ``as_of`` is the
    month file's date when the commune has no rows (its own rows' latest date otherwise)."""
    commune = data.communes[slug]
    mine = [r for r in rows if r.commune == slug]
    if not mine:
        return ResultsSheet(commune.name, slug, month_vi(month), date_vi(as_of), None)
    fields = field_rows(data, mine)
    kept, folded = cut(fields, limit)
    own = max(r.as_of for r in mine)
    return ResultsSheet(commune.name, slug, month_vi(month), date_vi(own), add_up(mine), kept, len(fields), folded)
