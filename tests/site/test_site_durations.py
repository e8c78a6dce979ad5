"""The procedure page says how long files really take (statistics/durations, issue 21): median and 90th
percentile in working days beside the posted limit, with the number of files, the months and the export date;
below the minimum it says so briefly, never 0; a province without figures shows nothing of it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.site.gather import gather
from generator.site.render import render_site
from generator.stats.run import import_statistics
from tests.kit.stats import csv_bytes, write
from tests.stats.known import FILES, HEADER, P1, P2, row

D = dt.datetime
STATS_PROVINCE = Path(__file__).resolve().parents[1] / "stats" / "province"


@pytest.fixture(autouse=True)
def _no_model_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIEMYET_CACHE", "off")


def _pages(root: Path) -> dict[str, str]:
    files = render_site(gather(root)).files
    return {path: body.decode("utf-8") for path, body in files.items() if isinstance(body, bytes)}


def _more(n: int, days: int) -> list[list[object]]:
    """``n`` files of 1.001193 at Xã An Bình received Mon 02/02/2026, ended ``days`` working days later."""
    end = D(2026, 2, 2, 8) + dt.timedelta(days=days + (2 if days >= 5 else 0))  # Sat 7, Sun 8/2 off
    return [row(f"HS-M{days}-{i}", P1, 1, D(2026, 2, 2, 8), end, end, None, 9, "000.00.01.H99") for i in range(n)]


def test_procedure_page_shows_median_and_90th_percentile(tmp_path: Path) -> None:
    root = tmp_path / "procedures"
    shutil.copytree(STATS_PROVINCE, root)
    # the known export's 6 resolved files of 1.001193 (2, 4, 4, 4, 5, 10 working days) and 20 more
    export = write(tmp_path / "ho-so.csv", csv_bytes(HEADER, [*FILES, *_more(12, 2), *_more(8, 4)]))
    import_statistics([export], root / "tinh-thu", as_of=dt.date(2026, 2, 28))
    pages = _pages(root)
    page = pages[f"thu-tuc/{P1}/index.md"]
    # 26 files: the 13th took 2 working days, the 24th (90 % of 26 is 23.4) 4
    assert "một nửa số hồ sơ xong trong <strong>2 ngày làm việc</strong>" in page
    assert "9/10 số hồ sơ xong trong <strong>4 ngày làm việc</strong>" in page
    assert "thời hạn niêm yết" in page
    assert "Tính trên 26 hồ sơ đã giải quyết xong" in page and "tháng 01/2026 đến tháng 02/2026" in page
    assert "Số liệu đến ngày 28/02/2026" in page and "chỉ nêu khi có từ 20 hồ sơ" in page
    # 2.000815: A7 and A8 only
    other = pages[f"thu-tuc/{P2}/index.md"]
    assert "chưa đủ số liệu (2 hồ sơ đã giải quyết, tháng 01/2026 đến tháng 02/2026; cần từ 20 hồ sơ)" in other
    assert "xong trong <strong>" not in other


def test_a_province_without_figures_shows_nothing_of_them(tmp_path: Path) -> None:
    root = tmp_path / "procedures"
    shutil.copytree(STATS_PROVINCE, root)
    assert not any("thực tế" in body for path, body in _pages(root).items() if path.startswith("thu-tuc/"))


def test_a_procedure_without_files_says_so(tmp_path: Path) -> None:
    root = tmp_path / "procedures"
    shutil.copytree(STATS_PROVINCE, root)
    export = write(tmp_path / "ho-so.csv", csv_bytes(HEADER, _more(3, 2)))
    import_statistics([export], root / "tinh-thu", as_of=dt.date(2026, 2, 28))
    page = _pages(root)[f"thu-tuc/{P2}/index.md"]
    assert "<strong>Thời gian giải quyết thực tế:</strong> chưa có số liệu." in page
