"""``compute.AGGREGATE`` (received and resolved grouped by their month, only open files spread over months) gives
exactly the figures of ``compute.REFERENCE`` (the definitions word for word, every file in every month it is
relevant to), on a generated export of a year with every status, several months open and a ``--from``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from generator.stats import compute, db, run
from generator.stats.run import import_statistics
from generator.synth.province import synthesize


@pytest.mark.parametrize("start", [None, dt.date(2025, 6, 1)])
def test_aggregate_equals_the_reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: dt.date | None) -> None:
    export = tmp_path / "ho-so.csv"
    synthesize(tmp_path / "data", 6, 25, seed=3, export=export, files=20_000)
    opened: list[Any] = []
    real = db.connect

    def keep() -> Any:
        opened.append(real())
        return opened[-1]

    monkeypatch.setattr(db, "connect", keep)
    summary = import_statistics([export], tmp_path / "data" / "tinh-gia-lap", start=start, dry_run=True)
    con = opened[0]
    last = {"last_index": len(summary.months) - 1}
    fast = sorted(con.execute(compute.AGGREGATE, run.keys(con, len(summary.months))).fetchall())
    reference = sorted(con.execute(compute.REFERENCE, last).fetchall())
    assert len(fast) > 1000
    assert fast == reference
