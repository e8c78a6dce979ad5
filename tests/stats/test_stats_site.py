"""Kết quả giải quyết hồ sơ on the built site (issue 21): the known-answer export (tests/stats/known.py) imported,
the site built, and its figures read back from the HTML: a commune's months with their import date, the oversight
table of the last month (over the threshold first), Biểu 06 in the open data byte for byte as ``stats report``
prints it; a commune or a month without a resolved file never shows 0 %."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import DataError
from generator.model.types import ProvinceData
from generator.pipeline import load_checked
from generator.site.build import build_site
from generator.site.gather import site_input
from generator.site.render import render_site
from generator.site.results import no_statistics
from generator.stats.report import figures
from generator.stats.store import read_months
from generator.stats.totals import commune_months
from tests.stats.known import EXPECTED, C
from tests.stats.test_stats_known import AS_OF

MONTHS = sorted(EXPECTED)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _commune_totals(commune: str, month: str) -> dict[str, int]:
    rows = [v for (c, _), v in EXPECTED[month].items() if c == commune]
    return {k: sum(r[k] for r in rows) for k in C}


def _expected_row(commune: str, month: str) -> str:
    t = _commune_totals(commune, month)
    if t["resolved"]:
        rate = f"{100 * t['late'] / t['resolved']:.1f}".replace(".", ",") + f" % ({t['late']}/{t['resolved']})"
    else:
        rate = "— chưa có hồ sơ đã giải quyết"
    apology = f" ({t['late_no_apology']} chưa có thư xin lỗi)" if t["late_no_apology"] else ""
    return (
        f"{month[5:]}/{month[:4]} đến 28/02/2026 {t['received']} trực tiếp {t['received_in_person']}, trực tuyến "
        f"{t['received_online']}, bưu chính {t['received_post']} {t['carried_over']} {t['resolved']} trước hạn "
        f"{t['early']}, đúng hạn {t['on_time']}, quá hạn {t['late']}{apology} {t['pending']} ({t['pending_overdue']}) "
        f"{rate}{' vượt ngưỡng' if t['resolved'] and 100 * t['late'] / t['resolved'] > 25 else ''} {t['over_posted']}"
    )


def _rows(page: str, table: int = 0) -> list[str]:
    body = page.split("<tbody>")[1 + table].split("</tbody>")[0]
    return [_text(r) for r in re.findall(r"<tr>.*?</tr>", body, re.S)]


def _section(page: str) -> str:
    return page.split('id="ket-qua-giai-quyet-ho-so"')[1].split("<h2")[0]


def test_commune_pages_show_the_known_figures_month_by_month(known_site: Path) -> None:
    for commune in ("xa-an-binh", "phuong-dong-lam"):
        section = _section((known_site / "xa" / commune / "index.html").read_text(encoding="utf-8"))
        months = [m for m in reversed(MONTHS) if any(c == commune for c, _ in EXPECTED[m])]
        assert _rows(section) == [_expected_row(commune, m) for m in months]
        assert section.count("<rect") == sum(1 for m in months if _commune_totals(commune, m)["resolved"])


def test_commune_page_states_the_last_month_against_the_threshold(known_site: Path) -> None:
    an_binh = _text(_section((known_site / "xa/xa-an-binh/index.html").read_text(encoding="utf-8")))
    assert (
        "Tháng 02/2026 (số liệu đến 28/02/2026): tỷ lệ trễ hạn 50,0 % (1 quá hạn trên 2 hồ sơ đã giải quyết), "
        "vượt ngưỡng 25,0 %; đúng hạn và trước hạn 50,0 %; 0 hồ sơ hẹn trả dài hơn thời hạn đơn vị niêm yết."
    ) in an_binh
    dong_lam_html = _section((known_site / "xa/phuong-dong-lam/index.html").read_text(encoding="utf-8"))
    dong_lam = _text(dong_lam_html)
    assert "Tháng 02/2026 (số liệu đến 28/02/2026): chưa có hồ sơ đã giải quyết, nên chưa có tỷ lệ trễ hạn" in dong_lam
    figures_only = re.sub(r"<svg.*?</svg>", "", dong_lam_html, flags=re.S)  # the chart's axis starts at 0 %
    assert not re.search(r"(?<![\d,])0(,0)? %", _text(figures_only))  # 100,0 % in January, never 0 % in February


def test_oversight_page_lists_the_last_month_over_the_threshold_first(known_site: Path) -> None:
    page = (known_site / "tinh-hinh-cong-khai" / "index.html").read_text(encoding="utf-8")
    section = _section(page)
    assert "Tháng 02/2026 (số liệu đến 28/02/2026): 1 đơn vị có tỷ lệ trễ hạn vượt ngưỡng 25,0 %" in _text(section)
    assert _rows(section) == [
        "Xã An Bình 50,0 % (1/2) vượt ngưỡng 0 2 28/02/2026",
        "Phường Đồng Lâm — chưa có hồ sơ đã giải quyết 0 1 28/02/2026",
    ]
    for month in MONTHS:
        assert f'href="../du-lieu-mo/bieu-06/{month}.csv"' in section
        assert f'href="../du-lieu-mo/bieu-06/{month}.json"' in section


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_bieu_06_open_data_is_stats_report_byte_for_byte(
    known_site: Path, fmt: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    root = known_site.parent / "procedures"
    listed = (known_site / "du-lieu-mo" / "index.html").read_text(encoding="utf-8")
    for month in MONTHS:
        assert main(["stats", "report", str(root), "--month", month, "--format", fmt]) == 0
        printed = capsysbinary.readouterr().out
        assert (known_site / "du-lieu-mo" / "bieu-06" / f"{month}.{fmt}").read_bytes() == printed
        assert f'href="bieu-06/{month}.{fmt}"' in listed or f'href="../du-lieu-mo/bieu-06/{month}.{fmt}"' in listed


def _no_statistics_pages(data: ProvinceData) -> dict[str, str]:
    files = render_site(site_input(data, statistics=no_statistics(data))).files
    return {p: b.decode("utf-8") for p, b in files.items() if isinstance(b, bytes) and p.endswith(".md")}


def test_without_statistics_every_commune_says_so_and_no_rate_is_shown(root: Path) -> None:
    data = load_checked(root).provinces[0]
    pages = _no_statistics_pages(data)
    for slug in data.communes:
        section = pages[f"xa/{slug}/index.md"].split("## Kết quả giải quyết hồ sơ")[1]
        assert "Chưa có số liệu kết quả giải quyết hồ sơ của đơn vị này" in section and "%" not in section
    oversight = pages["tinh-hinh-cong-khai/index.md"].split("## Kết quả giải quyết hồ sơ")[1]
    assert "Chưa có số liệu kết quả giải quyết hồ sơ" in oversight and "bieu-06" not in oversight
    assert not any("bieu-06" in path for path in render_site(site_input(data)).files)


def test_the_builds_sums_are_the_reports_own(known_csv: Path, province: Path) -> None:
    from generator.stats.run import import_statistics

    import_statistics([known_csv], province, as_of=AS_OF)
    months, problems = read_months(province, "x")
    assert commune_months(province, "x") == (figures(months, by_procedure=False), []) and problems == []


def test_a_month_file_edited_by_hand_stops_the_build_with_its_line(known_csv: Path, province: Path, root: Path) -> None:
    from generator.stats.run import import_statistics

    import_statistics([known_csv], province, as_of=AS_OF)
    path = province / "statistics" / "2026-01.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",5,3,1,1,", ",năm,3,1,1,"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_site(root, root.parent / "site")
    assert [(p.code, p.path, p.line) for p in caught.value.problems] == [
        ("E212", f"{province}/statistics/2026-01.csv", 3)
    ]
    assert not (root.parent / "site").exists()


def test_preview_shows_a_month_file_edited_by_hand_as_an_error_page(
    known_csv: Path, province: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.site.serve import refresh
    from generator.stats.run import import_statistics

    import_statistics([known_csv], province, as_of=AS_OF)
    docs = root.parent / "docs"
    assert refresh(root, docs)
    path = province / "statistics" / "2026-01.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",5,3,1,1,", ",năm,3,1,1,"), encoding="utf-8")
    assert not refresh(root, docs)
    assert "E212" in (docs / "xa" / "xa-an-binh" / "index.md").read_text(encoding="utf-8")
    assert "2026-01.csv:3:1: error E212" in capsys.readouterr().err
