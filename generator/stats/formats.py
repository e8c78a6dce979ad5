"""Print ``stats report``: text, JSON, CSV (the open data's table), GitHub annotations on the month files."""

from __future__ import annotations

import json
from typing import Any

from generator.problems.formats import escape_github
from generator.stats.report import Figures, ProvinceResults, Results

# The issue's keys, in Biểu 06's order; ``procedure`` only with --by procedure.
KEYS = (
    "commune",
    "month",
    "procedure",
    "received",
    "received_online",
    "received_in_person",
    "received_post",
    "carried_over",
    "resolved",
    "early",
    "on_time",
    "late",
    "late_no_apology",
    "pending",
    "pending_overdue",
    "late_rate",
    "on_time_rate",
    "over_posted",
    "as_of",
)


def _keys(by_procedure: bool) -> tuple[str, ...]:
    return ("province", *(k for k in KEYS if by_procedure or k != "procedure"))


def as_dict(p: ProvinceResults, f: Figures, by_procedure: bool) -> dict[str, Any]:
    values: dict[str, Any] = {"province": p.slug, "commune": f.commune, "month": f.month, "procedure": f.procedure}
    values.update(f.counts)
    values.update(late_rate=f.late_rate, on_time_rate=f.on_time_rate, as_of=f.as_of)
    return {k: values[k] for k in _keys(by_procedure)}


def _by_procedure(results: Results) -> bool:
    return any(f.procedure for p in results.provinces for f in p.rows)


def to_json(results: Results) -> str:
    by = _by_procedure(results)
    rows = [as_dict(p, f, by) for p in results.provinces for f in p.rows]
    return json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def to_csv(results: Results) -> str:
    from generator.output.serialise import csv_text

    by = _by_procedure(results)
    rows = (
        {k: "" if v is None else str(v) for k, v in as_dict(p, f, by).items()}
        for p in results.provinces
        for f in p.rows
    )
    return csv_text(rows, _keys(by))


def percent_vi(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + " %"


def month_vi(month: str) -> str:
    return f"{month[5:]}/{month[:4]}"


def _text_row(p: ProvinceResults, f: Figures) -> str:
    c = f.counts
    name = p.names.get(f.commune, f.commune)
    what = f"{f.commune}: {name}" + (f", thủ tục {f.procedure}" if f.procedure else "")
    rate = (
        f"tỷ lệ trễ hạn {percent_vi(f.late_rate)} của {c['resolved']} hồ sơ đã giải quyết"
        if f.late_rate is not None
        else "chưa có hồ sơ đã giải quyết"
    )
    apology = f", quá hạn chưa có thư xin lỗi {c['late_no_apology']}" if c["late_no_apology"] else ""
    flag = f" — VƯỢT NGƯỠNG {percent_vi(p.threshold)}" if f.over(p.threshold) else ""
    return (
        f"  {what}: tiếp nhận {c['received']} (trực tiếp {c['received_in_person']}, trực tuyến "
        f"{c['received_online']}, bưu chính {c['received_post']}), kỳ trước chuyển qua {c['carried_over']}; "
        f"đã giải quyết {c['resolved']} (trước hạn {c['early']}, đúng hạn {c['on_time']}, quá hạn {c['late']}"
        f"{apology}); đang giải quyết {c['pending']} (quá hạn {c['pending_overdue']}); {rate}; "
        f"hẹn dài hơn niêm yết {c['over_posted']}{flag}"
    )


def to_text(results: Results) -> str:
    lines: list[str] = []
    for p in results.provinces:
        if not p.rows:
            lines.append(f"{p.name}: chưa có số liệu kết quả giải quyết hồ sơ (statistics/).")
        for month in sorted({f.month for f in p.rows}):
            rows = [f for f in p.rows if f.month == month]
            as_of = max(f.as_of for f in rows)
            over = len({f.commune for f in rows if f.over(p.threshold)})
            lines.append(
                f"{p.name}, tháng {month_vi(month)} (số liệu đến {as_of}): {len({f.commune for f in rows})} xã có "
                f"hồ sơ, {over} xã có tỷ lệ trễ hạn vượt {percent_vi(p.threshold)}"
            )
            lines += [_text_row(p, f) for f in rows]
    return "\n".join(lines)


def _annotation(level: str, path: str, line: int, title: str, message: str) -> str:
    props = f"file={escape_github(path, True)},line={line},title={escape_github(title, True)}"
    return f"::{level} {props}::{escape_github(message)}"


def to_github(results: Results) -> str:
    out = []
    for p in results.provinces:
        for f in p.rows:
            path = f"{p.folder}/statistics/{f.month}.csv"
            line = p.lines.get((f.month, f.commune), 1)
            name = p.names.get(f.commune, f.commune) + (f", thủ tục {f.procedure}" if f.procedure else "")
            if f.over(p.threshold):
                message = (
                    f"{name} tháng {month_vi(f.month)}: tỷ lệ trễ hạn {percent_vi(f.late_rate)} "
                    f"({f.counts['late']}/{f.counts['resolved']} hồ sơ đã giải quyết), ngưỡng {percent_vi(p.threshold)}"
                )
                out.append(_annotation("warning", path, line, "Tỷ lệ trễ hạn vượt ngưỡng", message))
            if f.counts["over_posted"]:
                count = f.counts["over_posted"]
                message = f"{name} tháng {month_vi(f.month)}: {count} hồ sơ hẹn trả dài hơn thời hạn niêm yết"
                out.append(_annotation("notice", path, line, "Hẹn dài hơn niêm yết", message))
    return "\n".join(out)


def render(results: Results, fmt: str) -> str:
    if fmt == "json":
        return to_json(results)
    if fmt == "csv":
        return to_csv(results)
    if fmt == "github":
        return to_github(results)
    return to_text(results)
