"""``stats import`` reads, merges and writes the month files under the province's lock, as ``import`` does:
while another run holds it, the import waits, then refuses with nothing written; a dry run takes no lock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.output import lock
from generator.output.lock import Busy, data_lock
from generator.stats.run import import_statistics

AS_OF = dt.date(2026, 2, 28)


def test_import_waits_for_the_province_lock_then_refuses(
    province: Path, known_csv: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.3)
    with data_lock(province):
        with pytest.raises(Busy, match="thư mục tỉnh"):
            import_statistics([known_csv], province, as_of=AS_OF)
        assert not (province / "statistics").exists()  # nothing half-written
        dry = import_statistics([known_csv], province, as_of=AS_OF, dry_run=True)
        assert dry.changed and not (province / "statistics").exists()
    assert "đang đợi một lần chạy khác" in capsys.readouterr().err
    done = import_statistics([known_csv], province, as_of=AS_OF)
    assert sorted(p.name for p in (province / "statistics").glob("*.csv")) == [f"{m}.csv" for m in done.months]
