"""Print the report: text (one line per commune, details indented), JSON, CSV, GitHub annotations.

The CSV and JSON here are also the site's open data files, so the command and the page agree by
construction. Dates are ISO; the completeness figure is a number with a dot in CSV/JSON
(``85.7``) and with a decimal comma in text (``85,7 %``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from generator.oversight.compute import CommuneStatus, Item, ProvinceOversight
from generator.problems.formats import escape_github

FORMATS = ("text", "json", "csv", "github")
CSV_COLUMNS = (
    "tinh",
    "ma_xa",
    "ten_xa",
    "so_thu_tuc_cap_xa",
    "so_da_niem_yet",
    "muc_day_du",
    "so_thieu",
    "thieu",
    "khong_con_trong_danh_muc",
    "diem_rieng_cua_xa",
    "truc_tuyen_chua_co_dia_chi",
    "du_lieu_thay_doi",
    "ngay_niem_yet",
    "thay_doi_sau_niem_yet",
)
_CHANGED = {True: "có", False: "không", None: ""}


def _codes(items: Iterable[Item]) -> str:
    return "; ".join(i.code for i in items)


def _date(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def csv_row(province: ProvinceOversight, c: CommuneStatus) -> dict[str, str]:
    values = (
        province.slug,
        c.slug,
        c.name,
        str(c.expected),
        str(c.listed),
        f"{c.percent:.1f}",
        str(len(c.missing)),
        _codes(c.missing),
        _codes(c.not_current),
        "; ".join(f"{d.code}: {', '.join(d.what)}" for d in c.local),
        _codes(c.no_online_address),
        _date(c.last_changed),
        _date(c.posted_on),
        _CHANGED[c.changed_since_posted],
    )
    return dict(zip(CSV_COLUMNS, values, strict=True))


def json_row(province: ProvinceOversight, c: CommuneStatus) -> dict[str, Any]:
    return {
        "province": province.slug,
        "commune": c.slug,
        "name": c.name,
        "expected": c.expected,
        "listed": c.listed,
        "completeness": c.percent,
        "missing": [{"code": i.code, "name": i.name} for i in c.missing],
        "not_current": [i.code for i in c.not_current],
        "local_differences": [{"code": d.code, "name": d.name, "what": list(d.what)} for d in c.local],
        "online_without_address": [{"code": i.code, "name": i.name} for i in c.no_online_address],
        "last_changed": _date(c.last_changed) or None,
        "posted_on": _date(c.posted_on) or None,
        "changed_since_posted": c.changed_since_posted,
    }


def to_csv(reports: Iterable[ProvinceOversight]) -> str:
    from generator.output.serialise import csv_text  # the open data's CSV, with its spreadsheet-formula guard

    return csv_text((csv_row(r, c) for r in reports for c in r.communes), CSV_COLUMNS)


def to_json(reports: Iterable[ProvinceOversight]) -> str:
    rows = [json_row(r, c) for r in reports for c in r.communes]
    return json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _named(items: Iterable[Item]) -> str:
    return "; ".join(f"{i.code} {i.name}".strip() for i in items)


def _text_commune(c: CommuneStatus) -> list[str]:
    changed = {True: " (đã thay đổi sau ngày niêm yết)", False: "", None: ""}[c.changed_since_posted]
    head = (
        f"{c.slug}: {c.name}: {c.percent_label} ({c.listed}/{c.expected}); thiếu {len(c.missing)}, "
        f"không còn trong danh mục {len(c.not_current)}, điểm riêng {len(c.local)}, "
        f"trực tuyến chưa có địa chỉ {len(c.no_online_address)}; "
        f"dữ liệu thay đổi {_date(c.last_changed) or 'chưa rõ'}, niêm yết {_date(c.posted_on) or 'chưa ghi'}{changed}"
    )
    details = [
        ("thiếu", _named(c.missing)),
        ("không còn trong danh mục", _codes(c.not_current)),
        ("điểm riêng", "; ".join(f"{d.code} ({', '.join(d.what)})" for d in c.local)),
        ("trực tuyến chưa có địa chỉ", _named(c.no_online_address)),
    ]
    return [head] + [f"    {label}: {text}" for label, text in details if text]


def to_text(reports: Iterable[ProvinceOversight]) -> str:
    lines: list[str] = []
    for r in reports:
        lines.append(f"{r.name}: {r.complete}/{len(r.communes)} xã niêm yết đủ {r.expected} thủ tục cấp xã")
        for c in r.communes:
            lines += _text_commune(c)
    return "\n".join(lines)


def _annotation(level: str, path: str, line: int, title: str, message: str) -> str:
    props = f"file={escape_github(path, True)},line={line},title={escape_github(title, True)}"
    return f"::{level} {props}::{escape_github(message)}"


def to_github(reports: Iterable[ProvinceOversight], lines: dict[str, int]) -> str:
    """A warning per missing or no-longer-current code on the commune file, a notice with the figure."""
    out: list[str] = []
    for r in reports:
        for c in r.communes:
            line = lines.get(c.source, 1)
            for i in c.missing:
                out.append(
                    _annotation("warning", c.source, line, "Thiếu thủ tục", f"{c.name} chưa niêm yết {i.code} {i.name}")
                )
            for i in c.not_current:
                message = f"{c.name} vẫn liệt kê {i.code}, mã không còn trong danh mục"
                out.append(_annotation("warning", c.source, line, "Không còn trong danh mục", message))
            figure = f"{c.name}: mức đầy đủ {c.percent_label} ({c.listed}/{c.expected})"
            out.append(_annotation("notice", c.source, line, "Mức đầy đủ", figure))
    return "\n".join(out)


def render(reports: list[ProvinceOversight], fmt: str, lines: dict[str, int]) -> str:
    if fmt == "json":
        return to_json(reports)
    if fmt == "csv":
        return to_csv(reports)
    if fmt == "github":
        return to_github(reports, lines)
    return to_text(reports)
