"""The known-answer export: every file written out with the figures it must give (see the comments), for the
province in tests/stats/province/tinh-thu (Xã An Bình by unit code, Phường Đồng Lâm by name; 1.001193 in person
3 working days, online without a number; 2.000815 in person 2 days, online 4 hours, by post 10 working days;
Phường Đồng Lâm posts 1.001193 in person in 2 working days; calendar.yaml: 2 January 2026 off, Saturday
10 January worked)."""

from __future__ import annotations

import datetime as dt

from tests.kit.stats import PERSONAL, SYNC_HEADER, stamp

D = dt.datetime
AN_BINH = "000.00.01.H99"  # matched by unit_code
DONG_LAM = "Ủy ban nhân dân Phường Dong Lam"  # matched by name, no diacritics, long prefix
P1, P2 = "1.001193", "2.000815"
HEADER = (*SYNC_HEADER, "Đã gửi thư xin lỗi")
# Planted in every personal column of every row: must appear nowhere niemyet writes or prints.
PLANTED = {
    "ChuHoSo": "Nguyễn Thị Bí Mật",
    "SoGiayToChuHoSo": "079123456789",
    "SoDienThoai": "0909123456",
    "Email": "bi.mat@example.invalid",
    "DiaChi": "Số 99 ngõ Riêng Tư",
    "TrichYeuHoSo": "Hồ sơ riêng tư XYZQ",
    "DinhDanhCHS": "CCCD-ZZ-777",
}


def row(code, proc, channel, received, due, finished, returned, status, unit, apology=""):  # type: ignore[no-untyped-def]
    personal = [f"{PLANTED[c]} {code}" for c in PERSONAL]
    return [
        code,
        proc,
        "Tên thủ tục",
        channel,
        stamp(received),
        stamp(due),
        stamp(finished),
        stamp(returned),
        status,
        unit,
        *personal,
        apology,
    ]


FILES = [
    # A1 received 29/12/2025, due 05/01, ended 06/01: Dec received; Jan carried over, resolved late
    row("HS-A1", P1, 1, D(2025, 12, 29, 9), D(2026, 1, 5), D(2026, 1, 6, 9), D(2026, 1, 7, 9), 10, AN_BINH),
    # A2 received Fri 09/01 16:00; 3 working days: Sat 10/01 (worked), Mon 12, Tue 13 → due 13/01 is within
    row("HS-A2", P1, 1, D(2026, 1, 9, 16), D(2026, 1, 13), D(2026, 1, 12, 8), D(2026, 1, 13, 8), 10, AN_BINH),
    # A3 received 31/12/2025, due 07/01 (within: 01/01 holiday, 02/01 off by calendar.yaml), still processing
    row("HS-A3", P1, 1, D(2025, 12, 31, 10), D(2026, 1, 7), None, None, 4, AN_BINH),
    # A4 withdrawn: counts as on time
    row("HS-A4", P1, 1, D(2026, 1, 6, 8), D(2026, 1, 9), D(2026, 1, 7, 8), None, 7, AN_BINH),
    # A5 received Thu 08/01 14:00; limit ends Mon 12/01 (Sat 10/01 worked) → due 13/01 is longer than posted
    row("HS-A5", P1, 1, D(2026, 1, 8, 14), D(2026, 1, 13), D(2026, 1, 13, 15), D(2026, 1, 13, 16), 10, AN_BINH),
    # A6 online: no number posted, never over; resolved 02/02 before its due date (early)
    row("HS-A6", P1, 2, D(2026, 1, 19, 9), D(2026, 3, 31), D(2026, 2, 2, 9), None, 9, AN_BINH),
    # A7 2 days from Thu 29/01 → Sat 31/01, a day off → Mon 02/02; due 02/02 within; ended 03/02 late
    row("HS-A7", P2, 1, D(2026, 1, 29, 10), D(2026, 2, 2), D(2026, 2, 3, 9), D(2026, 2, 3, 10), 10, AN_BINH),
    # A8 online 4 hours from Fri 16/01 15:00 → Mon 19/01 09:00; due 20/01 is longer than posted; ended 19/01
    row("HS-A8", P2, 2, D(2026, 1, 16, 15), D(2026, 1, 20), D(2026, 1, 19, 9), None, 10, AN_BINH),
    # A9 not accepted (3): never counted
    row("HS-A9", P2, 3, D(2026, 1, 5, 8), D(2026, 1, 19), None, None, 3, AN_BINH),
    # A10 registered only (1): no receipt, never counted
    row("HS-A10", P1, 1, None, None, None, None, 1, AN_BINH),
    # A11 by post: 1.001193 posts no post channel, so no limit; supplement requested (5): pending; overdue in Feb
    row("HS-A11", P1, 3, D(2026, 1, 20, 9), D(2026, 2, 20), None, None, 5, AN_BINH),
    # B1 the commune posts 2 working days: 13, 14 → due 15/01 longer than posted; late without apology letter
    row("HS-B1", P1, 1, D(2026, 1, 12, 8), D(2026, 1, 15), D(2026, 1, 16, 8), D(2026, 1, 16, 9), 10, DONG_LAM, "0"),
    # B2 late with an apology letter
    row("HS-B2", P1, 1, D(2026, 1, 13, 8), D(2026, 1, 15), D(2026, 1, 20, 8), D(2026, 1, 20, 9), 10, DONG_LAM, "1"),
    # B4 received 03/02, 2 days → 05/02 within; pending, overdue at the end of February
    row("HS-B4", P2, 1, D(2026, 2, 3, 8), D(2026, 2, 5), None, None, 2, DONG_LAM),
    # not counted: an unknown unit and an unknown code (listed as W200, W201)
    row("HS-X1", P1, 1, D(2026, 1, 5, 8), D(2026, 1, 8), None, None, 4, "UBND xã Không Có"),
    row("HS-X2", "1.999999", 1, D(2026, 1, 5, 8), D(2026, 1, 8), None, None, 4, AN_BINH),
]

