"""Vietnamese names of the data's enumerations, shared by messages, site and posters."""

from __future__ import annotations

METHOD_LABELS = {"in_person": "Trực tiếp", "online": "Trực tuyến", "post": "Qua dịch vụ bưu chính công ích"}
UNIT_LABELS = {"working_day": "ngày làm việc", "day": "ngày", "hour": "giờ"}
UNSTATED = "Chưa có thông tin"  # a part the record does not state (no online block W021, no fee W023)
SERVICE_LABELS = {
    "toan_trinh": "Toàn trình",
    "mot_phan": "Một phần",
    "none": "Không có dịch vụ trực tuyến",
    "unknown": UNSTATED,
}
HOURS_PER_UNIT = {"hour": 1.0, "working_day": 8.0, "day": 24.0}


def number_vi(value: float) -> str:
    """5 → "5", 0.5 → "0,5", 200000 → "200.000" (Vietnamese grouping and decimal comma)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".rstrip("0").replace(",", " ").replace(".", ",").replace(" ", ".")


def duration_vi(value: float, unit: str) -> str:
    """(5, "working_day") → "5 ngày làm việc"."""
    return f"{number_vi(value)} {UNIT_LABELS.get(unit, unit)}"
