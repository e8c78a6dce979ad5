"""The one date a run stamps on its output: never "now", so the same data gives the same bytes."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from generator.model.types import ProvinceData

FALLBACK = dt.date(2025, 7, 1)  # the day the two-level local government began


def data_date(provinces: Iterable[ProvinceData]) -> dt.date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the newest update or decision date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    dates = [d for p in provinces for proc in p.procedures.values() for d in (proc.updated, proc.decision.date) if d]
    return max(dates, default=FALLBACK)


def print_day() -> dt.date:
    """The day of printing: SOURCE_DATE_EPOCH when set (reproducible runs), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def posting_line(posted_on: dt.date | None, printed: dt.date, given: bool) -> str:
    """The date a sheet carries, labelled as what it is: the date given for the posting (``posters --date``),
    else the commune's ``posted_on``, else the day of printing ("Ngày in"), never a date from the data."""
    day = printed if given or posted_on is None else posted_on
    text = f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"Niêm yết ngày {text}" if given or posted_on is not None else f"Ngày in {text}"


@contextmanager
def source_date_epoch(day: dt.date) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH for tools that read it (MkDocs' sitemap), unless the caller already did."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