C = (
    "received",
    "received_in_person",
    "received_online",
    "received_post",
    "carried_over",
    "resolved",
    "early",
    "on_time",
    "late",
    "late_no_apology",
    "pending",
    "pending_overdue",
    "over_posted",
)


def expect(*values: int) -> dict[str, int]:
    return dict(zip(C, values, strict=True))


# month → (commune, procedure) → figures, as_of 28/02/2026
EXPECTED = {
    "2025-12": {
        ("xa-an-binh", P1): expect(2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0),
    },
    "2026-01": {
        ("phuong-dong-lam", P1): expect(2, 2, 0, 0, 0, 2, 0, 0, 2, 1, 0, 0, 1),
        ("xa-an-binh", P1): expect(5, 3, 1, 1, 2, 4, 1, 2, 1, 0, 3, 1, 1),
        ("xa-an-binh", P2): expect(2, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1),
    },
    "2026-02": {
        ("phuong-dong-lam", P2): expect(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0),
        ("xa-an-binh", P1): expect(0, 0, 0, 0, 3, 1, 1, 0, 0, 0, 2, 2, 0),
        ("xa-an-binh", P2): expect(0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0),
    },
}

# The duration files (statistics/durations/<YYYY-MM>.csv): month of the end date → (commune, procedure) → working
# days from receipt to end (the day of receipt not counted) → files; resolved files (9, 10) only, not A4 (withdrawn).
# A1 29/12 → 06/01: 30, 31/12, 05, 06/01 (01/01 holiday, 02/01 off) = 4; A2 Fri 09/01 → 12/01: Sat 10 (worked),
# Mon 12 = 2; A5 08/01 → 13/01: 09, 10, 12, 13 = 4; A8 16/01 → 19/01 = 1; B1 12/01 → 16/01 = 4; B2 13/01 → 20/01 = 5;
# A6 19/01 → 02/02 = 10; A7 29/01 → 03/02: 30/01, 02, 03/02 = 3.
EXPECTED_DURATIONS = {
    "2025-12": {},
    "2026-01": {
        ("phuong-dong-lam", P1): {4: 1, 5: 1},
        ("xa-an-binh", P1): {2: 1, 4: 2},
        ("xa-an-binh", P2): {1: 1},
    },
    "2026-02": {
        ("xa-an-binh", P1): {10: 1},
        ("xa-an-binh", P2): {3: 1},
    },
}
