"""Shared by the statistics tests: a copy of the test province (tests/stats/province/tinh-thu) in a temporary
folder, and the known-answer export (tests/stats/known.py) written beside it."""

from __future__ import annotations

import datetime as dt
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


@pytest.fixture(scope="session")
def known_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The known-answer export imported (as of 28/02/2026) into a copy of the test province, and its site built:
    ``<tmp>/procedures`` and ``<tmp>/site``."""
    from generator.site.build import build_site
    from generator.stats.run import import_statistics

    folder = tmp_path_factory.mktemp("known-site")
    shutil.copytree(PROVINCE, folder / "procedures")
    export = write(folder / "xuat" / "ho-so.csv", csv_bytes(HEADER, FILES))
    with pytest.MonkeyPatch.context() as patch:  # no model cache outside the test's folder (stats/cache.py)
        patch.setenv("NIEMYET_CACHE", "off")
        import_statistics([export], folder / "procedures" / "tinh-thu", as_of=dt.date(2026, 2, 28))
    build_site(folder / "procedures", folder / "site")
    return folder / "site"
