"""``niemyet stats report``: the committed aggregates per commune and month, or per commune and procedure.

Rates name their base: late rate = late ÷ resolved, on-time rate = (early + on time) ÷ resolved, in percent with
one decimal (half up); without a resolved file there is no rate (None, never 0 %).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from generator.stats.store import COUNTS, StatRow, read_months


def percent(part: int, whole: int) -> float | None:
    if whole == 0:
        return None
    return float((Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Figures:
    """One row of the report: a commune and a month, with a procedure code when ``--by procedure``."""

    commune: str
    month: str
    procedure: str
    counts: dict[str, int | None]
    as_of: str

    @property
    def late_rate(self) -> float | None:
        return percent(self.counts["late"] or 0, self.counts["resolved"] or 0)

    @property
    def on_time_rate(self) -> float | None:
        c = self.counts
        return percent((c["early"] or 0) + (c["on_time"] or 0), c["resolved"] or 0)

    def over(self, threshold: float) -> bool:
        rate = self.late_rate
        return rate is not None and rate > threshold


def _sum(rows: list[StatRow]) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for name in COUNTS:
        values = [getattr(r, name) for r in rows]
        out[name] = None if all(v is None for v in values) else sum(v or 0 for v in values)
    return out


def figures(months: dict[str, list[StatRow]], by_procedure: bool) -> list[Figures]:
    out = []
    for month in sorted(months):
        groups: dict[tuple[str, str], list[StatRow]] = {}
        for r in months[month]:
            groups.setdefault((r.commune, r.procedure if by_procedure else ""), []).append(r)
        for (commune, proc), rows in sorted(groups.items()):
            out.append(Figures(commune, month, proc, _sum(rows), max(r.as_of for r in rows)))
    return out


@dataclass(frozen=True)
class ProvinceResults:
    slug: str
    name: str
    folder: str  # as displayed, for annotations on the month files
    threshold: float
    names: dict[str, str]  # commune slug → name
    rows: tuple[Figures, ...]
    lines: dict[tuple[str, str], int]  # (month, commune) → line of its first row in the month file

    @property
    def over(self) -> tuple[Figures, ...]:
        return tuple(r for r in self.rows if r.over(self.threshold))


@dataclass(frozen=True)
class Results:
    provinces: tuple[ProvinceResults, ...]

    @property
    def over(self) -> bool:
        return any(p.over for p in self.provinces)


def _lines(rows: list[StatRow]) -> dict[str, int]:
    out: dict[str, int] = {}
    for number, r in enumerate(sorted(rows, key=lambda r: (r.commune, r.procedure)), start=2):
        out.setdefault(r.commune, number)
    return out


def load_report(root: Path, month: dt.date | None, by_procedure: bool, threshold: float | None) -> Results:
    """Check ``root`` (errors stop the report), then read every province's month files."""
    from generator.errors import DataError
    from generator.pipeline import load_checked

    loaded = load_checked(root)
    out, problems = [], []
    for data, src in zip(loaded.provinces, loaded.result.tree.provinces, strict=True):
        months, found = read_months(Path(src.folder), src.folder)
        problems += found
        if month is not None:
            months = {k: v for k, v in months.items() if k == month.strftime("%Y-%m")}
        lines = {(m, c): n for m, rows in months.items() for c, n in _lines(rows).items()}
        names = {c.slug: c.name for c in data.communes.values()}
        limit = threshold if threshold is not None else data.province.late_threshold
        out.append(
            ProvinceResults(
                data.province.slug,
                data.province.name,
                src.folder,
                limit,
                names,
                tuple(figures(months, by_procedure)),
                lines,
            )
        )
    if problems:
        raise DataError(problems)
    return Results(tuple(out))
