"""The province model kept between imports (stats/cache.py): used when nothing changed, checked again after any
edit, never stored when the province has errors, and off with NIEMYET_CACHE=off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.pipeline import DataHasErrors
from generator.stats import run
from generator.stats.run import import_statistics

AS_OF = dt.date(2026, 2, 28)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = run.load_province

    def counted(folder: Path):  # type: ignore[no-untyped-def]
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr(run, "load_province", counted)
    return calls


def test_second_import_uses_the_cached_model_and_gives_the_same_files(
    known_csv: Path, province: Path, loads: list[Path], model_cache: Path
) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    first = {p: p.read_bytes() for p in sorted((province / "statistics").rglob("*.csv"))}
    assert len(loads) == 1 and len(list(model_cache.glob("import-*.pickle"))) == 1
    import_statistics([known_csv], province, as_of=AS_OF)  # the import's own statistics files do not count
    assert len(loads) == 1
    assert {p: p.read_bytes() for p in sorted((province / "statistics").rglob("*.csv"))} == first


def test_an_edit_is_checked_again(known_csv: Path, province: Path, loads: list[Path]) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    commune = next((province / "communes").glob("*.yaml"))
    commune.write_text(commune.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    import_statistics([known_csv], province, as_of=AS_OF)
    assert len(loads) == 2
    commune.write_text(commune.read_text(encoding="utf-8") + "bad: [\n", encoding="utf-8")
    with pytest.raises((DataError, DataHasErrors)):
        import_statistics([known_csv], province, as_of=AS_OF)


def test_no_cache_when_off(
    known_csv: Path, province: Path, loads: list[Path], model_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NIEMYET_CACHE", "off")
    import_statistics([known_csv], province, as_of=AS_OF)
    import_statistics([known_csv], province, as_of=AS_OF)
    assert len(loads) == 2 and not model_cache.exists()
