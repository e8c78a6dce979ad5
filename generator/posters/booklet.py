"""Contexts of a commune's booklet pages other than the procedure bodies.

The booklet (tập niêm yết) opens with the list of the commune's procedures (danh mục) grouped by
field: code, name, time limit, fee and online level as this commune posts them, and ends with the
feedback (PAKN) sheet. The list is per commune (its procedures and overlays); the PAKN sheet is
the province's, rendered once and shared.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model.resolve import CommuneProcedure
from generator.model.types import Channel, Procedure, row_labels


@dataclass(frozen=True)
class ListRow:
    number: int
    code: str
    name: str
    time_limit: str
    fee: str
    online: str


@dataclass(frozen=True)
class SectorSection:
    name: str
    rows: tuple[ListRow, ...]


def _per_channel(channels: tuple[Channel, ...], values: list[str]) -> str:
    """One value when every channel agrees, else "Trực tiếp (1): …; Trực tiếp (2): …; Trực tuyến: …"."""
    if len(set(values)) <= 1:
        return values[0] if values else "Không"
    return "; ".join(f"{label}: {v}" for label, v in zip(row_labels(channels), values, strict=True))


def _fee(channels: tuple[Channel, ...]) -> str:
    return _per_channel(channels, [", ".join(f.shown for f in ch.fees) or ch.no_fee_label for ch in channels])


def list_sections(
    procedures: Iterable[CommuneProcedure], memo: dict[object, tuple[str, str]] | None = None
) -> tuple[SectorSection, ...]:
    """The danh mục of a commune, in the order ``commune_procedures`` yields (field, then name).

    ``memo`` keeps a row's time and fee cells by ``distinct_key`` across the communes of a run (most
    communes post most procedures unchanged); leave it out for a single list."""
    memo = {} if memo is None else memo
    sections: dict[str, list[ListRow]] = {}
    for number, cp in enumerate(procedures, start=1):
        key = (id(cp.procedure), cp.distinct_key)
        if key not in memo:
            memo[key] = _cells(cp.procedure, cp.channels)
        time_limit, fee = memo[key]
        proc = cp.procedure
        row = ListRow(number, proc.code, proc.name, time_limit, fee, proc.online.label)
        sections.setdefault(proc.sector, []).append(row)
    return tuple(SectorSection(name, tuple(rows)) for name, rows in sections.items())


#: A list cell longer than this many characters is cut at a word, saying where the whole text is: the list is
#: the booklet's index, and a fee schedule of 2,000 characters (real records have them) would make one row
#: several landscape pages tall; the procedure's own sheet keeps every word.
LIST_CELL_MAX = 240
CUT_NOTE = " … (đầy đủ ở tờ thủ tục)"


def list_cell(text: str) -> str:
    """``text``, or its first words up to ``LIST_CELL_MAX`` characters followed by ``CUT_NOTE``."""
    if len(text) <= LIST_CELL_MAX:
        return text
    head = text[:LIST_CELL_MAX]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;:") + CUT_NOTE


def _cells(proc: Procedure, channels: tuple[Channel, ...]) -> tuple[str, str]:
    """The time and fee cells of a row (each cut by ``list_cell``)."""
    times = _per_channel(channels, [ch.time_limit.label for ch in channels])
    return list_cell(times), list_cell(_fee(channels))


def published_row(proc: Procedure) -> ListRow:
    """The row as the province published it (no commune's shorter time), unnumbered (0)."""
    time_limit, fee = _cells(proc, proc.channels)
    return ListRow(0, proc.code, proc.name, time_limit, fee, proc.online.label)
