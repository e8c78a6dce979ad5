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
