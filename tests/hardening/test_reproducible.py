"""Two runs on the same data give byte-identical site and posters; SOURCE_DATE_EPOCH is honoured."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from generator.posters.build import PosterOptions, build_posters
from generator.site.build import build_site
from tests.kit.paths import SAMPLE
from tests.kit.trees import tree_digest

EPOCH = "1767225600"  # 2026-01-01 00:00:00 UTC


def test_site_is_byte_identical_across_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_site(SAMPLE, tmp_path / "a")
    build_site(SAMPLE, tmp_path / "b")
    first, second = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert len(first) > 50
    assert first == second
    assert "<lastmod>2025-07-01</lastmod>" in (tmp_path / "a" / "sitemap.xml").read_text(encoding="utf-8")


def test_site_honours_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    build_site(SAMPLE, tmp_path / "site", search=False)
    assert "<lastmod>2026-01-01</lastmod>" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_posters_are_byte_identical_and_dated_by_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    options = PosterOptions(communes=("xa-cam-lam",), progress=False)
    build_posters(SAMPLE, tmp_path / "a", options)
    build_posters(SAMPLE, tmp_path / "b", options)
    first, second = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert len(first) >= 5
    assert first == second
    sheet = tmp_path / "a" / "khanh-hoa" / "xa-cam-lam" / "1.001193.pdf"
    text = subprocess.run(["pdftotext", str(sheet), "-"], check=True, capture_output=True, text=True).stdout
    assert "Niêm yết ngày 15/07/2025" in text  # the commune's posted_on, not the day of printing
    info = subprocess.run(["pdfinfo", "-isodates", str(sheet)], check=True, capture_output=True, text=True).stdout
    dates = [line.split()[-1] for line in info.splitlines() if line.startswith(("CreationDate", "ModDate"))]
    assert len(dates) == 2 and all(d.startswith(dt.date(2026, 1, 1).isoformat()) for d in dates)
