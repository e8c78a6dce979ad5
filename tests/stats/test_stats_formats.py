"""The same known export in every accepted shape gives the same month files: UTF-8 with BOM and semicolons,
XLSX with date cells and Excel serials, Vietnamese register headers in any case and without diacritics, a
province's own header; a register without status or channel counts returned files as resolved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.stats.run import import_statistics
from tests.kit.stats import csv_bytes, write, xlsx_bytes
from tests.stats.known import FILES, HEADER

AS_OF = dt.date(2026, 2, 28)


def _months(province: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((province / "statistics").glob("*.csv"))}


def _reference(tmp_path: Path, province: Path) -> dict[str, str]:
    import_statistics([write(tmp_path / "ref.csv", csv_bytes(HEADER, FILES))], province, as_of=AS_OF)
    months = _months(province)
    for path in (province / "statistics").glob("*.csv"):
        path.unlink()
    return months


def _as_datetime(cell: object) -> object:
    if isinstance(cell, str) and len(cell) == 14 and cell.isdigit():
        return dt.datetime.strptime(cell, "%Y%m%d%H%M%S")
    return cell


def test_bom_and_semicolons(tmp_path: Path, province: Path) -> None:
    expected = _reference(tmp_path, province)
    export = write(tmp_path / "bom.csv", csv_bytes(HEADER, FILES, encoding="utf-8-sig", delimiter=";"))
    import_statistics([export], province, as_of=AS_OF)
    assert _months(province) == expected


def test_xlsx_with_date_cells_and_serials(tmp_path: Path, province: Path) -> None:
    expected = _reference(tmp_path, province)
    rows = []
    for i, row in enumerate(FILES):
        cells: list[object] = [_as_datetime(c) for c in row]
        if i % 2:  # every other row: the receipt as a bare Excel serial number, not a date cell
            received = cells[4]
            if isinstance(received, dt.datetime):
                delta = received - dt.datetime(1899, 12, 30)
                cells[4] = delta.days + delta.seconds / 86400
        rows.append(cells)
    export = write(tmp_path / "ho-so.xlsx", xlsx_bytes(HEADER, rows))
    import_statistics([export], province, as_of=AS_OF)
    assert _months(province) == expected


def test_register_headers_and_dates(tmp_path: Path, province: Path) -> None:
    expected = _reference(tmp_path, province)
    header = [
        "MÃ HỒ SƠ",
        "ma thu tuc",
        "Tên thủ tục",
        "Kênh thực hiện",
        "Ngày tiếp nhận",
        "Ngày hẹn trả",
        "Ngày kết thúc xử lý",
        "Ngày trả",
        "Trạng thái",
        "Đơn vị xử lý",
        *HEADER[10:],
    ]
    rows = []
    for row in FILES:
        cells = list(row)
        for i in (4, 5, 6, 7):
            if cells[i]:
                cells[i] = dt.datetime.strptime(str(cells[i]), "%Y%m%d%H%M%S").strftime("%d/%m/%Y %H:%M:%S")
        rows.append(cells)
    import_statistics([write(tmp_path / "so.csv", csv_bytes(header, rows))], province, as_of=AS_OF)
    assert _months(province) == expected


def test_register_without_status_counts_returned_files_as_resolved(tmp_path: Path, province: Path) -> None:
    header = [
        "STT",
        "Mã hồ sơ",
        "Mã thủ tục",
        "Trích yếu",
        "Chủ hồ sơ",
        "Ngày tiếp nhận",
        "Ngày hẹn trả",
        "Ngày trả",
        "Đơn vị xử lý",
    ]
    rows = [
        [1, "S1", "1.001193", "x", "y", "05/01/2026 08:00", "08/01/2026", "07/01/2026 10:00", "UBND xã An Bình"],
        [2, "S2", "1.001193", "x", "y", "06/01/2026 08:00", "09/01/2026", "", "UBND xã An Bình"],
    ]
    import_statistics([write(tmp_path / "so.csv", csv_bytes(header, rows))], province, as_of=AS_OF)
    january = (province / "statistics" / "2026-01.csv").read_text(encoding="utf-8").splitlines()
    # received 2 (no channel column: no split), resolved 1 early, pending 1 overdue (due 09/01 < 31/01)
    assert january[1] == "xa-an-binh,1.001193,2,0,0,0,0,1,1,0,0,,1,1,0,2026-02-28"


def test_a_cell_in_another_form_late_in_the_file_reads_the_file_as_text(
    tmp_path: Path, province: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader first types the national sync's forms itself; one ISO date or a channel in words, even in the
    last row, sends the whole file through the text path, with the same figures."""
    from generator.stats import read

    texts: list[str] = []
    real = read.typed_select
    monkeypatch.setattr(read, "typed_select", lambda *a: texts.append("text") or real(*a))
    expected = _reference(tmp_path, province)
    durations = {p.name: p.read_bytes() for p in (province / "statistics" / "durations").glob("*.csv")}
    assert texts == []  # the known export is all in the sync's forms: typed by the reader
    rows = [list(r) for r in FILES]
    rows[-1][4] = dt.datetime.strptime(str(rows[-1][4]), "%Y%m%d%H%M%S").isoformat(sep=" ")
    rows[-2][3] = "Trực tiếp"
    import_statistics([write(tmp_path / "mixed.csv", csv_bytes(HEADER, rows))], province, as_of=AS_OF)
    assert texts == ["text"]
    assert _months(province) == expected
    assert {p.name: p.read_bytes() for p in (province / "statistics" / "durations").glob("*.csv")} == durations
