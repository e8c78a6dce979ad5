"""The duration files (statistics/durations/<YYYY-MM>.csv): known working days from receipt to end per commune,
procedure and month of the end date; byte-stable and sorted; re-import replaces the same months and communes as
the month files; the procedure's median and 90th percentile over the window, only from ``MINIMUM`` files."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.stats.durations import COLUMNS, MINIMUM, procedure_durations, quantile
from generator.stats.run import import_statistics
from tests.kit.stats import csv_bytes, write
from tests.kit.trees import tree_digest
from tests.stats.known import EXPECTED_DURATIONS, HEADER, P1, P2, row

D = dt.datetime
AS_OF = dt.date(2026, 2, 28)


def _durations(province: Path) -> dict[str, dict[tuple[str, str], dict[int, int]]]:
    out: dict[str, dict[tuple[str, str], dict[int, int]]] = {}
    for path in sorted((province / "statistics" / "durations").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            month = out.setdefault(path.stem, {})
            for r in csv.DictReader(handle):
                month.setdefault((r["commune"], r["procedure"]), {})[int(r["working_days"])] = int(r["files"])
    return out


def test_duration_files_hold_exactly_the_known_working_days(known_csv: Path, province: Path) -> None:
    summary = import_statistics([known_csv], province, as_of=AS_OF)
    assert _durations(province) == EXPECTED_DURATIONS
    assert "durations/2026-01" in summary.changed


def test_duration_file_is_sorted_by_number_and_names_its_columns(known_csv: Path, province: Path) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    text = (province / "statistics" / "durations" / "2026-01.csv").read_text(encoding="utf-8")
    assert text == (
        ",".join(COLUMNS) + "\n"
        "phuong-dong-lam,1.001193,4,1,2026-02-28\n"
        "phuong-dong-lam,1.001193,5,1,2026-02-28\n"
        "xa-an-binh,1.001193,2,1,2026-02-28\n"
        "xa-an-binh,1.001193,4,2,2026-02-28\n"
        "xa-an-binh,2.000815,1,1,2026-02-28\n"
    )
    assert (province / "statistics" / "durations" / "2025-12.csv").read_text(encoding="utf-8") == ",".join(
        COLUMNS
    ) + "\n"


def test_reimport_replaces_only_the_communes_and_months_it_covers(
    known_csv: Path, tmp_path: Path, province: Path
) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    first = tree_digest(province)
    import_statistics([known_csv], province, as_of=AS_OF)
    assert tree_digest(province) == first  # the same export twice: the same bytes
    # Phường Đồng Lâm's own register for January: one file received on 02/01 (a day off), ended 20/01
    own = [row("HS-B9", P1, 1, D(2026, 1, 2, 8), D(2026, 1, 30), D(2026, 1, 20, 9), None, 9, "Phường Đồng Lâm")]
    export = write(tmp_path / "dong-lam.csv", csv_bytes(HEADER, own))
    summary = import_statistics([export], province, as_of=dt.date(2026, 1, 31))
    assert summary.communes == ["phuong-dong-lam"]
    after = _durations(province)
    # 02/01 is a day off; 05-09, Sat 10, 12-16, 19, 20 = 13 working days after it
    assert after["2026-01"][("phuong-dong-lam", P1)] == {13: 1}
    assert after["2026-01"][("xa-an-binh", P1)] == {2: 1, 4: 2}  # the neighbour stays
    assert after["2026-02"] == EXPECTED_DURATIONS["2026-02"]  # a month the export does not cover stays


def test_a_hand_edited_duration_file_stops_the_import(known_csv: Path, province: Path) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    path = province / "statistics" / "durations" / "2026-02.csv"
    path.write_text(path.read_text(encoding="utf-8") + "xa-khac,1.001193,ba,1,2026-02-28\n", encoding="utf-8")
    month = (province / "statistics" / "2026-02.csv").read_text(encoding="utf-8")
    with pytest.raises(DataError) as caught:
        import_statistics([known_csv], province, as_of=AS_OF)
    assert [p.code for p in caught.value.problems] == ["E212"]
    assert (province / "statistics" / "2026-02.csv").read_text(encoding="utf-8") == month  # nothing written


@pytest.mark.parametrize(
    ("histogram", "median", "p90"),
    [
        ({3: 20}, 3, 3),
        ({1: 10, 5: 10}, 1, 5),  # the 10th of 20 took 1 day: half took no longer
        ({1: 9, 5: 11}, 5, 5),
        ({2: 18, 9: 1, 30: 1}, 2, 2),  # the 18th of 20 is the 90th percentile
        ({2: 17, 9: 2, 30: 1}, 2, 9),
    ],
)
def test_quantiles_by_nearest_rank(histogram: dict[int, int], median: int, p90: int) -> None:
    assert (quantile(histogram, 50), quantile(histogram, 90)) == (median, p90)


def test_procedure_figures_sum_communes_and_months_and_need_the_minimum(province: Path) -> None:
    folder = province / "statistics" / "durations"
    header = ",".join(COLUMNS)
    # 2025-01 falls outside the 12 months ending 2026-02: not counted
    write(folder / "2025-01.csv", f"{header}\nxa-an-binh,{P1},40,50,2025-01-31\n".encode())
    write(
        folder / "2025-12.csv", f"{header}\nxa-an-binh,{P1},2,7,2026-01-31\nxa-an-binh,{P2},1,3,2026-01-31\n".encode()
    )
    write(
        folder / "2026-02.csv",
        f"{header}\nphuong-dong-lam,{P1},3,10,2026-02-28\nxa-an-binh,{P1},7,3,2026-02-28\n".encode(),
    )
    found = procedure_durations(province)
    assert found is not None
    one = found[P1]
    assert (one.files, one.median, one.p90, one.enough) == (MINIMUM, 3, 7, True)
    assert (one.first_month, one.last_month, one.as_of) == ("2025-12", "2026-02", "2026-02-28")
    two = found[P2]
    assert (two.files, two.median, two.p90, two.enough) == (3, None, None, False)
    assert procedure_durations(province.parent / "khong-co") is None
    assert one.period == "tháng 12/2025 đến tháng 02/2026" and one.as_of_label == "28/02/2026"


def test_duration_files_equal_a_count_made_file_by_file_in_python(tmp_path: Path) -> None:
    """The SQL histogram against a plain Python count of the same generated export: each resolved file (9, 10)
    of a matched commune and known procedure, ended by the export date, its working days from receipt to end by
    the province's calendar (``WorkCalendar``, the day of receipt not counted), in the month of its end."""
    from collections import Counter

    from generator.stats.calendar import load_calendar
    from generator.stats.run import load_province
    from generator.stats.units import match_units
    from generator.synth.province import synthesize

    export = tmp_path / "ho-so.csv"
    synthesize(tmp_path / "data", 5, 20, seed=5, export=export, files=5_000)
    province = tmp_path / "data" / "tinh-gia-lap"
    summary = import_statistics([export], province)
    assert summary.as_of is not None
    data = load_province(province)
    calendar, _ = load_calendar(province, "calendar.yaml")
    with export.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    communes = match_units(sorted({r["DonViXuLy"] for r in rows}), data)
    days = dict(calendar.working_days(dt.date(2020, 1, 1), summary.as_of))

    def day(text: str) -> dt.date:
        return dt.datetime.strptime(text, "%Y%m%d%H%M%S").date()

    expected: Counter[tuple[str, str, str, int]] = Counter()
    for r in rows:
        if (
            r["TrangThaiHoSo"] not in ("9", "10")
            or r["DonViXuLy"] not in communes
            or r["MaTTHC"] not in data.procedures
        ):
            continue
        start, end = day(r["NgayTiepNhan"]), day(r["NgayKetThucXuLy"] or r["NgayTra"])
        if end > summary.as_of:
            continue
        taken = sum(days[start + dt.timedelta(days=i)] for i in range(1, (end - start).days + 1))
        expected[(end.strftime("%Y-%m"), communes[r["DonViXuLy"]], r["MaTTHC"], taken)] += 1
    got = {
        (month, commune, code, days_taken): files
        for month, histograms in _durations(province).items()
        for (commune, code), histogram in histograms.items()
        for days_taken, files in histogram.items()
    }
    assert sum(expected.values()) > 1000
    assert got == dict(expected)
