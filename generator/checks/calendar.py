"""The province's calendar file: its shape, and the years of committed statistics it does not cover (W203).

``stats import`` computes appointments longer than posted with the days off of ``calendar.yaml`` over the
``holidays`` package's calendar, and warns (W202) when an export has files in a year the file does not list.
Here ``check`` says the same of what is committed: a ``statistics/<YYYY-MM>.csv`` in such a year.

Passing: ``years: [2026]`` and ``statistics/2026-01.csv``. Failing: ``statistics/2027-03.csv`` beside it, or
no calendar.yaml at all beside ``statistics/2026-01.csv``: W203 at the year's first month file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.load.tree import STATISTICS, ProvinceSource
from generator.problems import Problem, make
from generator.schema.definitions import CALENDAR
from generator.schema.types import Context


def check_calendar(source: ProvinceSource) -> Iterator[Problem]:
    """calendar.yaml against its spec, then W203 per uncovered year with month files (none when the calendar
    has errors: its years are not known)."""
    doc = source.calendar
    covered: set[int] = set()
    if doc is not None:
        if any(p.is_error for p in doc.problems) or not isinstance(doc.data, dict):
            return  # loading problems are reported with the file's; a file that does not load covers nothing known
        found = list(CALENDAR.check(doc.data, (), Context(doc)))
        yield from found
        if any(p.is_error for p in found):
            return
        covered = {y for y in _years(doc.data) if isinstance(y, int)}
    yield from _uncovered(source, covered)


def _years(data: dict[str, Any]) -> list[Any]:
    years = data.get("years")
    return years if isinstance(years, list) else []


def _uncovered(source: ProvinceSource, covered: set[int]) -> Iterator[Problem]:
    by_year: dict[int, list[str]] = {}
    for month in source.months:
        by_year.setdefault(int(month[:4]), []).append(month)
    for year, months in sorted(by_year.items()):
        if year not in covered:
            shown = f"{source.folder}/{STATISTICS}/{months[0]}.csv"
            yield make("W203", shown, (0, 0), year=year, months=len(months))
