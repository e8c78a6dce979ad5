"""A realistic per-file export of a one-stop system for a generated province (``niemyet synth --export``).

The national sync's columns (processing-results.md), personal ones included: names, ID numbers, phones, e-mail,
addresses and summaries, all made up and recognisable as such, so that privacy can be tested at scale (``stats
import`` must publish none of them). Receipts fall in working hours through one year; appointments follow the
procedure's posted limit for the channel, a few longer; most files end before or on their appointment, some late,
some are still open. Deterministic per seed; written as CSV (UTF-8), the way the sync's dates are written.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.stats.columns import PERSONAL_SYNC

HEADER = (
    "MaHoSo",
    "MaTTHC",
    "TenTTHC",
    "MaLinhVuc",
    "TenLinhVuc",
    "KenhThucHien",
    "NgayNopHoSo",
    "NgayTiepNhan",
    "NgayHenTra",
    "NgayKetThucXuLy",
    "NgayTra",
    "HinhThuc",
    "TrangThaiHoSo",
    "DonViXuLy",
    "DuocThanhToanTrucTuyen",
    "HoSoCoThanhPhanSoHoa",
    "DanhSachHoSoBoSung",
    *PERSONAL_SYNC,
)
CHANNELS = {"in_person": 1, "online": 2, "post": 3}
CHANNEL_WEIGHTS = (("in_person", 60), ("online", 36), ("post", 4))
STATUSES = ((10, 70), (9, 8), (7, 2), (4, 10), (5, 4), (2, 2), (1, 2), (3, 2))
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Thu", "Quang", "Hoài")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Khoa", "Lan", "Long", "Mai", "Nam", "Phúc")
STREETS = ("Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Lý Thường Kiệt", "Phan Bội Châu")
FMT = "%Y%m%d%H%M%S"


@dataclass(frozen=True)
class ExportProcedure:
    code: str
    name: str
    field: str
    days: dict[str, float]  # method → working days its appointment is set at (0: same day)


def export_procedures(procs: Sequence[dict[str, Any]]) -> list[ExportProcedure]:
    """The generated catalogue as the export needs it: each channel's limit in working days (text limits: 5)."""
    out = []
    for p in procs:
        days: dict[str, float] = {}
        for ch in p["channels"]:
            limit = ch["time_limit"]
            value = limit.get("value")
            unit = limit.get("unit")
            wd = (
                5.0
                if value is None
                else value
                if unit == "working_day"
                else value * 5 / 7
                if unit == "day"
                else value / 8
            )
            days[ch["method"]] = max(days.get(ch["method"], 0.0), wd)
        out.append(ExportProcedure(p["code"], p["name"], p["field"], days))
    return out


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([v for v, _ in pairs], weights=[w for _, w in pairs])[0]


def _working_day_after(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _person(rng: random.Random, i: int) -> list[str]:
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    ident = f"0{rng.randint(10, 99)}{rng.randint(100000000, 999999999)}"
    address = f"Số {rng.randint(1, 300)} đường {rng.choice(STREETS)}, tổ {rng.randint(1, 40)}"
    copies = rng.randint(1, 5)
    summary = f"Hồ sơ của ông/bà {name} đề nghị giải quyết thủ tục; kèm giấy tờ tùy thân số {ident} và {copies} bản sao"
    return [
        name,
        ident,
        f"09{rng.randint(10000000, 99999999)}",
        f"cong.dan.{i}@example.invalid",
        address,
        summary,
        f"ID{ident}",
    ]


def _supplements(rng: random.Random, received: dt.datetime, due: dt.date) -> str:
    """``DanhSachHoSoBoSung``: a supplementation round with its old and new appointment, as the sync sends it."""
    asked = received + dt.timedelta(days=rng.randint(1, 3))
    new_due = due + dt.timedelta(days=rng.randint(2, 7))
    return (
        f'[{{"NgayYeuCauBoSung":"{asked:%Y%m%d%H%M%S}","NgayHenTraCu":"{due:%Y%m%d}000000",'
        f'"NgayHenTraMoi":"{new_due:%Y%m%d}000000","NoiDungYeuCauBoSung":"Bổ sung bản sao giấy tờ còn thiếu"}}]'
    )


def rows(
    procs: Sequence[ExportProcedure], units: Sequence[str], files: int, year: int, seed: int
) -> Iterator[list[str]]:
    rng = random.Random(seed)
    start = dt.datetime(year, 1, 1, 7)
    # A few procedures take most files (civil status, certification), as at real counters; communes differ in size.
    proc_weights = [1 / (rank + 1) ** 1.2 for rank in range(len(procs))]
    unit_weights = [rng.lognormvariate(0, 0.6) for _ in units]
    picks = zip(
        rng.choices(range(len(procs)), weights=proc_weights, k=files),
        rng.choices(range(len(units)), weights=unit_weights, k=files),
        strict=True,
    )
    serial: dict[tuple[int, dt.date], int] = {}
    for i, (proc_index, unit_index) in enumerate(picks):
        proc = procs[proc_index]
        method = _weighted(rng, CHANNEL_WEIGHTS)
        method = method if method in proc.days else next(iter(proc.days))
        day = start.date() + dt.timedelta(days=rng.randrange(365))
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        received = dt.datetime.combine(day, dt.time(rng.choice((7, 8, 9, 10, 13, 14, 15, 16)), rng.randrange(60)))
        allowed = _working_day_after(day, int(proc.days[method]))
        due = _working_day_after(allowed, 2) if rng.random() < 0.03 else allowed  # a few longer than posted
        status = _weighted(rng, STATUSES)
        ended = ""
        returned = ""
        if status in (7, 9, 10):
            late = rng.random() < 0.1
            end_day = (
                _working_day_after(due, rng.randint(1, 5))
                if late
                else _working_day_after(day, rng.randint(0, max(0, (due - day).days)))
            )
            end_day = min(max(end_day, day), dt.date(year, 12, 31)) if not late else end_day
            end = dt.datetime.combine(end_day, dt.time(rng.randint(7, 16), rng.randrange(60)))
            ended = end.strftime(FMT)
            returned = (end + dt.timedelta(hours=rng.randint(1, 30))).strftime(FMT) if status == 10 else ""
        serial[unit_index, day] = number = serial.get((unit_index, day), 0) + 1
        code = f"000.{unit_index // 100:02d}.{unit_index % 100:02d}.H99-{received:%y%m%d}-{number:05d}"
        yield [
            code,
            proc.code,
            proc.name,
            "",
            proc.field,
            str(CHANNELS[method]),
            (received - dt.timedelta(hours=rng.randint(0, 48))).strftime(FMT),
            received.strftime(FMT) if status != 1 else "",
            due.strftime(FMT) if status != 1 else "",
            ended,
            returned,
            str(rng.randint(0, 1)),
            str(status),
            units[unit_index],
            str(rng.choice((0, 0, 1, 2))) if method == "online" else "0",
            str(int(rng.random() < 0.6)),
            _supplements(rng, received, due) if status == 5 or rng.random() < 0.03 else "",
            *_person(rng, i),
        ]


def write_export(
    path: Path,
    procs: Sequence[dict[str, Any]],
    communes: Sequence[tuple[str, str]],
    files: int,
    seed: int = 1,
    year: int = 2025,
) -> None:
    """``files`` rows for the communes ``(slug, name)`` (unit "UBND <name>") and the generated procedures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    units = [f"UBND {name}" for _, name in communes] or ["UBND Xã Không Có"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows(export_procedures(procs), units, files, year, seed))
