"""Shared by the statistics tests: a copy of the test province (tests/stats/province/tinh-thu) in a temporary
folder, and the known-answer export (tests/stats/known.py) written beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.kit.stats import csv_bytes, write
from tests.stats.known import FILES, HEADER

PROVINCE = Path(__file__).resolve().parent / "province"


@pytest.fixture(autouse=True)
def model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The province model cache of ``stats import`` (stats/cache.py) in the test's own folder."""
    monkeypatch.setenv("NIEMYET_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """``tmp/procedures`` with the province ``tinh-thu`` in it."""
    target = tmp_path / "procedures"
    shutil.copytree(PROVINCE, target)
    return target


@pytest.fixture
def province(root: Path) -> Path:
    return root / "tinh-thu"


@pytest.fixture
def known_csv(tmp_path: Path) -> Path:
    return write(tmp_path / "xuat" / "ho-so.csv", csv_bytes(HEADER, FILES))
