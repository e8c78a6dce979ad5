"""Working days: the ``holidays`` package's Vietnamese calendar, and the province's ``calendar.yaml`` that wins.

State agencies rest on Saturday and Sunday and on the public holidays (Bộ luật Lao động 2019 Điều 112, with the
make-up days of Điều 111 and the government's swaps). The package knows the fixed holidays, Tết and the swaps it
has been told of, but lags the notices (0.109 misses 2 January 2026 off and Saturday 10 January worked); the data's
``procedures/<province>/calendar.yaml`` lists days off and worked days, each with the notice it comes from, and
the years it covers::

    years: [2026]
    days_off:
      - {date: 2026-01-02, notice: "Thông báo ... về lịch nghỉ Tết Dương lịch 2026"}
    worked_days:
      - {date: 2026-01-10, notice: "..."}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.files import load_file
from generator.problems import Problem

CALENDAR_FILE = "calendar.yaml"


@dataclass(frozen=True)
class WorkCalendar:
    """Days off and worked days from the data file (they win), over the package's calendar."""

    days_off: dict[dt.date, str] = field(default_factory=dict)
    worked: dict[dt.date, str] = field(default_factory=dict)
    years: frozenset[int] = frozenset()
    source: str = ""

    def working_days(self, start: dt.date, end: dt.date) -> Iterator[tuple[dt.date, bool]]:
        """Each date from ``start`` to ``end`` (inclusive) and whether state agencies work on it."""
        import holidays  # ~0.1 s: only when statistics are computed

        package = holidays.country_holidays("VN", years=range(start.year, end.year + 1))
        day = start
        while day <= end:
            if day in self.worked:
                yield day, True
            elif day in self.days_off:
                yield day, False
            else:
                yield day, package.is_working_day(day)
            day += dt.timedelta(days=1)


def _days(data: Any, key: str) -> dict[dt.date, str]:
    out: dict[dt.date, str] = {}
    for entry in data.get(key) or []:
        day = entry["date"]
        out[day if isinstance(day, dt.date) else dt.date.fromisoformat(day)] = entry["notice"]
    return out


def load_calendar(folder: Path, shown: str) -> tuple[WorkCalendar, list[Problem]]:
    """The province's calendar file, checked against its spec; an empty calendar when there is none."""
    from generator.schema.definitions import CALENDAR
    from generator.schema.types import Context

    path = folder / CALENDAR_FILE
    if not path.exists():
        return WorkCalendar(), []
    doc = load_file(path, shown)
    problems = list(doc.problems)
    if doc.data is not None and not problems:
        problems += list(CALENDAR.check(doc.data, (), Context(doc)))
    if any(p.is_error for p in problems):
        return WorkCalendar(), problems
    data = doc.data
    years = frozenset(int(y) for y in data.get("years") or [])
    return WorkCalendar(_days(data, "days_off"), _days(data, "worked_days"), years, shown), problems


def uncovered_years(calendar: WorkCalendar, span: tuple[dt.date, dt.date], shown: str) -> list[Problem]:
    """W202 for each year with files that the calendar file does not cover (the package's calendar is used)."""
    from generator.problems import make

    years = range(span[0].year, span[1].year + 1)
    return [make("W202", shown, (0, 0), year=y) for y in years if y not in calendar.years]
